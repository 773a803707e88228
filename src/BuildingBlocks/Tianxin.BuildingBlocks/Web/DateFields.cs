namespace Tianxin.BuildingBlocks.Web;

/// <summary>Dates callers report about things that happened: present, and not after today in China.</summary>
public static class DateFields
{
    public static DateOnly? Past(DateOnly? date, string field, IDictionary<string, string[]> errors, DateOnly today)
    {
        if (date is { } day && day <= today)
        {
            return day;
        }
        errors[field] = ["日期格式为 yyyy-MM-dd，不能晚于今天 / A date (yyyy-MM-dd) not after today."];
        return null;
    }

    /// <summary>A year something was reported or paid for: from 2000 (the platform's earliest records) to this one.</summary>
    public static int? PastYear(int? year, string field, IDictionary<string, string[]> errors, DateOnly today)
    {
        if (year is >= 2000 && year <= today.Year)
        {
            return year;
        }
        errors[field] = ["年度为2000年至今年 / A year from 2000 to this one."];
        return null;
    }
}
