using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

/// <param name="Kind">petition (信访) or complaint (来访投诉); 12345 orders come from the hotline.</param>
/// <param name="Channel">letter, visit, phone or online for a petition; walk_in, phone or online for a complaint.</param>
/// <param name="PersonId">The registry's person, when the complainant is one; otherwise name and phone.</param>
public sealed record CaseRequest(
    string? Kind, string? Channel, Guid? PersonId, string? ComplainantName, string? ComplainantPhone, string? Subject, string? CommunityCode,
    string? Narrative, DateOnly? ReceivedOn);

/// <summary>
/// A petition or complaint received by the caller's area, which holds it first. A petition starts on its
/// acceptance clock; a complaint is handled at once, on the handling clock.
/// </summary>
public sealed class ReceiveCase(NpgsqlDataSource dataSource, CaseRecords records, PersonalDataProtector protector, TimeProvider clock)
{
    public const string InvalidTitle = "案件信息有误 / The case has errors";
    private static readonly Dictionary<string, string[]> Channels = new()
    {
        ["petition"] = ["letter", "visit", "phone", "online"],
        ["complaint"] = ["walk_in", "phone", "online"],
    };

    public async Task<Outcome<Guid>> HandleAsync(CaseRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var today = clock.TodayInChina();
        if (request.Kind is null || !Channels.TryGetValue(request.Kind, out var channels))
        {
            errors["kind"] = ["类型为 petition（信访）或 complaint（投诉） / petition or complaint."];
        }
        else if (request.Channel is null || !channels.Contains(request.Channel))
        {
            errors["channel"] = [$"渠道为 {string.Join("、", channels)} 之一 / One of {string.Join(", ", channels)}."];
        }
        if (request.PersonId is null)
        {
            if (string.IsNullOrWhiteSpace(request.ComplainantName) || !PlainText.IsValid(request.ComplainantName.Trim(), 50))
            {
                errors["complainantName"] = ["未关联残疾人信息时请填写来访人姓名 / Name the complainant when no person is linked."];
            }
            if (string.IsNullOrWhiteSpace(request.ComplainantPhone) || !request.ComplainantPhone.Trim().All(c => char.IsAsciiDigit(c) || c == '-')
                || request.ComplainantPhone.Trim().Length is < 7 or > 20)
            {
                errors["complainantPhone"] = ["请填写联系电话 / Give a phone number to reach the complainant."];
            }
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !actor.Scope.Covers(community.Value))
        {
            errors["communityCode"] = ["请填写本辖区内的社区代码（12位） / A community code (12 digits) within your area."];
        }
        if (string.IsNullOrWhiteSpace(request.Narrative) || !PlainText.IsValid(request.Narrative.Trim(), 2000))
        {
            errors["narrative"] = ["请填写诉求内容（不超过2000字） / Say what the complaint is, at most 2,000 characters."];
        }
        var receivedOn = DateFields.Past(request.ReceivedOn, "receivedOn", errors, today);
        if (!await SubjectExistsAsync(request.Subject, cancellationToken))
        {
            errors["subject"] = ["没有此诉求类别 / No such subject; see GET /subjects."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }

        var id = Guid.CreateVersion7();
        return await dataSource.InTransactionAsync(async transaction =>
        {
            var rules = await ClockRules.ReadAsync(transaction, cancellationToken);
            var petition = request.Kind == "petition";
            var stage = petition ? "acceptance" : "handling";
            DateOnly? acceptedOn = petition ? null : receivedOn;
            await records.InsertAsync(transaction, new NewCase(id, request.Kind!, request.Channel!, request.PersonId,
                request.PersonId is null ? protector.Encrypt(request.ComplainantName!.Trim(), Complainant.NamePurpose) : null,
                request.PersonId is null ? protector.Encrypt(request.ComplainantPhone!.Trim(), Complainant.PhonePurpose) : null,
                request.Subject!, request.CommunityCode!, actor.Scope.Area.Value, request.Narrative!.Trim(), receivedOn!.Value, stage, acceptedOn,
                CaseClock.PetitionDue(stage, receivedOn.Value, acceptedOn, 0, null, rules), actor.Name), cancellationToken);
            return (Outcome<Guid>)id;
        }, cancellationToken);
    }

    private async Task<bool> SubjectExistsAsync(string? subject, CancellationToken cancellationToken) =>
        subject is not null && await dataSource.Command("select exists (select 1 from subjects where code = $1)", subject).ScalarAsync<bool>(cancellationToken);
}
