using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Registry.V1;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Certificates;
using Tianxin.Registry.Features.Households;
using Tianxin.Registry.Features.Persons;
using Person = Tianxin.Protos.Registry.V1.Person;
using RegisterPersonRequest = Tianxin.Protos.Registry.V1.RegisterPersonRequest;

namespace Tianxin.Registry.Grpc;

/// <summary>Thin: maps protos to the same handlers the REST API uses.</summary>
[BindServiceMethod(typeof(RegistryGrpcService), nameof(BindService))]
public sealed class RegistryGrpcService(
    ServiceInfoSource info, CertificateVerification verification, PersonRegistration registration, CertificateRegistrar certificates,
    PersonalDataProtector protector, ReportHouseholdStatus householdStatus) : RegistryService.RegistryServiceBase
{
    public static void BindService(ServiceBinderBase binder, RegistryService.RegistryServiceBase service) =>
        RegistryService.BindService(new MalformedRequests(binder), service);

    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();

    [Authorize(Policy = RegistryScopes.CertificatesVerify)]
    public override async Task<VerifyCertificateResponse> VerifyCertificate(VerifyCertificateRequest request, ServerCallContext context) =>
        await VerifyAsync(request, "verify_certificate", context) is { } certificate
            ? new VerifyCertificateResponse { Valid = true, Category = certificate.Category, Grade = certificate.Grade }
            : new VerifyCertificateResponse { Valid = false };

    [Authorize(Policy = RegistryScopes.PersonsResolve)]
    public override async Task<ResolveCertificateResponse> ResolveCertificate(VerifyCertificateRequest request, ServerCallContext context) =>
        await VerifyAsync(request, "resolve_certificate", context) is { } certificate
            ? new ResolveCertificateResponse { Valid = true, PersonId = certificate.PersonId.ToString() }
            : new ResolveCertificateResponse { Valid = false };

    [Authorize(Policy = RegistryScopes.HouseholdStatusReport)]
    public override Task<ReportHouseholdStatusResponse> ReportHouseholdStatus(ReportHouseholdStatusRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var on = GrpcFields.Date(request.On, "on", errors);
        GrpcFields.ThrowIfAny(errors, "家庭状态信息有误 / The household status has errors");
        var http = context.GetHttpContext();
        // Civil affairs acts for the whole district, under its client id in the audit trail.
        var actor = new Actor(GrpcCallers.PartnerOf(context), http.User, BuildingBlocks.Areas.AreaScope.District, http.Connection.RemoteIpAddress?.ToString());
        return householdStatus.HandleAsync(new HouseholdStatusReport(request.IdNumber, request.Status, request.InForce, on, request.Source), actor,
                context.CancellationToken)
            .ToGrpc(answer => new ReportHouseholdStatusResponse
            {
                HouseholdId = answer.HouseholdId.ToString(), Status = answer.Status, InForce = answer.InForce, Changed = answer.Changed,
            });
    }

    [Authorize(Policy = PlatformPolicies.Caseworker)]
    public override async Task<Person> RegisterPerson(RegisterPersonRequest request, ServerCallContext context)
    {
        var actor = GrpcCallers.ActorOf(context);
        return await registration.RegisterAsync(
                new Features.Persons.RegisterPersonRequest(request.IdNumber, request.Name, request.Phone, request.Address, request.CommunityCode), actor,
                context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = PlatformPolicies.Caseworker)]
    public override async Task<Person> IssueCertificate(IssueCertificateRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.PersonId, out var personId))
        {
            errors["personId"] = ["残疾人编号无效 / The person id is not valid."];
        }
        var issuedOn = GrpcFields.Date(request.IssuedOn, "issuedOn", errors);
        var validUntil = GrpcFields.Date(request.ValidUntil, "validUntil", errors, required: false);
        if (errors.Count > 0)
        {
            throw GrpcErrors.InvalidArgument("残疾人证信息有误 / The certificate has errors", errors);
        }
        var issued = await certificates.IssueAsync(personId, new CertificateRequest(request.Category, request.Grade, issuedOn, validUntil),
            GrpcCallers.ActorOf(context), context.CancellationToken);
        // The proto names the day of issue issued_on; the shared request calls it "on".
        return issued.Failure is Failure.Invalid invalid
            ? throw GrpcErrors.InvalidArgument(invalid.Title, invalid.Errors.ToDictionary(e => e.Key == "on" ? "issuedOn" : e.Key, e => e.Value))
            : issued.ToGrpc(ToProto);
    }

    private Person ToProto(PersonRow row)
    {
        var view = row.View(protector, Disclosure.Masked);
        var person = new Person
        {
            Id = view.Id.ToString(), IdNumber = view.IdNumber, Name = view.Name, Sex = view.Sex,
            BirthDate = view.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", BirthYear = view.BirthYear, CommunityCode = view.CommunityCode,
            Status = view.Status, CertificateNumber = view.Certificate?.Number ?? "", Category = view.Certificate?.Category ?? 0,
            Grade = view.Certificate?.Grade ?? 0,
        };
        person.HouseholdFlags.AddRange(view.HouseholdFlags);
        return person;
    }

    private async Task<ValidCertificate?> VerifyAsync(VerifyCertificateRequest request, string purpose, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var answer = await verification.VerifyAsync(request.CertificateNumber, purpose, http.User, http.Connection.RemoteIpAddress?.ToString(),
            context.CancellationToken);
        if (answer.Error is { } error)
        {
            throw GrpcErrors.InvalidArgument("残疾人证号有误 / The certificate number is not valid",
                new Dictionary<string, string[]> { ["certificateNumber"] = [error] });
        }
        return answer.Throttled
            ? throw GrpcErrors.Status(StatusCode.ResourceExhausted,
                "一小时内未通过核验的证号过多，请稍后再试 / Too many numbers refused within the hour: try again later")
            : answer.Valid;
    }
}
