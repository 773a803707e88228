using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Contracts.Registry;

namespace Tianxin.Rehabilitation.IntegrationEvents;

/// <summary>Keeps the eligibility copy: a newer fact never loses to an older one that arrives late.</summary>
public sealed class PersonRegisteredConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonRegistered>(dataSource)
{
    protected override async Task HandleAsync(PersonRegistered message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var upsert = new NpgsqlCommand(
            """
            insert into eligibility_persons (person_id, birth_date, sex, community_code, updated_at)
            values ($1, $2, $3, $4, $5)
            on conflict (person_id) do update
                set birth_date = excluded.birth_date, sex = excluded.sex, community_code = excluded.community_code,
                    updated_at = excluded.updated_at
                where eligibility_persons.updated_at < excluded.updated_at
            """, transaction.Connection, transaction);
        upsert.Parameters.AddWithValue(message.PersonId);
        upsert.Parameters.AddWithValue(message.BirthDate);
        upsert.Parameters.AddWithValue(message.Sex);
        upsert.Parameters.AddWithValue(message.CommunityCode);
        upsert.Parameters.AddWithValue(message.OccurredAt);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
