using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Tests;

/// <summary>working_age_on reads the rules table: 16 to 60 (men) or 55 (women), one month later for every four months of births from 1965/1970.</summary>
[Collection(EmploymentDatabaseCollection.Name)]
public sealed class WorkingAgeTests(EmploymentDatabase database)
{
    [Theory]
    [InlineData("male", "2010-06-01", "2026-05-31", false)] // a day before the 16th birthday
    [InlineData("male", "2010-06-01", "2026-06-01", true)]
    [InlineData("male", "1964-12-01", "2024-11-30", true)] // born before 1965: retires at 60
    [InlineData("male", "1964-12-01", "2024-12-01", false)]
    [InlineData("male", "1965-05-01", "2025-06-30", true)] // second cohort: 60 years and 2 months
    [InlineData("male", "1965-05-01", "2025-07-01", false)]
    [InlineData("male", "1980-01-01", "2042-12-31", true)] // the final 63
    [InlineData("male", "1980-01-01", "2043-01-01", false)]
    [InlineData("female", "1969-12-01", "2024-12-01", false)] // 55 before 1970
    [InlineData("female", "1970-01-01", "2025-01-31", true)] // 55 and a month
    [InlineData("female", "1970-01-01", "2025-02-01", false)]
    public async Task Working_age_follows_the_rules_table(string sex, string born, string day, bool expected)
    {
        await using var dataSource = await database.NewAsync();

        Assert.Equal(expected, await dataSource.Command("select working_age_on($1, $2, $3)", sex, DateOnly.Parse(born), DateOnly.Parse(day))
            .ScalarAsync<bool>(default));
    }

    [Fact]
    public async Task A_district_that_changes_the_rule_changes_the_answer()
    {
        await using var dataSource = await database.NewAsync();
        var born = new DateOnly(1950, 1, 1);

        var before = await OfWorkingAgeAsync(dataSource, born, new DateOnly(2014, 6, 1));
        await dataSource.Command("update working_age_rules set retirement_age_months = 780 where sex = 'male' and born_from = '1900-01-01'")
            .ExecuteAsync(default);
        var after = await OfWorkingAgeAsync(dataSource, born, new DateOnly(2014, 6, 1));

        Assert.Equal((false, true), (before, after));
    }

    private static Task<bool> OfWorkingAgeAsync(NpgsqlDataSource dataSource, DateOnly born, DateOnly day) =>
        dataSource.Command("select working_age_on('male', $1, $2)", born, day).ScalarAsync<bool>(default);
}
