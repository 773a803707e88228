using System.Globalization;
using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Synthetic residents of Tianxin District for the tests, and the shapes the registry answers in.</summary>
public static class TestPeople
{
    public const string NewTianCommunity = "430103001001"; // 新天社区, 裕南街街道
    public const string YunanStreetCommunity = "430103001002"; // 裕南街社区
    public const string QingyuanCommunity = "430103006001";

    /// <summary>A valid ID number of the district; the random sequence makes clashes between tests unlikely.</summary>
    public static string NewIdNumber(DateOnly birthDate, bool? male = null)
    {
        var sequence = Random.Shared.Next(0, 500) * 2 + (male switch { true => 1, false => 0, null => Random.Shared.Next(0, 2) });
        var first17 = "430103" + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    /// <summary>A birth date nobody else in the test run is likely to share, for tests that must not meet other tests' persons.</summary>
    public static DateOnly RareBirthDate(int minimumAge = 20) =>
        new DateOnly(1930, 1, 1).AddDays(Random.Shared.Next(0, 365 * (95 - minimumAge)));
}

public sealed record CertificateAnswer(Guid Id, string Number, int Category, int Grade, bool Severe, DateOnly IssuedOn, DateOnly ValidUntil, string Status);

public sealed record PersonAnswer(
    Guid Id, string IdNumber, string Name, string Sex, DateOnly? BirthDate, string? Phone, string CommunityCode, string Status = "active",
    int Version = 1, CertificateAnswer? Certificate = null, Guid? HouseholdId = null, List<string>? HouseholdFlags = null,
    List<Guid>? PossibleDuplicateOf = null, int BirthYear = 0);

public sealed record PersonPageAnswer(List<PersonAnswer> Items, long Total, int Page, int PageSize, string? Next = null);

public sealed record AuditAnswer(string Actor, string Action, string Resource, string? Purpose, string? Outcome = null);

public sealed record ValidationAnswer(string? Title, Dictionary<string, string[]> Errors);
