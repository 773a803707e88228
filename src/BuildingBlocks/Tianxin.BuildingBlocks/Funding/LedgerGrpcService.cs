using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Protos.Common.V1;

namespace Tianxin.BuildingBlocks.Funding;

/// <summary>
/// The ledger's own sums per programme for a year, so the year-end report can be reconciled against the
/// money actually recorded. The year of a payment is its budget line's, or the one its period names.
/// </summary>
[Authorize(Policy = PlatformPolicies.DistrictOfficer)]
[BindServiceMethod(typeof(LedgerGrpcService), nameof(BindService))]
public sealed class LedgerGrpcService(NpgsqlDataSource dataSource) : LedgerService.LedgerServiceBase
{
    public static void BindService(ServiceBinderBase binder, LedgerService.LedgerServiceBase service) =>
        LedgerService.BindService(new MalformedRequests(binder), service);

    public override async Task<LedgerFigures> GetLedgerFigures(GetLedgerFiguresRequest request, ServerCallContext context)
    {
        var rows = await dataSource.Command(
                """
                select p.programme,
                       count(distinct p.payee_id) filter (where p.state <> 'failed'),
                       coalesce(sum(p.amount) filter (where p.state <> 'failed'), 0),
                       count(distinct p.payee_id) filter (where p.state = 'paid'),
                       coalesce(sum(p.amount) filter (where p.state = 'paid'), 0),
                       coalesce(sum(p.amount) filter (where p.state = 'failed'), 0)
                from payments p left join budget_lines b on b.id = p.budget_line_id
                where coalesce(b.year, case when p.period ~ '^\d{4}' then left(p.period, 4)::int end) = $1
                group by p.programme order by p.programme
                """, request.Year)
            .ReadAllAsync(r => new ProgrammeLedger
            {
                Programme = r.GetString(0), Payees = r.GetInt64(1), Recorded = Money(r.GetDecimal(2)), SettledPayees = r.GetInt64(3),
                Settled = Money(r.GetDecimal(4)), Failed = Money(r.GetDecimal(5)),
            }, context.CancellationToken);
        return new LedgerFigures { Programmes = { rows } };
    }

    private static string Money(decimal yuan) => yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
