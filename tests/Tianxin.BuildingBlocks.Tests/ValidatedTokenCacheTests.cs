using System.Security.Claims;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class ValidatedTokenCacheTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_validated_token_is_reused_until_it_expires_and_not_after()
    {
        using var cache = new ValidatedTokenCache(_clock);
        var key = ValidatedTokenCache.KeyOf("header.payload.signature");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "district-admin")], "test"));

        cache.Add(key, principal, _clock.GetUtcNow().AddMinutes(2));
        Assert.True(cache.TryGet(key, out var reused));
        Assert.Same(principal, reused);

        _clock.Now = _clock.Now.AddMinutes(2);
        Assert.False(cache.TryGet(key, out _));
    }

    [Fact]
    public void An_already_expired_token_is_not_kept_and_keys_do_not_contain_the_token()
    {
        using var cache = new ValidatedTokenCache(_clock);
        var key = ValidatedTokenCache.KeyOf("header.payload.signature");

        cache.Add(key, new ClaimsPrincipal(), _clock.GetUtcNow().AddSeconds(-1));

        Assert.False(cache.TryGet(key, out _));
        Assert.DoesNotContain("payload", key, StringComparison.Ordinal);
        Assert.NotEqual(key, ValidatedTokenCache.KeyOf("header.payload.signaturf"));
    }

    [Fact]
    public void Tokens_that_differ_only_in_characters_outside_ascii_have_different_keys()
    {
        Assert.NotEqual(ValidatedTokenCache.KeyOf("header.payload?signature"), ValidatedTokenCache.KeyOf("header.payload\u00e9signature"));
        Assert.NotEqual(ValidatedTokenCache.KeyOf("header.payload\u4e2dsignature"), ValidatedTokenCache.KeyOf("header.payload\u6587signature"));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class CallersTests
{
    [Fact]
    public void Staff_are_named_by_user_name_even_though_their_tokens_also_name_the_front_end()
    {
        var staff = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("client_id", "tianxin-console"), new Claim("preferred_username", "yunan-staff"), new Claim("sub", "42")], "test"));
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim("client_id", "hospital-1"), new Claim("sub", "hospital-1")], "test"));

        Assert.Equal("yunan-staff", Callers.NameOf(staff));
        Assert.Equal("hospital-1", Callers.NameOf(partner));
        Assert.Null(Callers.NameOf(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJjbGllbnRfaWQiOiJob3RsaW5lLTEyMzQ1In0.c2ln", "hotline-12345")]
    [InlineData("Bearer not-a-jwt", null)]
    [InlineData("Bearer a.%%%.c", null)]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    [InlineData(null, null)]
    public void A_refused_token_is_read_for_the_name_it_claims_and_garbage_is_ignored(string? header, string? expected) =>
        Assert.Equal(expected, Callers.UnverifiedNameOf(header));
}
