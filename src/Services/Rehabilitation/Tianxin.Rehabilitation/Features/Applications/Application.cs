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
        select a.id, a.programme_id, p.code, p.year, a.person_id, a.community_code, a.registered_poor, a.status, a.amount, a.institution,
               a.decided_on, a.reason, a.completed_on, a.outcome, a.spent,
               (select count(*)::int from service_sessions s where s.application_id = a.id),
               (select coalesce(sum(d.count), 0)::int from device_fittings d where d.application_id = a.id),
               a.version
        from applications a join programmes p on p.id = a.programme_id
        """;

    public static Application Read(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetGuid(4), reader.GetString(5),
            reader.GetBoolean(6), reader.GetString(7), reader.GetDecimal(8), reader.NullableString(9), reader.Nullable<DateOnly>(10),
            reader.NullableString(11), reader.Nullable<DateOnly>(12), reader.NullableString(13), reader.Nullable<decimal>(14),
            reader.GetInt32(15), reader.GetInt32(16), reader.GetInt32(17));

    public static Task<Application?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where a.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);
}
