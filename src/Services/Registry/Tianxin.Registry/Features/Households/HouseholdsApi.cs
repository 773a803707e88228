using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Households;

/// <param name="PersonId">A registered disabled person; leave empty for family members who are not in the registry.</param>
/// <param name="Relationship">To the head: head, spouse, child, parent, sibling, grandparent, grandchild or other.</param>
/// <param name="IsCarer">This member looks after a disabled member (counts for 以老养残 at 60 or more).</param>
public sealed record MemberRequest(Guid? PersonId, string? Name, DateOnly? BirthDate, string? Relationship, bool? IsCarer);

public sealed record HouseholdRequest(string? CommunityCode, string? Address, IReadOnlyList<MemberRequest?>? Members);

public sealed record MembersRequest(IReadOnlyList<MemberRequest?>? Members);

/// <param name="Status">registered_poor (建档立卡), minimum_living (低保) or extreme_poverty (特困).</param>
/// <param name="Source">Where the status comes from, e.g. 区民政局低保名单2024-03.</param>
public sealed record StatusRequest(string? Status, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, string? Source);

public sealed record EndStatusRequest(DateOnly? EffectiveTo);

/// <param name="BirthDate">
/// A family member's who is not in the registry. Null for a registered person: beside their masked ID number it would give
/// back the hidden digits (their record shows it in full with a purpose, audited); the year is shown instead.
/// </param>
/// <param name="OutsideYourArea">
/// A registered member who lives in another community of the street: the caller sees that the member is there, not who
/// (person id, name and birth date are null), and replacing the members keeps them.
/// </param>
public sealed record MemberView(
    Guid Id, Guid? PersonId, string? Name, DateOnly? BirthDate, int? BirthYear, string Relationship, bool IsCarer, bool OutsideYourArea);

public sealed record StatusView(Guid Id, string Status, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Source, bool InForce);

/// <param name="SpecialGroups">Derived from members, certificates and ages: elderly_carer, multiple_disabled, elderly_disabled, alone.</param>
public sealed record HouseholdView(
    Guid Id, string CommunityCode, string? Address, IReadOnlyList<MemberView> Members, IReadOnlyList<StatusView> Statuses,
    IReadOnlyList<string> SpecialGroups);

public static class HouseholdsApi
{
    public static IServiceCollection AddHouseholds(this IServiceCollection services) => services.AddSingleton<HouseholdRegistrar>().AddSingleton<ReportHouseholdStatus>();

    public static IEndpointRouteBuilder MapHouseholdsApi(this IEndpointRouteBuilder endpoints)
    {
        var households = endpoints.MapGroup("/households").WithTags("Households").RequireAuthorization(PlatformPolicies.Staff);
        households.MapPost("/", CreateAsync).RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("建立家庭 Record a household and its members");
        households.MapGet("/{id:guid}", GetAsync).WithSummary("家庭 A household: members, statuses and the special groups derived from them");
        households.MapPut("/{id:guid}/members", ReplaceMembersAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("修改家庭成员 Replace the members you can see (members outside your area stay)");
        households.MapPost("/{id:guid}/statuses", RecordStatusAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("登记家庭状态 Record 建档立卡, 低保 or 特困 with its dates and source");
        households.MapPost("/{id:guid}/statuses/{statusId:guid}/end", EndStatusAsync).RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("终止家庭状态 End a status");
        return endpoints;
    }

    public static async Task<Results<Created<HouseholdView>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        HouseholdRequest request, ClaimsPrincipal user, HttpContext http, HouseholdRegistrar registrar, CancellationToken cancellationToken)
    {
        if (Actor.Of(user, http) is not { } actor)
        {
            return TypedResults.Forbid();
        }
        var (household, errors) = await registrar.CreateAsync(request, actor, cancellationToken);
        return household is null
            ? TypedResults.ValidationProblem(errors!, title: "家庭信息有误 / The household has errors")
            : TypedResults.Created($"/households/{household.Id}", household);
    }

    public static async Task<Results<Ok<HouseholdView>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, HouseholdRegistrar registrar, CancellationToken cancellationToken) =>
        Actor.Of(user, http) is not { } actor
            ? TypedResults.Forbid()
            : await registrar.FindAsync(id, actor.Scope, cancellationToken) is { } household
                ? TypedResults.Ok(household)
                : TypedResults.NotFound();

    public static async Task<Results<Ok<HouseholdView>, ValidationProblem, NotFound, ForbidHttpResult>> ReplaceMembersAsync(
        Guid id, MembersRequest request, ClaimsPrincipal user, HttpContext http, HouseholdRegistrar registrar,
        CancellationToken cancellationToken) =>
        Actor.Of(user, http) is not { } actor
            ? TypedResults.Forbid()
            : Answer(await registrar.ReplaceMembersAsync(id, request.Members, actor, cancellationToken));

    public static async Task<Results<Ok<HouseholdView>, ValidationProblem, NotFound, ForbidHttpResult>> RecordStatusAsync(
        Guid id, StatusRequest request, ClaimsPrincipal user, HttpContext http, HouseholdRegistrar registrar,
        CancellationToken cancellationToken) =>
        Actor.Of(user, http) is not { } actor
            ? TypedResults.Forbid()
            : Answer(await registrar.RecordStatusAsync(id, request, actor, cancellationToken));

    public static async Task<Results<Ok<HouseholdView>, ValidationProblem, NotFound, ForbidHttpResult>> EndStatusAsync(
        Guid id, Guid statusId, EndStatusRequest request, ClaimsPrincipal user, HttpContext http, HouseholdRegistrar registrar,
        CancellationToken cancellationToken) =>
        Actor.Of(user, http) is not { } actor
            ? TypedResults.Forbid()
            : Answer(await registrar.EndStatusAsync(id, statusId, request.EffectiveTo, actor, cancellationToken));

    private static Results<Ok<HouseholdView>, ValidationProblem, NotFound, ForbidHttpResult> Answer(
        (HouseholdView? Household, Dictionary<string, string[]>? Errors) result) =>
        result switch
        {
            ({ } household, _) => TypedResults.Ok(household),
            (null, { } errors) => TypedResults.ValidationProblem(errors, title: "家庭信息有误 / The household has errors"),
            _ => TypedResults.NotFound(),
        };
}
