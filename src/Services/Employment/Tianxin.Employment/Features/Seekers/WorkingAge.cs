using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Seekers;

/// <summary>
/// Asks the database's working_age_on for one person. The one place the rules (working_age_rules) are read is
/// working_age_births, which queries over many persons join and working_age_on asks, so all of them agree.
/// </summary>
public static class WorkingAge
{
    public static Task<bool> OfWorkingAgeAsync(NpgsqlDataSource dataSource, PersonFacts facts, DateOnly day, CancellationToken cancellationToken) =>
        dataSource.Command("select working_age_on($1, $2, $3)", facts.Sex, facts.BirthDate, day).ScalarAsync<bool>(cancellationToken);
}
