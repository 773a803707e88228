using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.Campaigns;

/// <param name="Listed">How many persons the selection rule listed when the campaign was made.</param>
public sealed record Campaign(
    Guid Id, Guid ProgrammeId, string Festival, string Name, short[]? Grades, short[]? Categories, string[]? HouseholdFlags, decimal AmountPerVisit,
    DateOnly VisitsFrom, DateOnly VisitsTo, int Listed)
{
    private const string Columns =
        "id, programme_id, festival, name, grades, categories, household_flags, amount_per_visit, visits_from, visits_to, listed";

    public static Task<Campaign?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from campaigns where id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<Campaign>> ListAsync(NpgsqlDataSource dataSource, int? year, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from campaigns where $1::int is null or extract(year from visits_from) = $1 order by visits_from desc", year)
            .ReadAllAsync(Read, cancellationToken);

    private static Campaign Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("programme_id"), reader.Get<string>("festival"), reader.Get<string>("name"),
            reader.NullableArray<short>("grades"), reader.NullableArray<short>("categories"), reader.NullableArray<string>("household_flags"),
            reader.Get<decimal>("amount_per_visit"), reader.Get<DateOnly>("visits_from"), reader.Get<DateOnly>("visits_to"), reader.Get<int>("listed"));
}

/// <param name="Status">listed or visited.</param>
public sealed record CampaignVisit(Guid Id, Guid CampaignId, Guid PersonId, string CommunityCode, bool RegisteredPoor, string Status,
    DateOnly? VisitedOn, decimal? Amount)
{
    private const string Columns = "id, campaign_id, person_id, community_code, registered_poor, status, visited_on, amount";

    public static Task<CampaignVisit?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from campaign_visits where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<CampaignVisit?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from campaign_visits where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>The visits of a campaign in the caller's area, registered-poor households first.</summary>
    public static Task<List<CampaignVisit>> ListAsync(NpgsqlDataSource dataSource, Guid campaignId, string? status, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from campaign_visits where campaign_id = $1 and community_code like $2 and ($3::text is null or status = $3)
                order by registered_poor desc, community_code, id limit 5000
                """, campaignId, scope.Area.LikePattern, status)
            .ReadAllAsync(Read, cancellationToken);

    private static CampaignVisit Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("campaign_id"), reader.Get<Guid>("person_id"), reader.Get<string>("community_code"),
            reader.Get<bool>("registered_poor"), reader.Get<string>("status"), reader.Nullable<DateOnly>("visited_on"), reader.Nullable<decimal>("amount"));
}
