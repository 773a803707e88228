using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Reporting.V1;
using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.Targets;
using Tianxin.Reporting.Features.YearEnd;
using Proto = Tianxin.Protos.Reporting.V1;

namespace Tianxin.Reporting.Grpc;

/// <summary>Thin: the same drafts and targets as REST, mapped to the proto.</summary>
[BindServiceMethod(typeof(ReportingGrpcService), nameof(BindService))]
public sealed class ReportingGrpcService(ServiceInfoSource info, DraftYearEndReport draft, LiveTargets targets, TimeProvider clock)
    : ReportingService.ReportingServiceBase
{
    public static void BindService(ServiceBinderBase binder, ReportingService.ReportingServiceBase service) =>
        ReportingService.BindService(new MalformedRequests(binder), service);

    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();

    [Authorize(Policy = DistrictFiguresPolicy.Report)]
    public override async Task<Proto.YearEndReport> GetYearEndReport(GetYearEndReportRequest request, ServerCallContext context)
    {
        CheckYear(request.Year);
        var report = await draft.HandleAsync(request.Year, context.CancellationToken);
        return new Proto.YearEndReport
        {
            Year = report.Year,
            Title = report.Title,
            Sections =
            {
                report.Sections.Select(section => new Proto.ReportSection
                {
                    Code = section.Code,
                    Title = section.Title,
                    Lines =
                    {
                        section.Lines.Select(line => new Proto.ReportLine
                        {
                            Programme = line.Programme, Text = line.Text, TextEn = line.TextEn, HasData = line.HasData,
                            Figures =
                            {
                                line.Figures.Select(f => new MeasureFigure
                                {
                                    Measure = f.Key, Count = f.Value.Count, People = f.Value.People, Households = f.Value.Households,
                                    Items = f.Value.Items, Amount = Money(f.Value.Amount),
                                }),
                            },
                        }),
                    },
                }),
            },
            Programmes =
            {
                report.Programmes.Select(p => new Proto.ProgrammeSummary { Code = p.Code, Section = p.Section, Name = p.Name, Money = Money(p.Money), People = p.People }),
            },
        };
    }

    [Authorize(Policy = DistrictFiguresPolicy.Name)]
    public override async Task<Targets> GetTargets(GetTargetsRequest request, ServerCallContext context)
    {
        CheckYear(request.Year);
        var scope = ReportArea.Within(DistrictFiguresPolicy.ScopeOf(context.GetHttpContext().User), request.Area)
            ?? throw GrpcErrors.InvalidArgument(ReportArea.Outside.Title, ReportArea.Outside.Errors);
        var found = await targets.FindAsync(request.Year, scope, context.CancellationToken);
        return new Targets
        {
            Year = found.Year,
            Area = found.Area,
            Targets_ =
            {
                found.Targets.Select(t => new Proto.Target
                {
                    Code = t.Code, Title = t.Title, Goal = t.Goal.ToString("0.##", CultureInfo.InvariantCulture), Numerator = t.Numerator,
                    Denominator = t.Denominator, Rate = t.Rate?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", HasData = t.HasData,
                    NumeratorMeans = t.NumeratorMeans, DenominatorMeans = t.DenominatorMeans,
                    Streets = { t.Streets.Select(s => new Proto.StreetTarget { Street = s.Street, Numerator = s.Numerator, Denominator = s.Denominator }) },
                    Gaps = { t.Gaps.Select(g => new Proto.TargetGap { PersonId = g.PersonId.ToString(), CommunityCode = g.CommunityCode }) },
                }),
            },
        };
    }

    private void CheckYear(int year)
    {
        if (ReportYear.Check(year, clock) is { } invalid)
        {
            throw GrpcErrors.InvalidArgument(invalid.Title, invalid.Errors);
        }
    }

    private static string Money(decimal yuan) => yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
