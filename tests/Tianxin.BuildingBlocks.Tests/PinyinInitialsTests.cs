using Tianxin.BuildingBlocks.Text;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class PinyinInitialsTests
{
    /// <summary>The hundred most common surnames and the letters their pinyin starts with.</summary>
    private const string Surnames =
        "王w李l张z刘l陈c杨y黄h赵z吴w周z徐x孙s马m朱z胡h郭g何h高g林l罗l郑z梁l谢x宋s唐t许x韩h冯f邓d曹c彭p曾z肖x田t董d袁y潘p于y蒋j蔡c余y杜d叶y程c" +
        "苏s魏w吕l丁d任r沈s姚y卢l姜j崔c钟z谭t陆l汪w范f金j石s廖l贾j夏x韦w付f方f白b邹z孟m熊x秦q邱q江j尹y薛x闫y段d雷l侯h龙l史s陶t黎l贺h顾g毛m" +
        "郝h龚g邵s万w钱q严y覃q武w戴d莫m孔k向x汤t欧o艾a安a牛n聂n倪n宁n温w柳l";

    [Fact]
    public void The_hundred_commonest_surnames_get_the_initial_of_their_pinyin()
    {
        var wrong = Enumerable.Range(0, Surnames.Length / 2)
            .Select(i => (Surname: Surnames[2 * i].ToString(), Expected: Surnames[2 * i + 1].ToString()))
            .Where(s => PinyinInitials.Of(s.Surname) != s.Expected)
            .Select(s => $"{s.Surname}: {PinyinInitials.Of(s.Surname)} instead of {s.Expected}");

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("张三丰", "zsf")]
    [InlineData("欧阳锋", "oyf")]
    [InlineData("买买提·艾力", "mmtal")]
    [InlineData("李A2", "la2")]
    [InlineData("曾国藩", "zgf")]
    [InlineData("单雄信", "sxx")]
    public void Names_become_the_initials_of_each_character(string name, string initials) =>
        Assert.Equal(initials, PinyinInitials.Of(name));

    [Fact]
    public void A_name_is_indexed_by_its_parts_and_its_initials()
    {
        var terms = SearchTerms.Of("张三丰");

        Assert.Contains("三丰", terms);
        Assert.Contains("zsf", terms);
        Assert.Contains("sf", terms);
        Assert.DoesNotContain("张丰", terms);
    }

    [Fact]
    public void A_long_query_is_probed_by_its_first_characters()
    {
        Assert.Equal("买买提艾", SearchTerms.ProbeFor("买买提·艾力"));
        Assert.Contains(SearchTerms.ProbeFor("买买提·艾力"), SearchTerms.Of("买买提·艾力江"));
    }
}
