using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Grievance;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Contracts.Relief;

namespace Tianxin.Reporting.Tests;

/// <summary>
/// A random year of a district as the services would publish it: persons, rehabilitation cases, payments
/// (some failing, some confirmed in the next January), relief grants, work orders. Amounts are random to
/// the fen. The expectations are kept while generating, apart from the report's own arithmetic.
/// </summary>
public sealed class RandomDistrict
{
    public const int Year = 2025;
    public static readonly string[] Communities = ["430103001001", "430103001002", "430103002001", "430103006001"];

    private readonly Random _random;

    public RandomDistrict(int seed, int persons = 300)
    {
        _random = new Random(seed);
        for (var i = 0; i < persons; i++)
        {
            var grade = _random.Next(0, 5);
            var person = new EligibilityFacts(Guid.NewGuid(), new DateOnly(1950 + _random.Next(0, 70), 1 + _random.Next(12), 1 + _random.Next(28)),
                i % 2 == 0 ? "male" : "female", Communities[_random.Next(Communities.Length)], i % 37 == 0 ? "deceased" : "active",
                grade == 0 ? null : 1 + _random.Next(7), grade == 0 ? null : grade, [], 1, i % 3 == 0 ? null : Guid.NewGuid());
            Persons.Add(person);
            // An older version arriving after a newer one must not move the person back.
            Events.Add((Guid.NewGuid(), new PersonRegistered(person with { CommunityCode = Communities[0], Version = 0 }, At(1, 1))));
            Events.Add((Guid.NewGuid(), new PersonRegistered(person, At(1, 2))));
        }
        foreach (var person in Persons.Where(p => p.Status == "active"))
        {
            Generate(person);
        }
    }

    public List<EligibilityFacts> Persons { get; } = [];
    public List<(Guid MessageId, object Message)> Events { get; } = [];

    public decimal ChildAidMoney { get; private set; }
    public HashSet<Guid> ChildAidPeople { get; } = [];
    public int DevicesFittedItems { get; private set; }
    public decimal DevicesMoney { get; private set; }
    public HashSet<Guid> DevicesPeople { get; } = [];
    public decimal EmploymentReliefPaid { get; private set; }
    public HashSet<Guid> EmploymentReliefPeople { get; } = [];
    public decimal CareSubsidyPaid { get; private set; }
    public decimal CareSubsidyPaidInDecember { get; private set; }
    public HashSet<Guid> CareSubsidyPeople { get; } = [];
    public decimal HardshipGranted { get; private set; }
    public HashSet<Guid> HardshipPeople { get; } = [];
    public int WorkOrders { get; private set; }
    public int WorkOrdersClosed { get; private set; }
    public HashSet<Guid> InNeed { get; } = [];
    public HashSet<Guid> ServedInNeed { get; } = [];
    public HashSet<Guid> CareEnrolledAtYearEnd { get; } = [];
    public Dictionary<string, decimal> MoneyByStreet { get; } = [];

    public decimal Fen() => _random.Next(1, 1_000_000) / 100m;

    private void Generate(EligibilityFacts person)
    {
        if (_random.Next(4) == 0)
        {
            InNeed.Add(person.PersonId);
            Events.Add((Guid.NewGuid(), new NeedAssessed(Guid.NewGuid(), person.PersonId, "child_aid", Year, "home_visit", Day(2), At(2, 1))));
            if (_random.Next(3) > 0)
            {
                var amount = Fen();
                ChildAidMoney += amount;
                ChildAidPeople.Add(person.PersonId);
                ServedInNeed.Add(person.PersonId);
                Street(person, amount);
                Events.Add((Guid.NewGuid(), new ApplicationDecided(Guid.NewGuid(), person.PersonId, "child_aid", Year, "approved", amount, "inst", null, Day(3), At(3, 1))));
            }
        }
        if (_random.Next(5) == 0)
        {
            var count = 1 + _random.Next(3);
            var cost = Fen();
            DevicesFittedItems += count;
            DevicesMoney += cost;
            DevicesPeople.Add(person.PersonId);
            Events.Add((Guid.NewGuid(), new DevicesFitted(Guid.NewGuid(), person.PersonId, "assistive_devices", Year, "轮椅", count, cost, Day(4), At(4, 1))));
        }
        if (_random.Next(3) == 0)
        {
            var amount = Fen();
            EmploymentReliefPaid += amount;
            EmploymentReliefPeople.Add(person.PersonId);
            Street(person, amount);
            Events.Add((Guid.NewGuid(), new EmploymentPaymentMade(Guid.NewGuid(), person.PersonId, person.HouseholdId, "employment_relief", Year,
                Year.ToString(System.Globalization.CultureInfo.InvariantCulture), amount, At(5, 1))));
        }
        // One in five grade 1-2 holders is never enrolled: a gap in the two-subsidies target.
        if (person.Grade is 1 or 2 && _random.Next(5) > 0)
        {
            Events.Add((Guid.NewGuid(), new EnrolmentDecided(Guid.NewGuid(), person.PersonId, "care_subsidy", "approved", "decision", null,
                new DateOnly(Year, 1, 1), At(1, 5))));
            var ended = _random.Next(6) == 0;
            if (ended)
            {
                Events.Add((Guid.NewGuid(), new EnrolmentEnded(Guid.NewGuid(), person.PersonId, "care_subsidy", new DateOnly(Year, 6, 1), "moved_out", At(6, 5))));
            }
            else
            {
                CareEnrolledAtYearEnd.Add(person.PersonId);
            }
            foreach (var month in ended ? [1, 6] : new[] { 1, 6, 12 })
            {
                var paid = _random.Next(8) > 0;
                var amount = Fen();
                // December's bank result comes back in January: it counts in December.
                var confirmed = month == 12 ? new DateTimeOffset(Year + 1, 1, 8, 2, 0, 0, TimeSpan.Zero) : At(month, 20);
                Events.Add((Guid.NewGuid(), new PaymentSettled(Guid.NewGuid(), person.PersonId, "care_subsidy", $"{Year}-{month:00}", amount,
                    paid ? "paid" : "failed", paid ? null : "账户已销户", confirmed)));
                if (paid)
                {
                    CareSubsidyPaid += amount;
                    CareSubsidyPeople.Add(person.PersonId);
                    CareSubsidyPaidInDecember += month == 12 ? amount : 0;
                    Street(person, amount);
                }
            }
        }
        if (_random.Next(6) == 0)
        {
            var amount = Fen();
            HardshipGranted += amount;
            HardshipPeople.Add(person.PersonId);
            Street(person, amount);
            Events.Add((Guid.NewGuid(), new ReliefGranted(Guid.NewGuid(), person.PersonId, "temporary_hardship", Year, amount, "bank_transfer", null, Day(7), At(7, 1))));
        }
        if (_random.Next(10) == 0)
        {
            var order = Guid.NewGuid();
            WorkOrders++;
            Events.Add((Guid.NewGuid(), new GrievanceReceived(order, "work_order", "hotline", "subsidy", person.CommunityCode, Day(8), At(8, 1))));
            if (_random.Next(2) == 0)
            {
                WorkOrdersClosed++;
                Events.Add((Guid.NewGuid(), new GrievanceClosed(order, "work_order", "subsidy", person.CommunityCode, Day(9), true, At(9, 1))));
            }
        }
    }

    private void Street(EligibilityFacts person, decimal amount) =>
        MoneyByStreet[person.CommunityCode[..9]] = MoneyByStreet.GetValueOrDefault(person.CommunityCode[..9]) + amount;

    private static DateOnly Day(int month) => new(Year, month, 15);

    private static DateTimeOffset At(int month, int day) => new(Year, month, day, 2, 0, 0, TimeSpan.Zero);
}
