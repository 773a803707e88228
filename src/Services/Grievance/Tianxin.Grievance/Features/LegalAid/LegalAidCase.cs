using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.LegalAid;

/// <summary>Who acts on a legal aid case: staff within their area (the station), or a law firm on the cases given to it only.</summary>
public sealed record LegalAidCaller(string By, AreaScope? Scope, string? Firm)
{
    public static LegalAidCaller Staff(string name, AreaScope scope) => new(name, scope, null);

    public static LegalAidCaller LawFirm(string clientId) => new(clientId, null, clientId);
}

public sealed record LegalAidActionView(string Kind, DateOnly On, string Note, string By);

/// <param name="Status">open (given to a firm, not yet accepted, or at the station), accepted or closed.</param>
public sealed record LegalAidCase(
    Guid Id, Guid? CaseId, Guid? PersonId, string CommunityCode, string Matter, string? Firm, string Status, DateOnly OpenedOn, DateOnly? AcceptedOn,
    DateOnly? ClosedOn, string? Outcome, IReadOnlyList<LegalAidActionView> Actions)
{
    private const string Columns = "id, case_id, person_id, community_code, matter, firm, status, opened_on, accepted_on, closed_on, outcome";
    private const string Reach = "(($2::text is not null and community_code like $2) or ($3::text is not null and firm = $3))";

    public static async Task<LegalAidCase?> FindAsync(NpgsqlDataSource dataSource, Guid id, LegalAidCaller caller, CancellationToken cancellationToken)
    {
        var found = await dataSource.Command($"select {Columns} from legal_aid_cases where id = $1 and {Reach}", id, caller.Scope?.Area.LikePattern,
            caller.Firm).ReadFirstOrDefaultAsync(r => Read(r, []), cancellationToken);
        if (found is null)
        {
            return null;
        }
        var actions = await dataSource.Command("select kind, on_day, note, by_actor from legal_aid_actions where legal_case_id = $1 order by on_day, recorded_at", id)
            .ReadAllAsync(r => new LegalAidActionView(r.Get<string>("kind"), r.Get<DateOnly>("on_day"), r.Get<string>("note"), r.Get<string>("by_actor")),
                cancellationToken);
        return found with { Actions = actions };
    }

    public static Task<LegalAidCase?> LockAsync(NpgsqlTransaction transaction, Guid id, LegalAidCaller caller, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from legal_aid_cases where id = $1 and {Reach} for update", id, caller.Scope?.Area.LikePattern, caller.Firm)
            .ReadFirstOrDefaultAsync(r => Read(r, []), cancellationToken);

    public static Task<List<LegalAidCase>> ListAsync(NpgsqlDataSource dataSource, string? status, LegalAidCaller caller, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from legal_aid_cases where ($1::text is null or status = $1) and {Reach} order by opened_on desc limit 500",
                status, caller.Scope?.Area.LikePattern, caller.Firm)
            .ReadAllAsync(r => Read(r, []), cancellationToken);

    private static LegalAidCase Read(NpgsqlDataReader r, IReadOnlyList<LegalAidActionView> actions) =>
        new(r.Get<Guid>("id"), r.Nullable<Guid>("case_id"), r.Nullable<Guid>("person_id"), r.Get<string>("community_code"), r.Get<string>("matter"),
            r.NullableString("firm"), r.Get<string>("status"), r.Get<DateOnly>("opened_on"), r.Nullable<DateOnly>("accepted_on"),
            r.Nullable<DateOnly>("closed_on"), r.NullableString("outcome"), actions);
}
