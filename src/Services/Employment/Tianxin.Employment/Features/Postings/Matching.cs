using System.Globalization;
using Tianxin.Contracts.Registry;

namespace Tianxin.Employment.Features.Postings;

/// <summary>Where a seeker lives against a workplace, nearest first.</summary>
public enum Proximity
{
    SameCommunity,
    SameStreet,
    Elsewhere,
}

/// <summary>What matching knows of a seeker: the eligibility copy's facts and the registration.</summary>
public sealed record SeekerProfile(
    Guid PersonId, string CommunityCode, int? Category, int? Grade, IReadOnlyList<string> Skills, string WorkingAbility,
    IReadOnlyList<string> PreferredStreets, bool HardToEmploy)
{
    public string StreetCode => CommunityCode[..9];
}

/// <param name="Id">The seeker (for a posting) or the posting (for a seeker).</param>
/// <param name="Reasons">Why it ranks where it does, each "中文 / English".</param>
public sealed record Match(Guid Id, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Ranks seekers and postings against each other. Suiting the work's categories and grades weighs most, then
/// where the person lives, the skills asked for, working ability against the hours, a barrier-free workplace
/// for a severely disabled person, and the HR bureau's hard-to-employ status; every point comes with its reason.
/// </summary>
public static class Matching
{
    private const int SuitingWork = 40, SameCommunity = 20, SameStreet = 15, NearbyAtMost = 10, PerStreetApart = 2, PreferredStreet = 5, PerSkill = 10,
        SkillsAtMost = 30, FullyAble = 10, PartlyAbleFitsHours = 8, BarrierFree = 5, HardToEmploy = 5;

    /// <summary>
    /// The most a seeker whom the work does not suit can score, by where they live against the workplace: when the
    /// best seekers found so far all score more, no such seeker there (or farther) can be among them, and matching
    /// need not read them.
    /// </summary>
    public static int MostPointsUnsuited(Proximity proximity) =>
        proximity switch
        {
            Proximity.SameCommunity => SameCommunity,
            Proximity.SameStreet => SameStreet,
            _ => NearbyAtMost,
        } + PreferredStreet + SkillsAtMost + FullyAble + BarrierFree + HardToEmploy;

    public static Match Score(Posting posting, SeekerProfile seeker, Guid id)
    {
        var reasons = new List<string>();
        return new Match(id, Evaluate(posting, seeker, reasons), reasons);
    }

    /// <summary>The best seekers for a posting, best first (ties by person); reasons are written for those only.</summary>
    public static List<Match> BestSeekers(Posting posting, IEnumerable<SeekerProfile> seekers, int limit) =>
        seekers.Select(s => (Seeker: s, Points: Evaluate(posting, s, null))).OrderByDescending(c => c.Points).ThenBy(c => c.Seeker.PersonId)
            .Take(limit).Select(c => Score(posting, c.Seeker, c.Seeker.PersonId)).ToList();

    /// <summary>The best postings for a seeker, best first (ties by posting); reasons are written for those only.</summary>
    public static List<Match> BestPostings(IEnumerable<Posting> postings, SeekerProfile seeker, int limit) =>
        postings.Select(p => (Posting: p, Points: Evaluate(p, seeker, null))).OrderByDescending(c => c.Points).ThenBy(c => c.Posting.Id)
            .Take(limit).Select(c => Score(c.Posting, seeker, c.Posting.Id)).ToList();

    /// <param name="reasons">Null when only the points are wanted: no reason is then written.</param>
    private static int Evaluate(Posting posting, SeekerProfile seeker, List<string>? reasons)
    {
        var score = 0;
        var (street, home) = (posting.StreetCode, seeker.StreetCode);
        if (Suits(posting, seeker))
        {
            score += SuitingWork;
            reasons?.Add($"适合{Suited(posting, seeker, chinese: true)} / suits {Suited(posting, seeker, chinese: false)}");
        }
        else
        {
            reasons?.Add("残疾类别或等级与岗位要求不符 / category or grade outside what the work suits");
        }
        if (seeker.CommunityCode == posting.CommunityCode)
        {
            score += SameCommunity;
            reasons?.Add("住在同一社区 / lives in the same community");
        }
        else if (home == street)
        {
            score += SameStreet;
            reasons?.Add("住在同一街道 / lives in the same street");
        }
        else
        {
            var apart = StreetsApart(home, street);
            score += Math.Max(0, NearbyAtMost - PerStreetApart * apart);
            reasons?.Add($"住处相隔{apart}个街道 / lives {apart} streets away");
        }
        if (seeker.PreferredStreets.Contains(street))
        {
            score += PreferredStreet;
            reasons?.Add("愿在该街道工作 / prefers work in this street");
        }
        var skills = 0;
        foreach (var skill in posting.Skills)
        {
            skills += seeker.Skills.Contains(skill) ? 1 : 0;
        }
        if (skills > 0)
        {
            score += Math.Min(SkillsAtMost, PerSkill * skills);
            if (reasons is not null)
            {
                var shared = posting.Skills.Intersect(seeker.Skills).ToList();
                reasons.Add($"具备技能：{string.Join("、", shared)} / has the skill: {string.Join(", ", shared)}");
            }
        }
        if (seeker.WorkingAbility == "full")
        {
            score += FullyAble;
            reasons?.Add("完全劳动能力 / fully able to work");
        }
        else if (posting.Hours != "full_time")
        {
            score += PartlyAbleFitsHours;
            reasons?.Add("部分劳动能力，岗位非全日制 / partly able, and the hours are not full time");
        }
        if (posting.Accessible && seeker.Grade is <= 2)
        {
            score += BarrierFree;
            reasons?.Add("无障碍工作场所 / barrier-free workplace");
        }
        if (seeker.HardToEmploy)
        {
            score += HardToEmploy;
            reasons?.Add("就业困难人员优先 / hard to employ, put first");
        }
        return score;
    }

    public static bool Suits(Posting posting, SeekerProfile seeker) =>
        seeker is { Category: { } category, Grade: { } grade }
        && (posting.Categories.Count == 0 || posting.Categories.Contains(category))
        && grade >= posting.MinGrade && grade <= posting.MaxGrade;

    /// <summary>An approximation: streets are numbered 001–014 in the district's order, so neighbours mostly differ by one.</summary>
    private static int StreetsApart(string street, string other) =>
        Math.Abs(int.Parse(street.AsSpan(6), CultureInfo.InvariantCulture) - int.Parse(other.AsSpan(6), CultureInfo.InvariantCulture));

    private static string Suited(Posting posting, SeekerProfile seeker, bool chinese)
    {
        var name = DisabilityCategories.Names[seeker.Category!.Value].Split(' ');
        var grades = posting.MinGrade == posting.MaxGrade ? $"{posting.MinGrade}" : $"{posting.MinGrade}–{posting.MaxGrade}";
        return chinese ? $"{name[0]}{grades}级" : $"{name[1]} grade {grades}";
    }
}
