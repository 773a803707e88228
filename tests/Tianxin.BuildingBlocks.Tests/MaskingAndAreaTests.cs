using System.Security.Claims;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class MaskingAndAreaTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("073185551234", "********1234")]
    public void Phone_numbers_keep_only_what_identifies_the_line_to_its_owner(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("李四", "李*")]
    [InlineData("买买提·艾力", "买****力")]
    [InlineData("王", "王")]
    public void Names_keep_the_family_name(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void A_street_covers_its_communities_but_not_another_streets()
    {
        var district = AreaCode.TryParse("430103")!;
        var yunan = AreaCode.TryParse("430103001")!;
        var yunanCommunity = AreaCode.TryParse("430103001001")!;
        var qingyuan = AreaCode.TryParse("430103006")!;

        Assert.True(district.Covers(yunanCommunity));
        Assert.True(yunan.Covers(yunanCommunity));
        Assert.True(yunan.Covers(yunan));
        Assert.False(qingyuan.Covers(yunanCommunity));
        Assert.False(yunanCommunity.Covers(yunan));
        Assert.Equal(AreaLevel.Community, yunanCommunity.Level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("43010")]
    [InlineData("4301030010")]
    [InlineData("43010300100a")]
    public void Anything_but_a_6_9_or_12_digit_code_is_not_an_area(string? input) => Assert.Null(AreaCode.TryParse(input));
}

public sealed class AreaScopeTests
{
    [Fact]
    public void Street_staff_see_their_streets_communities_only()
    {
        var scope = AreaScope.Of(Staff("430103001"));

        Assert.NotNull(scope);
        Assert.True(scope.Covers("430103001001"));
        Assert.False(scope.Covers("430103006002"));
        Assert.False(scope.Covers("not-a-code"));
    }

    [Fact]
    public void A_caller_without_a_valid_area_has_no_scope()
    {
        Assert.Null(AreaScope.Of(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(AreaScope.Of(Staff("4301")));
    }

    private static ClaimsPrincipal Staff(string area) =>
        new(new ClaimsIdentity([new Claim(PlatformClaims.Area, area)], "test"));
}
