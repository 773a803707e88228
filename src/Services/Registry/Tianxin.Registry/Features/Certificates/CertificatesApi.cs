using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tianxin.BuildingBlocks.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Certificates;

/// <param name="On">The day the certificate is revoked.</param>
public sealed record RevokeCertificateRequest(string? Reason, DateOnly? On);

public static class CertificatesApi
{
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CertificateRegistrar>().AddSingleton<CertificateVerification>();
        services.Configure<CertificateExpiryOptions>(configuration.GetSection("Registry:CertificateExpiry"));
        services.Configure<CertificateVerificationOptions>(configuration.GetSection("Registry:CertificateVerification"));
        services.AddHostedService<CertificateExpiry>();
        return services;
    }

    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/persons/{id:guid}/certificates", IssueAsync).WithTags("Certificates").RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("发放残疾人证 Issue a second-generation certificate (category 1–7, grade 1–4)");
        var certificates = endpoints.MapGroup("/certificates").WithTags("Certificates").RequireAuthorization(PlatformPolicies.Caseworker);
        certificates.MapPost("/{id:guid}/reassessment", ReassessAsync)
            .WithSummary("重新评定 Re-assess: a new certificate with the new category or grade supersedes this one");
        certificates.MapPost("/{id:guid}/revocation", RevokeAsync).WithSummary("注销残疾人证 Revoke a certificate");
        endpoints.MapPost("/admin/certificates/expiry", ExpireAsync).WithTags("Certificates").RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("到期处理 Expire every certificate past its validity now (also runs on a timer)");
        return endpoints;
    }

    public static Task<Results<Created<PersonView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> IssueAsync(
        Guid id, CertificateRequest request, HttpContext http, CertificateRegistrar registrar, PersonalDataProtector protector,
        CancellationToken cancellationToken) =>
        Actor.From(http).ThenAsync(actor => registrar.IssueAsync(id, request, actor, cancellationToken))
            .ToHttp(person => TypedResults.Created($"/persons/{id}", person.View(protector, Disclosure.Masked)));

    public static Task<Results<Ok<PersonView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> ReassessAsync(
        Guid id, CertificateRequest request, HttpContext http, CertificateRegistrar registrar, PersonalDataProtector protector,
        CancellationToken cancellationToken) =>
        Actor.From(http).ThenAsync(actor => registrar.ReassessAsync(id, request, actor, cancellationToken))
            .ToHttp(person => TypedResults.Ok(person.View(protector, Disclosure.Masked)));

    public static Task<Results<Ok<PersonView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> RevokeAsync(
        Guid id, RevokeCertificateRequest request, HttpContext http, CertificateRegistrar registrar, PersonalDataProtector protector,
        CancellationToken cancellationToken) =>
        Actor.From(http).ThenAsync(actor => registrar.RevokeAsync(id, request.Reason, request.On, actor, cancellationToken))
            .ToHttp(person => TypedResults.Ok(person.View(protector, Disclosure.Masked)));

    public static async Task<Ok<ExpiryRun>> ExpireAsync(CertificateRegistrar registrar, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ExpiryRun(await registrar.ExpireDueAsync(cancellationToken)));
}
