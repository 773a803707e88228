using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Contributions;

namespace Tianxin.Relief.Features.Figures;

/// <summary>
/// The year's figures from the records themselves: subsidy payments per month (paid, pending, failed),
/// coverage of the two subsidies against the registry's copy, and each programme's cases within budget.
/// </summary>
public sealed class FindReliefFigures(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Who is eligible under a rule (r) in the copy (p): the same test as discovery, in SQL.</summary>
    private const string EligibleUnderRule =
        """
        p.status = 'active' and p.grade is not null
        and (r.grades is null or p.grade = any(r.grades) or (p.category = any(r.extended_categories) and p.grade = any(r.extended_grades)))
        and (cardinality(r.required_statuses) = 0 or p.household_flags && r.required_statuses)
        and not (p.household_flags && r.excluded_by)
        """;

    public async Task<ReliefFigures> HandleAsync(int? year, AreaScope scope, CancellationToken cancellationToken)
    {
        var of = year ?? clock.TodayInChina().Year;
        var months = await dataSource.Command(
                """
                select p.programme as subsidy, p.period as month,
                       count(distinct p.payee_id) filter (where p.state = 'paid')::int as people,
                       count(*) filter (where p.state = 'paid')::int as paid_payments, coalesce(sum(p.amount) filter (where p.state = 'paid'), 0) as paid,
                       count(*) filter (where p.state = 'pending')::int as pending_payments,
                       coalesce(sum(p.amount) filter (where p.state = 'pending'), 0) as pending,
                       count(*) filter (where p.state = 'failed')::int as failed_payments
                from payments p join payment_run_lines l on l.payment_id = p.id join enrolments e on e.id = l.enrolment_id
                where p.programme in ('living_subsidy', 'care_subsidy') and p.period like $1 and e.community_code like $2
                group by p.programme, p.period order by p.programme, p.period
                """, $"{of}-%", scope.Area.LikePattern)
            .ReadAllAsync(r => new SubsidyMonthFigures(r.Get<string>("subsidy"), r.Get<string>("month"), r.Get<int>("people"),
                r.Get<int>("paid_payments"), r.Get<decimal>("paid"), r.Get<int>("pending_payments"), r.Get<decimal>("pending"),
                r.Get<int>("failed_payments")), cancellationToken);
        var coverage = await dataSource.Command(
                $"""
                select r.subsidy,
                       count(p.person_id)::int as eligible,
                       count(p.person_id) filter (where exists (
                           select 1 from enrolments e where e.person_id = p.person_id and e.subsidy = r.subsidy and e.status = 'approved'))::int as enrolled,
                       (select coalesce(sum(amount), 0) from recoveries c where c.subsidy = r.subsidy and c.state = 'open' and c.community_code like $2)
                           as recoveries_open
                from subsidy_rules r
                left join eligibility_persons p on p.community_code like $2 and {EligibleUnderRule}
                where r.year = $1
                group by r.subsidy order by r.subsidy
                """, of, scope.Area.LikePattern)
            .ReadAllAsync(r =>
            {
                var eligible = r.Get<int>("eligible");
                var enrolled = r.Get<int>("enrolled");
                return new SubsidyCoverage(r.Get<string>("subsidy"), eligible, enrolled,
                    eligible == 0 ? null : Math.Round((decimal)enrolled / eligible, 4), r.Get<decimal>("recoveries_open"));
            }, cancellationToken);
        var programmes = await dataSource.Command(
                """
                with given as (
                    select programme_id, person_id, amount from relief_cases where status = 'granted' and community_code like $2
                    union all
                    select programme_id, person_id, spent from home_modifications where status = 'completed' and community_code like $2
                    union all
                    select c.programme_id, v.person_id, v.amount from campaign_visits v join campaigns c on c.id = v.campaign_id
                    where v.status = 'visited' and v.community_code like $2
                    union all
                    -- Contributions are paid straight from the ledger, with no case of their own.
                    select p.budget_line_id, p.payee_id, p.amount from payments p join eligibility_persons e on e.person_id = p.payee_id
                    where p.programme = any ($3) and p.state <> 'failed' and e.community_code like $2)
                select g.id, g.code, g.name, g.year, b.budget, b.committed,
                       count(x.person_id)::int as cases, count(distinct x.person_id)::int as people, coalesce(sum(x.amount), 0) as granted
                from relief_programmes g join budget_lines b on b.id = g.id
                left join given x on x.programme_id = g.id
                where g.year = $1
                group by g.id, g.code, g.name, g.year, b.budget, b.committed order by g.code
                """, of, scope.Area.LikePattern, ContributionRule.Insurances.Select(ContributionRule.ProgrammeOf).ToArray())
            .ReadAllAsync(r => new ProgrammeFigures(r.Get<Guid>("id"), r.Get<string>("code"), r.Get<string>("name"), r.Get<int>("year"),
                r.Get<int>("cases"), r.Get<int>("people"), r.Get<decimal>("granted"), r.Get<decimal>("budget"),
                r.Get<decimal>("budget") - r.Get<decimal>("committed")), cancellationToken);
        return new ReliefFigures(of, months, coverage, programmes);
    }

    public Task<List<CoverageGap>> GapsAsync(int? year, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select p.person_id, p.community_code, p.category, p.grade, r.subsidy, e.status, e.refused_at_step, e.refusal_reason
                from subsidy_rules r
                join eligibility_persons p on p.community_code like $2 and {EligibleUnderRule}
                left join lateral (
                    select status, refused_at_step, refusal_reason from enrolments e
                    where e.person_id = p.person_id and e.subsidy = r.subsidy order by e.proposed_at desc limit 1) e on true
                where r.year = $1 and e.status is distinct from 'approved'
                order by p.community_code, r.subsidy, p.person_id limit 5000
                """, year ?? clock.TodayInChina().Year, scope.Area.LikePattern)
            .ReadAllAsync(r =>
            {
                var status = r.NullableString("status");
                return new CoverageGap(r.Get<Guid>("person_id"), r.Get<string>("community_code"), r.Nullable<short>("category"),
                    r.Nullable<short>("grade"), r.Get<string>("subsidy"), status ?? "not_proposed",
                    status == "refused" ? $"{r.NullableString("refused_at_step")}: {r.NullableString("refusal_reason")}" : null);
            }, cancellationToken);
}
