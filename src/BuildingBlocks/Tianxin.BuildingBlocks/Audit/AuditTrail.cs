using System.Diagnostics;
using System.Security.Claims;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Audit;

public static class AuditActions
{
    public const string AuthorizationDenied = "authorization.denied";
    public const string PersonalDataRead = "personal_data.read";
    public const string PersonalDataChanged = "personal_data.changed";
}

/// <param name="Resource">What was touched: "GET /api/registry/persons/42", "person:42".</param>
/// <param name="Outcome">"401", "403", "ok".</param>
/// <param name="Purpose">Why unmasked data was read, as the caller declared it.</param>
public sealed record AuditEvent(string Action, string Resource, string Outcome, string? Purpose = null);

public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string Actor, string? ActorRole, string Action,
    string Resource, string Outcome, string? Purpose, string? TraceId, string? ClientAddress);

/// <summary>Appends audit events to the service's own database and reads them back for auditors.</summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource)
{
    /// <param name="actor">Who: <see cref="Callers.NameOf"/>, or for a refused token "unverified:" and the name it claims, or "anonymous".</param>
    public async Task RecordAsync(string actor, ClaimsPrincipal user, string? clientAddress, AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand(InsertSql);
        await Fill(insert, actor, user, clientAddress, audit).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A change's record, in the change's transaction: both commit, or neither does.</summary>
    public async Task RecordAsync(NpgsqlTransaction transaction, string actor, ClaimsPrincipal user, string? clientAddress, AuditEvent audit,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(InsertSql, transaction.Connection, transaction);
        await Fill(insert, actor, user, clientAddress, audit).ExecuteNonQueryAsync(cancellationToken);
    }

    private const string InsertSql =
        """
        insert into audit_events (actor, actor_role, action, resource, outcome, purpose, trace_id, client_address)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    private static NpgsqlCommand Fill(NpgsqlCommand insert, string actor, ClaimsPrincipal user, string? clientAddress, AuditEvent audit)
    {
        insert.Parameters.AddWithValue(actor);
        insert.Parameters.AddWithValue((object?)user.FindFirst(PlatformClaims.Role)?.Value ?? DBNull.Value);
        insert.Parameters.AddWithValue(audit.Action);
        insert.Parameters.AddWithValue(audit.Resource);
        insert.Parameters.AddWithValue(audit.Outcome);
        insert.Parameters.AddWithValue((object?)audit.Purpose ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)Activity.Current?.TraceId.ToHexString() ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)clientAddress ?? DBNull.Value);
        return insert;
    }

    public async Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(
            """
            select id, occurred_at, actor, actor_role, action, resource, outcome, purpose, trace_id, client_address
            from audit_events
            where ($1::text is null or actor = $1) and ($2::text is null or action = $2)
              and ($3::timestamptz is null or occurred_at >= $3) and ($4::timestamptz is null or occurred_at < $4)
              and ($5::bigint is null or id < $5)
            order by id desc
            limit $6
            """);
        select.Parameters.AddWithValue((object?)query.Actor ?? DBNull.Value);
        select.Parameters.AddWithValue((object?)query.Action ?? DBNull.Value);
        select.Parameters.AddWithValue((object?)query.From ?? DBNull.Value);
        select.Parameters.AddWithValue((object?)query.To ?? DBNull.Value);
        select.Parameters.AddWithValue((object?)query.Before ?? DBNull.Value);
        select.Parameters.AddWithValue(query.Limit ?? 100);
        var entries = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.Get<long>("id"), reader.Get<DateTimeOffset>("occurred_at"), reader.Get<string>("actor"),
                reader.NullableString("actor_role"), reader.Get<string>("action"), reader.Get<string>("resource"), reader.Get<string>("outcome"),
                reader.NullableString("purpose"), reader.NullableString("trace_id"), reader.NullableString("client_address")));
        }
        return entries;
    }
}
