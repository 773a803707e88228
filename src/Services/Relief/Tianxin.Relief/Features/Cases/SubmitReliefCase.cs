using System.Text.RegularExpressions;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Eligibility;

namespace Tianxin.Relief.Features.Cases;

/// <param name="Cause">What happened (illness, accident, disaster …), at most 200 characters.</param>
/// <param name="Method">bank_transfer (default) or cash at a visit.</param>
/// <param name="ReferredFrom">When another service referred the case: "service:id", e.g. grievance:….</param>
public sealed record ReliefCaseRequest(
    Guid? ProgrammeId, Guid? PersonId, decimal? Amount, string? Cause, DateOnly? OccurredOn, string? Method, string? ReferredFrom);

/// <summary>A relief case for a person of the caller's area, within the programme's per-case limit.</summary>
public sealed partial class SubmitReliefCase(NpgsqlDataSource dataSource, EligibilityCopy eligibility, TimeProvider clock)
{
    public const string InvalidTitle = "救助申请有误 / The relief case has errors";

    public async Task<Outcome<ReliefCase>> HandleAsync(ReliefCaseRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var programme = request.ProgrammeId is { } programmeId ? await ReliefProgramme.FindAsync(dataSource, programmeId, cancellationToken) : null;
        if (programme is null)
        {
            errors["programmeId"] = ["没有此救助项目 / No such relief programme."];
        }
        var amount = Yuan.Check(request.Amount, "amount", errors, Yuan.Ceiling, positive: true);
        if (amount is { } yuan && programme is not null && yuan.Amount > programme.PerCaseLimit)
        {
            errors["amount"] = [$"超过单次救助上限 {programme.PerCaseLimit:0.00} 元 / Above the limit per case ({programme.PerCaseLimit:0.00} yuan)."];
        }
        if (string.IsNullOrWhiteSpace(request.Cause) || !PlainText.IsValid(request.Cause.Trim(), 200))
        {
            errors["cause"] = ["请说明困难原因（不超过200字） / Say what happened, in at most 200 characters."];
        }
        DateFields.Past(request.OccurredOn, "occurredOn", errors, clock.TodayInChina());
        if (request.Method is { } method && !PaymentLedger.Methods.Contains(method))
        {
            errors["method"] = ["支付方式为 bank_transfer（银行转账）或 cash（现金） / Unknown payment method."];
        }
        if (request.ReferredFrom is { } referral && !Referral().IsMatch(referral))
        {
            errors["referredFrom"] = ["转介来源格式为 服务:编号 / A referral is service:id."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (request.PersonId is not { } person || await eligibility.FindAsync(person, scope, cancellationToken) is not { } facts)
        {
            return new Failure.NotFound("本服务尚无此残疾人的资格信息 / No eligibility facts for this person here");
        }
        var id = Guid.CreateVersion7();
        await dataSource.InTransactionAsync(transaction => ReliefCase.InsertAsync(transaction, id, programme!, facts, amount!.Value.Amount,
            request.Cause!.Trim(), request.OccurredOn!.Value, request.Method ?? "bank_transfer", request.ReferredFrom, by, cancellationToken), cancellationToken);
        return (await ReliefCase.FindAsync(dataSource, id, scope, cancellationToken))!;
    }

    [GeneratedRegex("^[a-z]{2,20}:[A-Za-z0-9-]{1,64}$")]
    private static partial Regex Referral();
}
