using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Tianxin.Identity.Data;

namespace Tianxin.Identity.Features.SignIn;

/// <summary>
/// The staff sign-in page (password attempts are rate-limited per address by the gateway, and
/// accounts lock after repeated failures): plain HTML that works without scripts, with labels, a language attribute and
/// error text tied to the fields, in Chinese with English beside it.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/login";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Render(context, antiforgery, returnUrl, error: null)).AllowAnonymous();
        endpoints.MapPost(Path, SignInAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn,
        [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }
        var error = result.IsLockedOut
            ? "连续输错密码次数过多，账户已暂时锁定。/ Too many wrong passwords: the account is locked for a while."
            : "用户名或密码不正确。/ The user name or password is wrong.";
        return Render(context, antiforgery, returnUrl, error);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var encode = (string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
        var errorBlock = error is null ? string.Empty : $"""<p id="error" role="alert" class="error">{encode(error)}</p>""";
        var described = error is null ? string.Empty : """ aria-describedby="error" aria-invalid="true" """;
        var html = $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>登录 · 天心区残联平台 / Sign in · Tianxin Platform</title>
              <style>
                body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 26rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { width: 100%; padding: .6rem; font-size: 1.1rem; box-sizing: border-box; }
                button { margin-top: 1.5rem; padding: .7rem 1.5rem; font-size: 1.1rem; }
                .error { color: #a00; font-weight: 600; }
                .en { color: #555; font-weight: normal; }
              </style>
            </head>
            <body>
              <main>
                <h1>天心区残联平台 <span class="en" lang="en">Tianxin Platform</span></h1>
                {{errorBlock}}
                <form method="post" action="{{Path}}">
                  <input type="hidden" name="{{tokens.FormFieldName}}" value="{{encode(tokens.RequestToken)}}">
                  <input type="hidden" name="returnUrl" value="{{encode(returnUrl)}}">
                  <label for="userName">用户名 <span class="en" lang="en">User name</span></label>
                  <input id="userName" name="userName" autocomplete="username" required autofocus{{described}}>
                  <label for="password">密码 <span class="en" lang="en">Password</span></label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{described}}>
                  <button type="submit">登录 <span lang="en">Sign in</span></button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
    }
}
