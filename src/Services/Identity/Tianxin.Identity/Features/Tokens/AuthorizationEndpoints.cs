using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tianxin.Identity.Data;
using Tianxin.Identity.Features.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tianxin.Identity.Features.Tokens;

/// <summary>
/// The OAuth 2.0 / OpenID Connect endpoints whose decisions are ours: OpenIddict validates each request
/// (client, redirect URI, PKCE, permitted scopes) before it reaches these handlers.
/// </summary>
public static class AuthorizationEndpoints
{
    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)SignOutAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Authorization code flow: a signed-in staff member gets a code for the front-end; others go to the sign-in page.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<StaffUser> users, TokenIdentities identities)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = signedIn.Succeeded ? await users.GetUserAsync(signedIn.Principal) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList());
            return Results.Redirect(SignInPage.Path + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }
        return Results.SignIn(await identities.ForStaffAsync(user, request.GetScopes()), null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn, TokenIdentities identities)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            return SignIn(await identities.ForClientAsync(request.ClientId!, request.GetScopes().ToList()));
        }
        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username ?? string.Empty);
            if (user is null)
            {
                return Refuse(Errors.InvalidGrant, "用户名或密码不正确 / The user name or password is wrong.");
            }
            var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                return Refuse(Errors.InvalidGrant, "账户已暂时锁定，请稍后再试 / The account is locked for a while after repeated wrong passwords.");
            }
            return check.Succeeded
                ? SignIn(await identities.ForStaffAsync(user, request.GetScopes()))
                : Refuse(Errors.InvalidGrant, "用户名或密码不正确 / The user name or password is wrong.");
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(previous.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "账户已不可用 / The account is no longer active.");
            }
            // Role and area are read again, so a change takes effect at the next refresh.
            return SignIn(await identities.ForStaffAsync(user, previous.Principal!.GetScopes()));
        }
        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
