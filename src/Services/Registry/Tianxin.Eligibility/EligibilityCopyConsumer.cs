using System.Text.Json;
using MassTransit;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;

namespace Tianxin.Eligibility;

/// <summary>
/// Keeps this service's copy of every person's eligibility facts from all registry events, on one queue.
/// Each event carries the whole set; a copy only moves forward in version, so an older event arriving
/// late never overwrites a newer one, and a redelivered one is caught by the inbox.
/// </summary>
public sealed class EligibilityCopyConsumer(NpgsqlDataSource dataSource) :
    IConsumer<PersonRegistered>, IConsumer<PersonDetailsChanged>, IConsumer<PersonClosed>, IConsumer<CertificateChanged>,
    IConsumer<HouseholdChanged>, IConsumer<EligibilityFactsRefreshed>
{
    public Task Consume(ConsumeContext<PersonRegistered> context) => ApplyAsync(context);
    public Task Consume(ConsumeContext<PersonDetailsChanged> context) => ApplyAsync(context);
    public Task Consume(ConsumeContext<PersonClosed> context) => ApplyAsync(context);
    public Task Consume(ConsumeContext<CertificateChanged> context) => ApplyAsync(context);
    public Task Consume(ConsumeContext<HouseholdChanged> context) => ApplyAsync(context);
    public Task Consume(ConsumeContext<EligibilityFactsRefreshed> context) => ApplyAsync(context);

    private Task ApplyAsync<TEvent>(ConsumeContext<TEvent> context) where TEvent : class, IChangesEligibility =>
        Inbox.ApplyOnceAsync(dataSource, context, nameof(EligibilityCopyConsumer), async transaction =>
        {
            foreach (var facts in context.Message.Facts)
            {
                await transaction.Command(
                    """
                    insert into eligibility_persons (person_id, birth_date, sex, community_code, status, category, grade, household_flags, facts_version, household_id,
                                                     household_statuses, certificate_valid_until, closed_on)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)
                    on conflict (person_id) do update
                        set birth_date = excluded.birth_date, sex = excluded.sex, community_code = excluded.community_code,
                            status = excluded.status, category = excluded.category, grade = excluded.grade,
                            household_flags = excluded.household_flags, facts_version = excluded.facts_version,
                            household_id = excluded.household_id, household_statuses = excluded.household_statuses,
                            certificate_valid_until = excluded.certificate_valid_until, closed_on = excluded.closed_on, updated_at = now()
                        where eligibility_persons.facts_version < excluded.facts_version
                    """,
                    facts.PersonId, facts.BirthDate, facts.Sex, facts.CommunityCode, facts.Status, (short?)facts.Category,
                    (short?)facts.Grade, facts.HouseholdFlags.ToArray(), facts.Version, facts.HouseholdId,
                    JsonSerializer.Serialize(facts.HouseholdStatuses ?? [], JsonSerializerOptions.Web), facts.CertificateValidUntil, facts.ClosedOn)
                    .ExecuteAsync(context.CancellationToken);
            }
        });
}
