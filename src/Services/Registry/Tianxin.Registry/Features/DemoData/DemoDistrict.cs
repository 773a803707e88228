using System.Globalization;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Registry.Features.Households;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.DemoData;

public sealed record DemoPerson(int Index, RegisterPersonRequest Registration, DateOnly BirthDate, int? Category, int? Grade, DateOnly IssuedOn);

/// <param name="RegisteredMembers">Indexes of the demo persons in the household; the first is the head.</param>
/// <param name="Family">Members who are not in the registry.</param>
public sealed record DemoHousehold(string CommunityCode, IReadOnlyList<int> RegisteredMembers, IReadOnlyList<MemberRequest> Family,
    StatusRequest? Status);

/// <summary>
/// A synthetic Tianxin District, the same on every machine (fixed seed), its persons born on the same days whenever it
/// is made: valid 430103 ID numbers over ninety birth years and both sexes, certificates of every category and grade,
/// and households so that every status and special group occurs in each block of ten persons.
/// </summary>
public sealed class DemoDistrict
{
    private static readonly string[] Communities =
    [
        .. Enumerable.Range(1, 14).SelectMany(street => Enumerable.Range(1, 3).Select(community =>
            $"430103{street:D3}{community:D3}")),
    ];
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国建华玉兰志强秀兰海燕文德春梅红梅桂兰小红俊杰子涵浩然欣怡梓轩雨桐";
    private static readonly int[] CategoryWeights = [10, 12, 2, 45, 12, 13, 6];
    private static readonly int[] GradeWeights = [10, 25, 30, 35];

    /// <summary>
    /// Births count back from a fixed day (the one they were fixed on), not from today: the 2019 figures the demo reproduces
    /// depend on who was of working age or a child in 2019, and births that moved with the date changed them from one day to
    /// the next. The persons age with the calendar since; certificates and household statuses still date back from today.
    /// </summary>
    private static readonly DateOnly BirthsCountedFrom = new(2026, 12, 7);

    public DemoDistrict(int persons, DateOnly today)
    {
        var random = new Random(20191231);
        var usedNumbers = new HashSet<string>();
        var people = new List<DemoPerson>();
        for (var i = 0; i < persons; i++)
        {
            // The first of every ten lives alone and is elderly; the second is cared for by an elderly relative.
            var age = i % 10 == 0 ? random.Next(60, 92) : i < 10 ? 8 + i * 5 : Weighted(random, [8, 10, 14, 18, 22, 28]) * 15 + random.Next(1, 15);
            var birthDate = BirthsCountedFrom.AddYears(-age).AddDays(-random.Next(1, 360));
            var idNumber = NewIdNumber(random, birthDate, male: i % 2 == 0, usedNumbers);
            var name = Surnames[random.Next(Surnames.Length)] + GivenName(random);
            // The third and fourth of every ten share a household (一户多残), which needs one street: one community, then.
            var community = Communities[(i % 10 == 3 ? i - 1 : i) % Communities.Length];
            var phone = random.Next(4) == 0 ? null : "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            var hasCertificate = i < 20 || random.Next(100) < 92;
            var category = i < 14 ? i % 7 + 1 : Weighted(random, CategoryWeights) + 1;
            var grade = i < 14 ? i % 4 + 1 : Weighted(random, GradeWeights) + 1;
            var issuedOn = Max(birthDate.AddDays(30), today.AddDays(-random.Next(30, 3400)));
            people.Add(new DemoPerson(i, new RegisterPersonRequest(idNumber, name, phone, $"{name[0]}家巷{random.Next(1, 200)}号", community),
                birthDate, hasCertificate ? category : null, hasCertificate ? grade : null, issuedOn));
        }
        Persons = people;
        Households = BuildHouseholds(people, random, today);
    }

    public IReadOnlyList<DemoPerson> Persons { get; }

    public IReadOnlyList<DemoHousehold> Households { get; }

    private static List<DemoHousehold> BuildHouseholds(List<DemoPerson> people, Random random, DateOnly today)
    {
        var households = new List<DemoHousehold>();
        for (var block = 0; block + 9 < people.Count; block += 10)
        {
            string CommunityOf(int index) => people[index].Registration.CommunityCode!;
            MemberRequest Relative(string relationship, int minimumAge, int maximumAge, bool carer) =>
                new(null, Surnames[random.Next(Surnames.Length)] + GivenName(random), today.AddYears(-random.Next(minimumAge, maximumAge)),
                    relationship, carer);
            StatusRequest Status(string status, string source) => new(status, today.AddMonths(-random.Next(3, 40)), null, source);

            households.Add(new DemoHousehold(CommunityOf(block), [block], [], null));                                       // 孤寡
            households.Add(new DemoHousehold(CommunityOf(block + 1), [block + 1], [Relative("parent", 62, 85, carer: true)], null)); // 以老养残
            households.Add(new DemoHousehold(CommunityOf(block + 2), [block + 2, block + 3], [],
                Status("minimum_living", "区民政局低保名单")));                                                                 // 一户多残
            households.Add(new DemoHousehold(CommunityOf(block + 4), [block + 4], [Relative("spouse", 30, 70, carer: false)],
                Status("registered_poor", "区扶贫办建档立卡名单")));
            households.Add(new DemoHousehold(CommunityOf(block + 5), [block + 5], [Relative("sibling", 30, 70, carer: true)],
                Status("extreme_poverty", "区民政局特困供养名单")));
            households.Add(new DemoHousehold(CommunityOf(block + 6), [block + 6],
                [Relative("spouse", 25, 70, carer: false), Relative("child", 1, 20, carer: false)], null));
        }
        return households;
    }

    private static string NewIdNumber(Random random, DateOnly birthDate, bool male, HashSet<string> used)
    {
        while (true)
        {
            var sequence = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var first17 = "430103" + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
            var number = first17 + ResidentIdNumber.CheckCharacterOf(first17);
            if (used.Add(number))
            {
                return number;
            }
        }
    }

    private static string GivenName(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Given[random.Next(Given.Length)]));

    private static int Weighted(Random random, int[] weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; ; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
