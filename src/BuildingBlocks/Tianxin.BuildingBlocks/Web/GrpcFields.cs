using System.Globalization;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>Fields that protos carry as strings, read with the field error a bad one earns.</summary>
public static class GrpcFields
{
    /// <param name="required">When false, an empty value is null rather than an error.</param>
    public static DateOnly? Date(string value, string field, Dictionary<string, string[]> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value) && !required)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = ["日期格式应为 yyyy-MM-dd / A date is written yyyy-MM-dd."];
        return null;
    }

    public static Guid Id(string value, string field, Dictionary<string, string[]> errors, string message)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }
        errors[field] = [message];
        return Guid.Empty;
    }

    /// <summary>Throws INVALID_ARGUMENT with every field error read so far, before a handler runs on half-read input.</summary>
    public static void ThrowIfAny(Dictionary<string, string[]> errors, string title = "信息有误 / The request has errors")
    {
        if (errors.Count > 0)
        {
            throw GrpcErrors.InvalidArgument(title, errors);
        }
    }

    /// <summary>"2026-03-05", or "" for none, as protos carry dates.</summary>
    public static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
