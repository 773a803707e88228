using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Posts;

public static class PostsApi
{
    public static IServiceCollection AddPosts(this IServiceCollection services) =>
        services.AddSingleton<CreatePost>().AddSingleton<PayPostAllowances>();

    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder endpoints)
    {
        var posts = endpoints.MapGroup("/public-welfare-posts").WithTags("Public-welfare posts").RequireAuthorization(PlatformPolicies.Staff);
        posts.MapGet("/", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await PublicWelfarePost.ListAsync(dataSource, cancellationToken)))
            .WithSummary("公益性岗位 Posts with places, places held and the monthly allowance");
        posts.MapPost("/", (PostRequest request, HttpContext http, CreatePost create, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => create.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(post => TypedResults.Created($"/public-welfare-posts/{post.Id}", post)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新增公益性岗位 A post with its places and monthly allowance (held through an employment of kind public_welfare_post naming it)");
        posts.MapPost("/{id:guid}/allowances", (Guid id, AllowanceRequest request, HttpContext http, PayPostAllowances pay,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => pay.HandleAsync(id, request, actor.Name, cancellationToken))
                    .ToHttp(result => TypedResults.Ok(result)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("发放岗位补贴 The month's allowance for everyone who held the post, once per person and month, within budget");
        return endpoints;
    }
}
