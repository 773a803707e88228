using System.Diagnostics;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.Events;

/// <summary>
/// Writes what events count for: their facts, and the registry's persons (a row only moves to a higher
/// version, so persons end the same whatever order their events came in), and marks the district's figures
/// they change as stale. One statement per table for any number of events, which is what makes a rebuild of a year fast.
/// The caller holds <see cref="DistrictFigures.CountingLock"/>: shared as events arrive, exclusive in a rebuild.
/// </summary>
public static class Projection
{
    public static async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<(Guid MessageId, object Message)> events,
        CancellationToken cancellationToken)
    {
        var facts = events.SelectMany(e => FactsOf.Event(e.Message).Select((fact, ordinal) => (e.MessageId, Ordinal: (short)ordinal, Fact: fact))).ToList();
        if (facts.Count > 0)
        {
            await transaction.Command(
                """
                insert into report_facts (message_id, ordinal, programme, measure, year, month, community_code, person_id, household_id, items, amount)
                select * from unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::int[], $6::smallint[], $7::text[], $8::uuid[], $9::uuid[],
                                     $10::int[], $11::numeric[])
                on conflict do nothing
                """,
                facts.Select(f => f.MessageId).ToArray(), facts.Select(f => f.Ordinal).ToArray(), facts.Select(f => f.Fact.Programme).ToArray(),
                facts.Select(f => f.Fact.Measure).ToArray(), facts.Select(f => f.Fact.Year).ToArray(),
                facts.Select(f => f.Fact.Month is { } month ? (short?)month : null).ToArray(), facts.Select(f => f.Fact.CommunityCode).ToArray(),
                facts.Select(f => f.Fact.PersonId).ToArray(), facts.Select(f => f.Fact.HouseholdId).ToArray(), facts.Select(f => f.Fact.Items).ToArray(),
                facts.Select(f => f.Fact.Amount).ToArray()).ExecuteAsync(cancellationToken);
            var partitions = facts.Select(f => (f.Fact.Year, f.Fact.Programme, f.Fact.Measure)).Distinct().ToList();
            await transaction.Command(
                    "insert into report_figures_stale (year, programme, measure, trace_parent) select *, $4 from unnest($1::int[], $2::text[], $3::text[])",
                    partitions.Select(p => p.Year).ToArray(), partitions.Select(p => p.Programme).ToArray(), partitions.Select(p => p.Measure).ToArray(),
                    Cause)
                .ExecuteAsync(cancellationToken);
        }

        // The highest version of each person in this batch; the table keeps the highest of all batches. A person who
        // is new, moves or changes household moves the figures of every partition they have facts in.
        var persons = events.Select(e => e.Message).OfType<IChangesEligibility>().SelectMany(e => e.Facts)
            .GroupBy(p => p.PersonId).Select(g => g.MaxBy(p => p.Version)!).ToList();
        if (persons.Count > 0)
        {
            await transaction.Command(
                """
                with before as (
                    select person_id, community_code, household_id from report_persons where person_id = any($1)
                ), changed as (
                    insert into report_persons (person_id, community_code, household_id, birth_date, status, category, grade, flags, version)
                    select p.person_id, p.community_code, p.household_id, p.birth_date, p.status, p.category, p.grade,
                           string_to_array(p.flags, ','), p.version
                    from unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::text[], $6::int[], $7::int[], $8::text[], $9::bigint[])
                         as p (person_id, community_code, household_id, birth_date, status, category, grade, flags, version)
                    on conflict (person_id) do update set
                        community_code = excluded.community_code, household_id = excluded.household_id, birth_date = excluded.birth_date,
                        status = excluded.status, category = excluded.category, grade = excluded.grade, flags = excluded.flags, version = excluded.version
                    where report_persons.version < excluded.version
                    returning person_id, community_code, household_id
                )
                insert into report_figures_stale (year, programme, measure, trace_parent)
                select distinct f.year, f.programme, f.measure, $10
                from changed c left join before b on b.person_id = c.person_id join report_facts f on f.person_id = c.person_id
                where b.person_id is null or b.community_code <> c.community_code or b.household_id is distinct from c.household_id
                """,
                persons.Select(p => p.PersonId).ToArray(), persons.Select(p => p.CommunityCode).ToArray(), persons.Select(p => p.HouseholdId).ToArray(),
                persons.Select(p => p.BirthDate).ToArray(), persons.Select(p => p.Status).ToArray(), persons.Select(p => p.Category).ToArray(),
                persons.Select(p => p.Grade).ToArray(),
                persons.Select(p => string.Join(',', p.HouseholdFlags)).ToArray(),
                persons.Select(p => p.Version).ToArray(), Cause).ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>The trace of the event being projected (its consumer's span), which the count of what it marked links to.</summary>
    private static string? Cause => Activity.Current?.Id;
}
