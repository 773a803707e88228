using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Seekers;

/// <summary>Asks the database's working_age_on, the one place the rules (working_age_rules) are read, so SQL figures and handlers agree.</summary>
public static class WorkingAge
{
    public static Task<bool> OfWorkingAgeAsync(NpgsqlDataSource dataSource, PersonFacts facts, DateOnly day, CancellationToken cancellationToken) =>
        dataSource.Command("select working_age_on($1, $2, $3)", facts.Sex, facts.BirthDate, day).ScalarAsync<bool>(cancellationToken);
}
