using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Relief;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Relief.V1;
using Tianxin.Relief.Features.Enrolments;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Relief.Features.Schooling;
using Domain = Tianxin.Relief.Features;
using Proto = Tianxin.Protos.Relief.V1;

namespace Tianxin.Relief.Grpc;

/// <summary>Thin: partners act district-wide as their client id; each method reads its proto, calls the same handler as REST and maps the answer.</summary>
[BindServiceMethod(typeof(ReliefGrpcService), nameof(BindService))]
public sealed class ReliefGrpcService(
    ServiceInfoSource info, ListEnrolments enrolments, DecideEnrolment decide, Domain.PaymentRuns.PaymentList paymentList, ImportBankResults bankResults,
    ReportSchooling schooling, AuditTrail audit) : ReliefService.ReliefServiceBase
{
    public static void BindService(ServiceBinderBase binder, ReliefService.ReliefServiceBase service) =>
        ReliefService.BindService(new MalformedRequests(binder), service);

    private const string NotARun = "批次编号无效 / Not a run id.";

    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();

    [Authorize(Policy = ReliefScopes.EnrolmentsDecide)]
    public override Task<ListEnrolmentsResponse> ListEnrolmentsToDecide(ListEnrolmentsToDecideRequest request, ServerCallContext context) =>
        enrolments.HandleAsync(new EnrolmentQuery("reviewed", null, null, null, 500), AreaScope.District, context.CancellationToken)
            .ToGrpc(found => new ListEnrolmentsResponse { Enrolments = { found.Items.Select(ToProto) } });

    [Authorize(Policy = ReliefScopes.EnrolmentsDecide)]
    public override Task<Proto.Enrolment> DecideEnrolment(DecideEnrolmentRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.EnrolmentId, "enrolmentId", errors, "申请编号无效 / Not an enrolment id.");
        GrpcFields.ThrowIfAny(errors, EnrolmentSteps.InvalidTitle);
        return decide.HandleAsync(id, new StepRequest(request.Approved, string.IsNullOrEmpty(request.Reason) ? null : request.Reason),
                AreaScope.District, GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = ReliefScopes.PaymentsBank)]
    public override async Task<Proto.PaymentList> FetchPaymentList(FetchPaymentListRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.RunId, "runId", errors, NotARun);
        GrpcFields.ThrowIfAny(errors);
        var bank = GrpcCallers.PartnerOf(context);
        var http = context.GetHttpContext();
        await audit.RecordAsync(bank, http.User, http.Connection.RemoteIpAddress?.ToString(),
            new AuditEvent(AuditActions.PersonalDataRead, $"payment-run:{id}", "allowed", "发放名单 / payment list"), context.CancellationToken);
        return await paymentList.HandleAsync(id, AreaScope.District, context.CancellationToken).ToGrpc(file => new Proto.PaymentList
        {
            RunId = file.Run.Id.ToString(), Subsidy = file.Run.Subsidy, Month = file.Run.Period, LineCount = file.LineCount,
            Total = Yuan.Of(file.Total).ToPlain(),
            Lines =
            {
                file.Lines.Select(l => new Proto.PaymentLine
                {
                    LineNo = l.LineNo, PaymentId = l.PaymentId.ToString(), PayeeId = l.PayeeId.ToString(), AccountHolder = l.AccountHolder,
                    BankAccount = l.BankAccount, Month = l.Month, Amount = Yuan.Of(l.Amount).ToPlain(),
                }),
            },
        });
    }

    [Authorize(Policy = ReliefScopes.SchoolingReport)]
    public override Task<Proto.SchoolingStatus> ReportSchooling(ReportSchoolingRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var person = GrpcFields.Id(request.PersonId, "personId", errors, "人员编号无效 / Not a person id.");
        GrpcFields.ThrowIfAny(errors, Features.Schooling.ReportSchooling.InvalidTitle);
        return schooling.HandleAsync(new SchoolingReport(person, request.Year, request.Stage is "" ? null : request.Stage, request.Enrolled,
                request.School), GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(status => new Proto.SchoolingStatus
            {
                PersonId = status.PersonId.ToString(), Year = status.Year, Stage = status.Stage ?? "", Enrolled = status.Enrolled, School = status.School ?? "",
            });
    }

    [Authorize(Policy = ReliefScopes.PaymentsBank)]
    public override Task<Proto.PaymentRun> ReportBankResults(ReportBankResultsRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.RunId, "runId", errors, NotARun);
        GrpcFields.ThrowIfAny(errors);
        var results = new BankResults(
            request.Results.Select((r, index) => new BankResultLine(index + 1, r.PaymentId, r.Amount, r.Result, r.Reason)).ToList(),
            request.LineCount, request.Total);
        return bankResults.HandleAsync(id, results, AreaScope.District, context.CancellationToken).ToGrpc(ToProto);
    }

    private static Proto.Enrolment ToProto(Domain.Enrolments.Enrolment enrolment) => new()
    {
        Id = enrolment.Id.ToString(), PersonId = enrolment.PersonId.ToString(), Subsidy = enrolment.Subsidy, CommunityCode = enrolment.CommunityCode,
        Status = enrolment.Status, MatchedRule = enrolment.MatchedRule,
        StartsMonth = enrolment.StartsMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "", RefusalReason = enrolment.RefusalReason ?? "",
    };

    private static Proto.PaymentRun ToProto(Domain.PaymentRuns.PaymentRun run) => new()
    {
        Id = run.Id.ToString(), Subsidy = run.Subsidy, Month = run.Period, State = run.State, LineCount = run.LineCount,
        Total = Yuan.Of(run.Total).ToPlain(), PaidCount = run.PaidCount, PaidTotal = Yuan.Of(run.PaidTotal).ToPlain(), FailedCount = run.FailedCount,
        FailedTotal = Yuan.Of(run.FailedTotal).ToPlain(),
    };
}
