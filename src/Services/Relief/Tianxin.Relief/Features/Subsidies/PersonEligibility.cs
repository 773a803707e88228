using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Relief.Features.Subsidies;

/// <param name="Unmet">The conditions of the subsidy's rule the person does not meet (empty: eligible).</param>
public sealed record SubsidyCheck(string Subsidy, string Rule, IReadOnlyList<string> Unmet);

/// <summary>What relief knows of a person from the registry, with the dates, and where they stand against each subsidy's rule.</summary>
public sealed record PersonEligibilityView(PersonFacts Facts, IReadOnlyList<SubsidyCheck> Subsidies);

/// <summary>Why a person was, or was not, proposed: their copied facts against the year's two rules, for staff of their area.</summary>
public sealed class PersonEligibility(NpgsqlDataSource dataSource, EligibilityCopy eligibility)
{
    public async Task<Outcome<PersonEligibilityView>> HandleAsync(Guid personId, int year, AreaScope scope, CancellationToken cancellationToken)
    {
        if (await eligibility.FindAsync(personId, scope, cancellationToken) is not { } facts)
        {
            return new Failure.NotFound("本服务尚无此残疾人的资格信息 / No eligibility facts for this person here");
        }
        var holder = new Holder(facts.Status, facts.Category, facts.Grade, facts.HouseholdFlags);
        var rules = await dataSource.InTransactionAsync(transaction => SubsidyRule.InForceAsync(transaction, year, cancellationToken), cancellationToken);
        return new PersonEligibilityView(facts, [.. rules.Select(rule => new SubsidyCheck(rule.Subsidy, rule.Describe(), SubsidyEligibility.Unmet(rule, holder)))]);
    }
}
