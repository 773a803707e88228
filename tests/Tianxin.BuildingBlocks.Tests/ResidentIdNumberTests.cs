using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own examples
    [InlineData("440524188001010014")]
    public void The_standards_examples_have_the_right_check_character(string number) =>
        Assert.Equal(number[17], ResidentIdNumber.CheckCharacterOf(number.AsSpan(0, 17)));

    [Fact]
    public void Birth_date_and_sex_come_from_the_number()
    {
        var parsed = ResidentIdNumber.Parse("11010519491231002X", Today);

        Assert.True(parsed.IsValid, parsed.Message);
        Assert.Equal(new DateOnly(1949, 12, 31), parsed.Number!.BirthDate);
        Assert.Equal(Sex.Female, parsed.Number.Sex); // sequence 002: even
        Assert.Equal(Sex.Male, ResidentIdNumber.Parse(Generate(new Random(3), new DateOnly(1980, 1, 1), "430103", sequence: 1), Today).Number!.Sex);
    }

    [Fact]
    public void Today_is_the_date_in_China()
    {
        // 2026-11-29 18:00 UTC is already 30 November in Changsha.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        var bornOn30November = Generate(new Random(4), new DateOnly(2026, 11, 30), "430103");

        Assert.True(ResidentIdNumber.Parse(bornOn30November, clock).IsValid);
    }

    [Fact]
    public void A_lower_case_x_is_read_as_the_check_character_X()
    {
        var parsed = ResidentIdNumber.Parse("11010519491231002x", Today);

        Assert.True(parsed.IsValid);
        Assert.Equal("11010519491231002X", parsed.Number!.Value);
    }

    [Fact]
    public void Masking_keeps_the_region_and_the_last_four_characters()
    {
        var number = ResidentIdNumber.Parse(Generate(new Random(1), new DateOnly(1980, 5, 17), "430103"), Today).Number!;

        Assert.Matches(@"^430103\*{8}\d{3}[\dX]$", number.Masked);
        Assert.Equal(number.Masked, number.ToString());
    }

    [Theory]
    [InlineData("43010320270101001", IdNumberError.Length)]
    [InlineData("4301032027010100123", IdNumberError.Length)]
    [InlineData("43010319800230001X", IdNumberError.BirthDate)]        // 30 February
    [InlineData("430103198013010010", IdNumberError.BirthDate)]        // month 13
    [InlineData("43010318991231001X", IdNumberError.BirthDateOutOfRange)]
    [InlineData("4301032A8001010010", IdNumberError.Characters)]
    [InlineData("030103198001010010", IdNumberError.Region)]
    [InlineData("430103198001010010", IdNumberError.CheckCharacter)]
    public void Impossible_numbers_are_rejected_with_the_reason(string number, IdNumberError expected)
    {
        var parsed = ResidentIdNumber.Parse(number, Today);

        Assert.False(parsed.IsValid);
        Assert.Equal(expected, parsed.Error);
        Assert.Contains(" / ", parsed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_after_today_is_rejected()
    {
        var tomorrow = Generate(new Random(2), Today.AddDays(1), "430103");

        Assert.Equal(IdNumberError.BirthDateOutOfRange, ResidentIdNumber.Parse(tomorrow, Today).Error);
        Assert.True(ResidentIdNumber.Parse(Generate(new Random(2), Today, "430103"), Today).IsValid);
    }

    [Fact]
    public void Every_single_character_change_of_a_valid_number_is_rejected()
    {
        var random = new Random(11643);
        for (var sample = 0; sample < 300; sample++)
        {
            var valid = Generate(random, RandomBirthDate(random), "430103");
            for (var position = 0; position < 18; position++)
            {
                foreach (var replacement in "0123456789X")
                {
                    if (replacement == valid[position])
                    {
                        continue;
                    }
                    var changed = valid[..position] + replacement + valid[(position + 1)..];
                    Assert.False(ResidentIdNumber.Parse(changed, Today).IsValid, $"{changed} (from {valid}) was accepted");
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_adjacent_different_characters_is_rejected()
    {
        var random = new Random(7064);
        for (var sample = 0; sample < 300; sample++)
        {
            var valid = Generate(random, RandomBirthDate(random), "430103");
            for (var position = 0; position < 17; position++)
            {
                if (valid[position] == valid[position + 1])
                {
                    continue;
                }
                var swapped = valid[..position] + valid[position + 1] + valid[position] + valid[(position + 2)..];
                Assert.False(ResidentIdNumber.Parse(swapped, Today).IsValid, $"{swapped} (from {valid}) was accepted");
            }
        }
    }

    private static DateOnly RandomBirthDate(Random random) => new DateOnly(1920, 1, 1).AddDays(random.Next(0, 38_000));

    private static string Generate(Random random, DateOnly birthDate, string region, int? sequence = null)
    {
        var first17 = region + birthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            + (sequence ?? random.Next(0, 1000)).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
