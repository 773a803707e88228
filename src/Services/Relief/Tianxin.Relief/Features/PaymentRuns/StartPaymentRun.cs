using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <param name="Month">yyyy-MM, not after this month.</param>
/// <param name="Area">The district (default), a street or a community within the caller's area.</param>
public sealed record StartPaymentRunRequest(string? Subsidy, string? Month, string? Area);

/// <summary>Starts a month's run: entitlements are frozen at this moment (the cut-off) and computed in the background.</summary>
public sealed class StartPaymentRun(NpgsqlDataSource dataSource, PaymentRunSignal signal, TimeProvider clock)
{
    public const string InvalidTitle = "发放批次信息有误 / The payment run has errors";

    public async Task<Outcome<PaymentRun>> HandleAsync(StartPaymentRunRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Subsidy is null || !TwoSubsidies.All.Contains(request.Subsidy))
        {
            errors["subsidy"] = [$"补贴为 {string.Join("、", TwoSubsidies.All)} / Unknown subsidy."];
        }
        var today = clock.TodayInChina();
        if (!DateOnly.TryParseExact(request.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors["month"] = ["月份格式为 yyyy-MM / The month is yyyy-MM."];
        }
        else if (month > today || month.Year < 2016)
        {
            errors["month"] = ["月份应在2016年1月至本月之间 / The month is from 2016-01 to this month."];
        }
        var area = request.Area is null ? scope.Area : AreaCode.TryParse(request.Area);
        if (area is null || !scope.Area.Covers(area))
        {
            errors["area"] = ["区域应为您辖区内的区、街道或社区代码 / The area is the district, a street or a community within yours."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await SubsidyRule.FindAsync(dataSource, request.Subsidy!, month.Year, cancellationToken) is null)
        {
            return new Failure.Conflict($"{month.Year} 年尚无此补贴标准，请先设定 / No rule for this subsidy in {month.Year}: set it first", null, "rule");
        }
        var id = Guid.CreateVersion7();
        var started = await dataSource.Command(
            """
            insert into payment_runs (id, subsidy, month, area_code, state, cut_off, entitlements, created_by)
            select $1, $2, $3, $4, 'computing', now(), count(*), $5 from enrolments
            where subsidy = $2 and status in ('approved', 'ended') and community_code like $6 and starts_month <= $3
            on conflict (subsidy, month, area_code) where state <> 'cancelled' do nothing
            """, id, request.Subsidy, month, area!.Value, by, area.LikePattern).ExecuteAsync(cancellationToken);
        if (started == 0)
        {
            return new Failure.Duplicate("该月此区域已有发放批次 / This area already has a run of this subsidy for that month");
        }
        signal.Wake();
        return (await PaymentRun.FindAsync(dataSource, id, scope, cancellationToken))!;
    }
}
