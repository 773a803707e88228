using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public static async Task<Results<Created<PersonView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult>> IssueAsync(
        Guid id, CertificateRequest request, ClaimsPrincipal user, HttpContext http, CertificateRegistrar registrar,
        PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        if (Actor.Of(user, http) is not { } actor)
        {
            return TypedResults.Forbid();
        }
        return await registrar.IssueAsync(id, request, actor, cancellationToken) switch
        {
            CertificateResult.Done done => TypedResults.Created($"/persons/{id}", done.Person.View(protector, Disclosure.Masked)),
            CertificateResult.Invalid invalid => Invalid(invalid),
            CertificateResult.Conflict conflict => TypedResults.Conflict(conflict.Problem),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Ok<PersonView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult>> ReassessAsync(
        Guid id, CertificateRequest request, ClaimsPrincipal user, HttpContext http, CertificateRegistrar registrar,
        PersonalDataProtector protector, CancellationToken cancellationToken) =>
        Actor.Of(user, http) is not { } actor
            ? TypedResults.Forbid()
            : Answer(await registrar.ReassessAsync(id, request, actor, cancellationToken), protector);

    public static async Task<Results<Ok<PersonView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult>> RevokeAsync(
        Guid id, RevokeCertificateRequest request, ClaimsPrincipal user, HttpContext http, CertificateRegistrar registrar,
        PersonalDataProtector protector, CancellationToken cancellationToken) =>
        Actor.Of(user, http) is not { } actor
            ? TypedResults.Forbid()
            : Answer(await registrar.RevokeAsync(id, request.Reason, request.On, actor, cancellationToken), protector);

    public static async Task<Ok<ExpiryRun>> ExpireAsync(CertificateRegistrar registrar, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ExpiryRun(await registrar.ExpireDueAsync(cancellationToken)));

    private static Results<Ok<PersonView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult> Answer(
        CertificateResult result, PersonalDataProtector protector) =>
        result switch
        {
            CertificateResult.Done done => TypedResults.Ok(done.Person.View(protector, Disclosure.Masked)),
            CertificateResult.Invalid invalid => Invalid(invalid),
            CertificateResult.Conflict conflict => TypedResults.Conflict(conflict.Problem),
            _ => TypedResults.NotFound(),
        };

    private static ValidationProblem Invalid(CertificateResult.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors, title: "残疾人证信息有误 / The certificate has errors");
}

public sealed record ExpiryRun(int Expired);
