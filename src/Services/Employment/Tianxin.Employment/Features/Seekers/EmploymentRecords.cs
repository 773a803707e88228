using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Employment;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Seekers;

/// <summary>
/// Starts and ends employment inside the caller's transaction, for staff and for hires from referrals alike.
/// A person holds one job at a time: a later start ends the current one the day before.
/// </summary>
public sealed class EmploymentRecords(Outbox outbox, TimeProvider clock)
{
    /// <param name="postId">The public-welfare post held, for that kind: its places are counted under a lock on the post.</param>
    public async Task<Outcome<Guid>> StartAsync(NpgsqlTransaction transaction, PersonFacts person, string kind, Guid? employerId, DateOnly startedOn,
        string source, string by, CancellationToken cancellationToken, Guid? postId = null)
    {
        if (postId is { } post && await transaction.Command(
                """
                select p.places <= (select count(*) from employment_records r where r.post_id = p.id and r.ended_on is null)
                from public_welfare_posts p where p.id = $1 for update
                """, post).ScalarAsync<bool?>(cancellationToken) is not false)
        {
            return new Failure.Conflict("该公益性岗位已满员或不存在 / The post is full or does not exist", null, "places");
        }
        if (await EmploymentRecord.LockOpenAsync(transaction, person.PersonId, cancellationToken) is { } current)
        {
            if (startedOn <= current.StartedOn)
            {
                return new Failure.Conflict("新就业开始日期须晚于当前就业的开始日期 / The new job starts after the current one started",
                    $"Current job since {current.StartedOn:yyyy-MM-dd}.", "overlapping_employment");
            }
            await EndAsync(transaction, current, startedOn.AddDays(-1), "changed_job", cancellationToken);
        }
        var id = Guid.CreateVersion7();
        await transaction.Command(
            """
            insert into employment_records (id, person_id, community_code, kind, employer_id, started_on, source, recorded_by, post_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, id, person.PersonId, person.CommunityCode, kind, employerId, startedOn, source, by, postId).ExecuteAsync(cancellationToken);
        await MarkEmployedAsync(transaction, person.PersonId, true, cancellationToken);
        await outbox.EnqueueAsync(transaction, new EmploymentStarted(id, person.PersonId, person.CommunityCode, kind, employerId, startedOn, source,
            clock.GetUtcNow()), cancellationToken);
        return id;
    }

    public async Task EndAsync(NpgsqlTransaction transaction, EmploymentRecord current, DateOnly endedOn, string reason, CancellationToken cancellationToken)
    {
        await transaction.Command("update employment_records set ended_on = $2, end_reason = $3 where id = $1", current.Id, endedOn, reason)
            .ExecuteAsync(cancellationToken);
        await MarkEmployedAsync(transaction, current.PersonId, false, cancellationToken);
        await outbox.EnqueueAsync(transaction, new EmploymentEnded(current.Id, current.PersonId, current.Kind, endedOn, reason, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>The seeker's flag that matching reads (persons who never registered have no row to mark).</summary>
    private static Task MarkEmployedAsync(NpgsqlTransaction transaction, Guid personId, bool employed, CancellationToken cancellationToken) =>
        transaction.Command("update seekers set employed = $2 where person_id = $1", personId, employed).ExecuteAsync(cancellationToken);
}
