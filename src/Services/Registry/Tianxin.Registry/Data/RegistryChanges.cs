using Tianxin.BuildingBlocks;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Registry;

namespace Tianxin.Registry.Data;

/// <summary>
/// The one way the registry changes data: in a transaction with its history rows and the integration
/// event carrying the new eligibility facts, audited after it commits.
/// </summary>
public sealed class RegistryChanges(NpgsqlDataSource dataSource, Outbox outbox, AuditTrail audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => clock.TodayInChina();

    public Task<T> RunAsync<T>(Func<NpgsqlTransaction, Task<T>> change, CancellationToken cancellationToken) =>
        dataSource.InTransactionAsync(change, cancellationToken);

    /// <summary>
    /// Locks a person and the registered members of their household, in id order, before anything else in
    /// the transaction: every change that touches a person takes its locks this way, persons first, so
    /// concurrent changes wait for each other instead of deadlocking.
    /// </summary>
    /// <returns>The person's status (null if there is no such person) and the other members' ids.</returns>
    public async Task<(string? Status, IReadOnlyList<Guid> Household)> LockWithHouseholdAsync(NpgsqlTransaction transaction, Guid personId,
        CancellationToken cancellationToken)
    {
        var locked = await transaction.Command(
                """
                select p.id, p.status from persons p
                where p.id = $1 or p.id in (select other.person_id from household_members member
                                            join household_members other on other.household_id = member.household_id
                                            where member.person_id = $1 and other.person_id is not null)
                order by p.id
                for update of p
                """, personId)
            .ReadAllAsync(reader => (Id: reader.Get<Guid>("id"), Status: reader.Get<string>("status")), cancellationToken);
        return (locked.FirstOrDefault(row => row.Id == personId).Status, locked.Where(row => row.Id != personId).Select(row => row.Id).ToList());
    }

    /// <summary>
    /// Locks the persons (in id order, so concurrent changes to one household cannot deadlock), gives each a
    /// new facts version, derives their facts as this transaction leaves them and stores them on the person.
    /// </summary>
    public async Task<IReadOnlyList<EligibilityFacts>> NewFactsAsync(NpgsqlTransaction transaction, IEnumerable<Guid> personIds,
        CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().Order().ToArray();
        await transaction.Command("select id from persons where id = any($1) order by id for update", ids).ExecuteAsync(cancellationToken);
        return await transaction.Command(
                """
                with derived as (select person_id, household_id, household_flags from person_facts where person_id = any($1))
                update persons p
                set facts_version = nextval('eligibility_facts_versions'), household_id = d.household_id, household_flags = d.household_flags
                from derived d
                where p.id = d.person_id
                returning p.id, p.birth_date, p.sex, p.community_code, p.status,
                          (select category from certificates c where c.person_id = p.id and c.status = 'valid') as category,
                          (select grade from certificates c where c.person_id = p.id and c.status = 'valid') as grade,
                          p.household_flags, p.facts_version, p.household_id,
                          (select valid_until from certificates c where c.person_id = p.id and c.status = 'valid') as valid_until, p.closed_on,
                          (select coalesce(jsonb_agg(jsonb_build_object('status', s.status, 'from', s.effective_from, 'to', s.effective_to)
                                                     order by s.effective_from, s.status), '[]'::jsonb)
                           from household_statuses s where s.household_id = p.household_id)::text as household_statuses
                """, ids)
            .ReadAllAsync(ReadFacts, cancellationToken);
    }

    public Task PublishAsync<TEvent>(NpgsqlTransaction transaction, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : class, IChangesEligibility =>
        outbox.EnqueueAsync(transaction, integrationEvent, cancellationToken);

    /// <param name="details">Old and new values; never the ID number.</param>
    public Task RecordHistoryAsync(NpgsqlTransaction transaction, Guid personId, string change, object details, string changedBy,
        CancellationToken cancellationToken)
    {
        var command = transaction.Command(
            "insert into person_history (person_id, change, details, changed_by) values ($1, $2, $3, $4)",
            personId, change, null, changedBy);
        command.Parameters[2] = new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(details, Json) };
        return command.ExecuteAsync(cancellationToken);
    }

    /// <summary>The audit record of a change, in its transaction, so that a change never stands without one.</summary>
    public Task AuditChangeAsync(NpgsqlTransaction transaction, Actor actor, string resource, string outcome, CancellationToken cancellationToken) =>
        audit.RecordAsync(transaction, actor.Name, actor.User, actor.ClientAddress,
            new AuditEvent(AuditActions.PersonalDataChanged, resource, outcome), cancellationToken);

    private static EligibilityFacts ReadFacts(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<DateOnly>("birth_date"), reader.Get<string>("sex"), reader.Get<string>("community_code"),
            reader.Get<string>("status"), reader.Nullable<short>("category"), reader.Nullable<short>("grade"), reader.Get<string[]>("household_flags"),
            reader.Get<long>("facts_version"), reader.Nullable<Guid>("household_id"),
            JsonSerializer.Deserialize<List<HouseholdStatusPeriod>>(reader.Get<string>("household_statuses"), JsonSerializerOptions.Web),
            reader.Nullable<DateOnly>("valid_until"), reader.Nullable<DateOnly>("closed_on"));
}
