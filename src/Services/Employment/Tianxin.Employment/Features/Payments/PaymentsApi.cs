using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Payments;

public static class PaymentsApi
{
    public static IServiceCollection AddPayments(this IServiceCollection services) =>
        services.AddSingleton<ProgrammePayments>().AddSingleton<CreatePaymentProgramme>().AddSingleton<GrantPayment>()
            .AddSingleton<InsureGroup>();

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        var programmes = endpoints.MapGroup("/programmes").WithTags("Individual payments").RequireAuthorization(PlatformPolicies.Staff);
        programmes.MapGet("/", async (int? year, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await PaymentProgramme.ListAsync(dataSource, year, cancellationToken)))
            .WithSummary("补贴项目 Payment programmes of a year with budget, committed and left");
        programmes.MapPost("/", (PaymentProgrammeRequest request, HttpContext http, CreatePaymentProgramme create, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => create.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(programme => TypedResults.Created($"/programmes/{programme.Id}", programme)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新建补贴项目 A programme for a year with its budget, standard amount and what one payment is for");
        programmes.MapPost("/{id:guid}/payments", (Guid id, GrantRequest request, HttpContext http, GrantPayment grant, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => grant.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(payment => TypedResults.Created($"/programmes/{id}/payments/{payment.PaymentId}", payment)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("发放补贴 Pay a certificate holder within budget, once per person (or household), programme and period");
        programmes.MapPost("/{id:guid}/group-policy", (Guid id, GroupPolicyRequest request, HttpContext http, InsureGroup insure,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => insure.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(result => TypedResults.Ok(result)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("团体意外伤害保险 Insure every holder of your area the selection names (grades 1–2, registered-poor households), each once for the year, within budget");
        return endpoints;
    }
}
