using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Relief;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.Campaigns;

/// <param name="Amount">What was handed over; the campaign's amount per visit when left out.</param>
/// <param name="Method">cash (default: handed over at the visit) or bank_transfer.</param>
public sealed record VisitRequest(DateOnly? VisitedOn, decimal? Amount, string? Method);

/// <summary>
/// A visit made, in the campaign's days: its amount comes from the programme's budget line and is paid once
/// per person and campaign. The selection rule already chose who is visited, so no share is held back for others.
/// </summary>
public sealed class RecordVisit(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<CampaignVisit>> HandleAsync(Guid campaignId, Guid visitId, VisitRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        if (await Campaign.FindAsync(dataSource, campaignId, cancellationToken) is not { } campaign)
        {
            return Failure.Missing;
        }
        var programme = (await ReliefProgramme.FindAsync(dataSource, campaign.ProgrammeId, cancellationToken))!;
        var errors = new Dictionary<string, string[]>();
        var visitedOn = DateFields.Past(request.VisitedOn, "visitedOn", errors, clock.TodayInChina());
        if (visitedOn < campaign.VisitsFrom || visitedOn > campaign.VisitsTo)
        {
            errors["visitedOn"] = [$"走访日期应在 {campaign.VisitsFrom:yyyy-MM-dd} 至 {campaign.VisitsTo:yyyy-MM-dd} / Within the campaign's days."];
        }
        var amount = Yuan.Check(request.Amount ?? campaign.AmountPerVisit, "amount", errors, programme.PerCaseLimit, positive: true);
        var method = request.Method ?? "cash";
        if (!PaymentLedger.Methods.Contains(method))
        {
            errors["method"] = ["支付方式为 cash（现金）或 bank_transfer（银行转账） / Unknown payment method."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, StartCampaign.InvalidTitle);
        }
        return await dataSource.StepAsync(transaction => CampaignVisit.LockAsync(transaction, visitId, scope, cancellationToken), async (transaction, visit) =>
        {
            if (visit.CampaignId != campaignId)
            {
                return Failure.Missing;
            }
            if (visit.Status != "listed")
            {
                return new Failure.Conflict("此户已走访 / This visit is already recorded", null, "status");
            }
            var committed = await BudgetLines.CommitAsync(transaction, programme.Id, amount!.Value, priority: true, _ => Task.FromResult(0m),
                cancellationToken);
            if (!committed.Succeeded)
            {
                return committed.Failure!;
            }
            var payment = await PaymentLedger.RecordAsync(transaction, programme.Id, visit.PersonId, programme.Code, campaignId.ToString(), amount.Value,
                method, by, cancellationToken);
            if (!payment.Succeeded)
            {
                return payment.Failure!;
            }
            await transaction.Command(
                "update campaign_visits set status = 'visited', visited_on = $2, amount = $3, payment_id = $4, visited_by = $5 where id = $1",
                visitId, visitedOn, amount.Value.Amount, payment.Value.Id, by).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new CampaignVisitMade(campaignId, visitId, visit.PersonId, programme.Code, programme.Year,
                campaign.Festival, amount.Value.Amount, method, visitedOn!.Value, clock.GetUtcNow()), cancellationToken);
            return true;
        }, () => CampaignVisit.FindAsync(dataSource, visitId, scope, cancellationToken), cancellationToken);
    }
}
