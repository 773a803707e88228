using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Applications;

/// <param name="Status">submitted, approved (in service with its institution), rejected or completed.</param>
public sealed record Application(
    Guid Id, Guid ProgrammeId, string ProgrammeCode, int Year, Guid PersonId, string CommunityCode, bool RegisteredPoor, string Status,
    decimal Amount, string? Institution, DateOnly? DecidedOn, string? Reason, DateOnly? CompletedOn, string? Outcome, decimal? Spent,
    int Sessions, int Devices, int Version)
{
    public const string Select =
        """
        select a.id, a.programme_id, p.code as programme_code, p.year, a.person_id, a.community_code, a.registered_poor, a.status, a.amount,
               a.institution, a.decided_on, a.reason, a.completed_on, a.outcome, a.spent,
               (select count(*)::int from service_sessions s where s.application_id = a.id) as sessions,
               (select coalesce(sum(d.count), 0)::int from device_fittings d where d.application_id = a.id) as devices,
               a.version
        from applications a join programmes p on p.id = a.programme_id
        """;

    public static Application Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("programme_id"), reader.Get<string>("programme_code"), reader.Get<int>("year"),
            reader.Get<Guid>("person_id"), reader.Get<string>("community_code"), reader.Get<bool>("registered_poor"), reader.Get<string>("status"),
            reader.Get<decimal>("amount"), reader.NullableString("institution"), reader.Nullable<DateOnly>("decided_on"),
            reader.NullableString("reason"), reader.Nullable<DateOnly>("completed_on"), reader.NullableString("outcome"),
            reader.Nullable<decimal>("spent"), reader.Get<int>("sessions"), reader.Get<int>("devices"), reader.Get<int>("version"));

    public static Task<Application?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where a.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<Application?> FindAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Command($"{Select} where a.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);
}
