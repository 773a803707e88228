namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// What a random year sends, decided before anything is sent: persons by number, and per person their needs,
/// rehabilitation cases, fittings, relief grants and employment payments, amounts random to the fen.
/// </summary>
public sealed record RandomYear(
    IReadOnlyList<RandomYear.Person> Persons,
    IReadOnlyList<RandomYear.Need> Needs,
    IReadOnlyList<RandomYear.Case> Cases,
    IReadOnlyList<RandomYear.Fitting> Fittings,
    IReadOnlyList<RandomYear.Grant> Grants,
    IReadOnlyList<RandomYear.Payment> Payments,
    IReadOnlyDictionary<string, decimal> AmountPerCase)
{
    public sealed record Person(int Number, string Name, DateOnly BirthDate, string Community, int Category, int Grade);

    public sealed record Need(int Person, string Programme, DateOnly On);

    public sealed record Case(int Person, string Programme);

    public sealed record Fitting(int Person, int Count, decimal Cost);

    public sealed record Grant(int Person, int Month, decimal Amount);

    public sealed record Payment(int Person, int Month, decimal Amount);

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
    private static readonly string[] GivenNames = ["伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟"];

    public string StreetOf(int person) => Persons[person].Community[..9];

    public static RandomYear Plan(Random random, int children, int adults, IReadOnlyList<string> communities, int year)
    {
        var amountPerCase = new Dictionary<string, decimal> { ["child_aid"] = Fen(random, 1_000_000), ["assistive_devices"] = Fen(random, 300_000) };
        var persons = new List<Person>();
        var needs = new List<Need>();
        var cases = new List<Case>();
        var fittings = new List<Fitting>();
        var grants = new List<Grant>();
        var payments = new List<Payment>();
        for (var number = 0; number < children + adults; number++)
        {
            var child = number < children;
            var born = child ? new DateOnly(2010, 1, 1).AddDays(random.Next(0, 365 * 10)) : new DateOnly(1967, 1, 1).AddDays(random.Next(0, 365 * 32));
            persons.Add(new Person(number, Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                born, communities[random.Next(communities.Count)], 1 + random.Next(7), 1 + random.Next(4)));

            var programme = child ? "child_aid" : "assistive_devices";
            var inNeed = random.Next(10) < 6;
            if (inNeed)
            {
                needs.Add(new Need(number, programme, new DateOnly(year, 1, 1).AddDays(random.Next(0, 365))));
            }
            if (random.Next(100) < (inNeed ? 75 : 20))
            {
                cases.Add(new Case(number, programme));
                if (!child && random.Next(100) < 85)
                {
                    fittings.Add(new Fitting(number, 1 + random.Next(3), Fen(random, 300_000)));
                }
            }
            if (random.Next(10) < 4)
            {
                grants.AddRange(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new Grant(number, 1 + random.Next(12), Fen(random, 500_000))));
            }
            if (!child && random.Next(10) < 4)
            {
                payments.AddRange(Enumerable.Range(1, 12).OrderBy(_ => random.Next()).Take(1 + random.Next(3))
                    .Select(month => new Payment(number, month, Fen(random, 200_000))));
            }
        }
        return new RandomYear(persons, needs, cases, fittings, grants, payments, amountPerCase);
    }

    /// <summary>From one fen to the given number of fen, as yuan.</summary>
    private static decimal Fen(Random random, int maxFen) => random.Next(1, maxFen + 1) / 100m;
}
