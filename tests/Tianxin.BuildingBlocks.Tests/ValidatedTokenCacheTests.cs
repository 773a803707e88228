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

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
