using Tianxin.Employment.Features.Employers;

namespace Tianxin.Employment.Tests;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the standard's own example
    [InlineData("91110108551385082Q")]
    [InlineData("914403001922038216")]
    [InlineData(" 91110108551385082q ")] // trimmed and in capitals
    public void Published_codes_are_valid(string code) => Assert.Equal(code.Trim().ToUpperInvariant(), CreditCode.Normalise(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // check character off by one
    [InlineData("91110108551385082R")]
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_codes_are_refused(string? code) => Assert.Null(CreditCode.Normalise(code));
}
