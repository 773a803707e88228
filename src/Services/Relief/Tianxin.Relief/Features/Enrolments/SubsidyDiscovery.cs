using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Relief;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>Why a registry event changed a person's facts, for the proposal's source and an ending's reason.</summary>
/// <param name="EffectiveOn">The day the change took effect (a death, a revocation, a status's end): an entitlement ends with that month.</param>
/// <param name="EndReason">The reason an ending records, when the change itself names one (certificate_revoked, deceased …).</param>
/// <param name="Subject">The person the reason is about (the certificate holder, the deceased); null when it is about everyone in the event.</param>
public sealed record FactsChange(string Source, DateOnly EffectiveOn, string? EndReason, Guid? Subject = null)
{
    public string? EndReasonFor(Guid personId) => Subject is null || Subject == personId ? EndReason : null;
}

/// <summary>
/// Proactive discovery (主动发现): for each subsidy of the year, an event that turns a person eligible puts a
/// proposal on their street's worklist, and one that turns them ineligible ends their enrolment with the
/// month of the change. Runs inside the consumer's inbox transaction, so a redelivered event does nothing.
/// </summary>
public sealed class SubsidyDiscovery(Outbox outbox, TimeProvider clock)
{
    public async Task ApplyAsync(NpgsqlTransaction transaction, EligibilityFacts facts, FactsChange change, CancellationToken cancellationToken)
    {
        // Whether someone is owed a subsidy is decided by today's rules; the change's own date only dates an ending.
        var rules = await SubsidyRule.InForceAsync(transaction, clock.TodayInChina().Year, cancellationToken);
        foreach (var rule in rules)
        {
            var unmet = SubsidyEligibility.Unmet(rule, Holder.Of(facts));
            var eligible = unmet.Count == 0;
            var wasEligible = await transaction.Command(
                """
                with previous as (select eligible from discovery_state where person_id = $1 and subsidy = $2),
                     saved as (
                         insert into discovery_state (person_id, subsidy, eligible, facts_version) values ($1, $2, $3, $4)
                         on conflict (person_id, subsidy) do update set eligible = excluded.eligible, facts_version = excluded.facts_version
                             where discovery_state.facts_version < excluded.facts_version
                         returning 1)
                select case when not exists (select 1 from saved) then null else coalesce((select eligible from previous), false) end
                """, facts.PersonId, rule.Subsidy, eligible, facts.Version).ScalarAsync<bool?>(cancellationToken);
            if (wasEligible is not { } before)
            {
                continue; // facts older than what discovery has already seen
            }
            await transaction.Command(
                    "update enrolments set community_code = $3 where person_id = $1 and subsidy = $2 and status in ('proposed', 'accepted', 'reviewed', 'approved')",
                    facts.PersonId, rule.Subsidy, facts.CommunityCode).ExecuteAsync(cancellationToken);
            if (eligible && !before)
            {
                await ProposeAsync(transaction, facts, rule, change, cancellationToken);
            }
            else if (!eligible && before)
            {
                await EndAsync(transaction, facts.PersonId, rule.Subsidy, change.EffectiveOn, change.EndReasonFor(facts.PersonId) ?? unmet[0], cancellationToken);
            }
        }
    }

    private async Task ProposeAsync(NpgsqlTransaction transaction, EligibilityFacts facts, SubsidyRule rule, FactsChange change,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var proposed = await transaction.Command(
            """
            insert into enrolments (id, person_id, subsidy, community_code, status, matched_rule, proposed_from)
            values ($1, $2, $3, $4, 'proposed', $5, $6)
            on conflict (person_id, subsidy) where status in ('proposed', 'accepted', 'reviewed', 'approved') do nothing
            """, id, facts.PersonId, rule.Subsidy, facts.CommunityCode, rule.Describe(), change.Source).ExecuteAsync(cancellationToken);
        if (proposed == 1)
        {
            await outbox.EnqueueAsync(transaction,
                new EnrolmentProposed(id, facts.PersonId, rule.Subsidy, facts.CommunityCode, rule.Describe(), clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>
    /// The entitlement ends with the month of the change: an approved one is paid to that month and a month
    /// already paid after it becomes a recovery (追回); one not yet approved lapses. Lines of runs not yet
    /// approved for months after the end fail, so they are never paid.
    /// </summary>
    public async Task EndAsync(NpgsqlTransaction transaction, Guid personId, string subsidy, DateOnly effectiveOn, string reason,
        CancellationToken cancellationToken)
    {
        var lastMonth = new DateOnly(effectiveOn.Year, effectiveOn.Month, 1);
        var ended = await transaction.Command(
                """
                update enrolments set status = case when status = 'approved' then 'ended' else 'lapsed' end,
                                      ends_month = $3, end_reason = $4, version = version + 1
                where person_id = $1 and subsidy = $2 and status in ('proposed', 'accepted', 'reviewed', 'approved')
                returning id, status
                """, personId, subsidy, lastMonth, reason)
            .ReadAllAsync(r => (Id: r.Get<Guid>("id"), Status: r.Get<string>("status")), cancellationToken);
        if (ended is not [{ Status: "ended" } enrolment])
        {
            return;
        }
        await outbox.EnqueueAsync(transaction, new EnrolmentEnded(enrolment.Id, personId, subsidy, lastMonth, reason, clock.GetUtcNow()),
            cancellationToken);
        await transaction.Command(
            """
            update payments set state = 'failed', reason = '待遇已终止 / The entitlement ended', updated_at = now()
            where state = 'pending' and id in (
                select l.payment_id from payment_run_lines l join payment_runs r on r.id = l.run_id
                where l.enrolment_id = $1 and l.month > $2 and r.state in ('computing', 'draft', 'submitted'))
            """, enrolment.Id, lastMonth).ExecuteAsync(cancellationToken);
        await RecoverPaidAfterEndAsync(transaction, enrolment.Id, cancellationToken);
    }

    /// <summary>Every month paid after an ended enrolment's last month becomes one recovery, however often this is called.</summary>
    public async Task RecoverPaidAfterEndAsync(NpgsqlTransaction transaction, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var raised = await transaction.Command(
                """
                insert into recoveries (id, enrolment_id, person_id, subsidy, month, payment_id, amount, community_code)
                select gen_random_uuid(), e.id, e.person_id, e.subsidy, l.month, p.id, p.amount, e.community_code
                from enrolments e
                join payment_run_lines l on l.enrolment_id = e.id and l.month > e.ends_month
                join payments p on p.id = l.payment_id and p.state = 'paid'
                where e.id = $1 and e.status = 'ended'
                on conflict (payment_id) do nothing
                returning id, person_id, subsidy, month, amount
                """, enrolmentId)
            .ReadAllAsync(r => new RecoveryRaised(r.Get<Guid>("id"), r.Get<Guid>("person_id"), r.Get<string>("subsidy"),
                r.Get<DateOnly>("month"), r.Get<decimal>("amount"), clock.GetUtcNow()), cancellationToken);
        foreach (var recovery in raised)
        {
            await outbox.EnqueueAsync(transaction, recovery, cancellationToken);
        }
    }
}
