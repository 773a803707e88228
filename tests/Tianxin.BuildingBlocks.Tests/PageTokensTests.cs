using Tianxin.BuildingBlocks.Web;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class PageTokensTests
{
    [Fact]
    public void A_token_gives_back_its_parts_and_travels_in_a_url_unescaped()
    {
        var token = PageTokens.Encode("-birthDate", "0193a7c2-0000-7000-8000-000000000001");

        Assert.Equal(["-birthDate", "0193a7c2-0000-7000-8000-000000000001"], PageTokens.Decode(token, 2)!);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("%%%")]
    [InlineData("")]
    public void Anything_else_is_no_token(string token) => Assert.Null(PageTokens.Decode(token, 2));

    [Fact]
    public void A_token_of_another_shape_is_no_token() => Assert.Null(PageTokens.Decode(PageTokens.Encode("a", "b", "c"), 2));
}
