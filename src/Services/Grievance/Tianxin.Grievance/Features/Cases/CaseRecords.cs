using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.Cases;

/// <summary>What the intake of every channel writes: the case, its first step and its GrievanceReceived event.</summary>
public sealed record NewCase(
    Guid Id, string Kind, string Channel, Guid? PersonId, byte[]? ComplainantName, byte[]? ComplainantPhone, string Subject, string CommunityCode,
    string AreaCode, string Narrative, DateOnly ReceivedOn, string Stage, DateOnly? AcceptedOn, DateOnly? DueOn, string By, string? Number = null);

/// <summary>The writes every step of a case shares, so that each keeps its trail the same way.</summary>
public sealed class CaseRecords(Outbox outbox, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Prefixes = new() { ["petition"] = "XF", ["complaint"] = "TS", ["work_order"] = "GD" };

    public async Task InsertAsync(NpgsqlTransaction transaction, NewCase add, CancellationToken cancellationToken)
    {
        await transaction.Command(
            """
            insert into grievance_cases (id, number, kind, channel, person_id, complainant_name, complainant_phone, subject, community_code, area_code,
                                         narrative, received_on, stage, accepted_on, due_on, created_by)
            values ($1, coalesce($16, $2 || to_char($12, 'YYYY') || '-' || lpad(nextval('grievance_case_numbers')::text, 6, '0')), $3, $4, $5, $6, $7, $8,
                    $9, $10, $11, $12, $13, $14, $15, $17)
            """, add.Id, Prefixes[add.Kind], add.Kind, add.Channel, add.PersonId, add.ComplainantName, add.ComplainantPhone, add.Subject,
            add.CommunityCode, add.AreaCode, add.Narrative, add.ReceivedOn, add.Stage, add.AcceptedOn, add.DueOn, add.Number, add.By)
            .ExecuteAsync(cancellationToken);
        await StepAsync(transaction, add.Id, "received", null, add.AreaCode, null, null, add.By, cancellationToken);
        await outbox.EnqueueAsync(transaction, new GrievanceReceived(add.Id, add.Kind, add.Channel, add.Subject, add.CommunityCode, add.ReceivedOn,
            clock.GetUtcNow()), cancellationToken);
    }

    public static Task<int> StepAsync(NpgsqlTransaction transaction, Guid caseId, string action, string? fromArea, string? toArea, string? handler,
        string? reason, string by, CancellationToken cancellationToken) =>
        transaction.Command(
            "insert into case_steps (case_id, action, from_area, to_area, handler, reason, by_actor) values ($1, $2, $3, $4, $5, $6, $7)",
            caseId, action, fromArea, toArea, handler, reason, by).ExecuteAsync(cancellationToken);
}
