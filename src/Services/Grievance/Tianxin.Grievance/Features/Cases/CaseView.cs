using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

public sealed record CaseStepView(string Action, string? FromArea, string? ToArea, string? Handler, string? Reason, string By, DateTimeOffset At);

public sealed record ReferralView(Guid Id, string Target, string Summary, DateTimeOffset SentAt, string? Outcome, string? OutcomeNote, DateOnly? OutcomeOn);

public sealed record AttachmentSummary(Guid Id, string ContentType, string FileName, long SizeBytes);

/// <param name="ClockStatus">on_track, at_risk or breached against <paramref name="DueOn"/>; null once nothing is due.</param>
public sealed record CaseView(
    Guid Id, string Number, string Kind, string Channel, Guid? PersonId, string? ComplainantName, string? ComplainantPhone, string Subject,
    string CommunityCode, string AreaCode, string? Handler, string Narrative, DateOnly ReceivedOn, string Stage, DateOnly? AcceptedOn,
    int ExtensionDays, DateOnly? RepliedOn, string? Reply, bool? RepliedOnTime, int ReviewRound, DateOnly? ClosedOn, bool? ClosedOnTime,
    string? EscalatedTo, DateOnly? DueOn, string? ClockStatus, IReadOnlyList<CaseStepView> Steps, IReadOnlyList<ReferralView> Referrals,
    IReadOnlyList<AttachmentSummary> Attachments)
{
    public static async Task<CaseView> ReadAsync(NpgsqlDataSource dataSource, GrievanceCase found, PersonalDataProtector protector, bool unmasked,
        DateOnly today, int atRiskDays, CancellationToken cancellationToken)
    {
        var steps = await dataSource.Command(
                "select action, from_area, to_area, handler, reason, by_actor, at from case_steps where case_id = $1 order by id", found.Id)
            .ReadAllAsync(r => new CaseStepView(r.Get<string>("action"), r.NullableString("from_area"), r.NullableString("to_area"),
                r.NullableString("handler"), r.NullableString("reason"), r.Get<string>("by_actor"), r.Get<DateTimeOffset>("at")), cancellationToken);
        var referrals = await dataSource.Command(
                "select id, target, summary, sent_at, outcome, outcome_note, outcome_on from referrals where case_id = $1 order by sent_at", found.Id)
            .ReadAllAsync(r => new ReferralView(r.Get<Guid>("id"), r.Get<string>("target"), r.Get<string>("summary"), r.Get<DateTimeOffset>("sent_at"),
                r.NullableString("outcome"), r.NullableString("outcome_note"), r.Nullable<DateOnly>("outcome_on")), cancellationToken);
        var attachments = await dataSource.Command(
                "select id, content_type, file_name, size_bytes from attachments where owner_kind = 'case' and owner_id = $1 order by uploaded_at", found.Id)
            .ReadAllAsync(r => new AttachmentSummary(r.Get<Guid>("id"), r.Get<string>("content_type"), r.Get<string>("file_name"),
                r.Get<long>("size_bytes")), cancellationToken);
        return new CaseView(found.Id, found.Number, found.Kind, found.Channel, found.PersonId,
            Complainant.Show(found.ComplainantName, Complainant.NamePurpose, unmasked, protector, Masking.Name),
            Complainant.Show(found.ComplainantPhone, Complainant.PhonePurpose, unmasked, protector, Masking.Phone), found.Subject,
            found.CommunityCode, found.AreaCode, found.Handler, found.Narrative, found.ReceivedOn, found.Stage, found.AcceptedOn, found.ExtensionDays,
            found.RepliedOn, found.Reply, found.RepliedOnTime, found.ReviewRound, found.ClosedOn, found.ClosedOnTime, found.EscalatedTo, found.DueOn,
            Clocks.ClockStatus.Of(found.DueOn, today, atRiskDays), steps, referrals, attachments);
    }
}
