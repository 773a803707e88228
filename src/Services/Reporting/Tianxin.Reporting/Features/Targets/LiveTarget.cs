namespace Tianxin.Reporting.Features.Targets;

public sealed record StreetTarget(string Street, long Numerator, long Denominator);

/// <summary>A person counted in the denominator and not yet in the numerator.</summary>
public sealed record TargetGap(Guid PersonId, string CommunityCode);

/// <param name="Rate">Numerator ÷ denominator in percent, one decimal; null without a denominator or a source.</param>
/// <param name="HasData">False while the target's source (a bureau, a service) has reported nothing the numerator could count.</param>
/// <param name="Gaps">Who is still to be reached, by person id (the registry shows the person to staff of their area).</param>
public sealed record LiveTarget(string Code, string Title, string TitleEn, decimal Goal, long Numerator, long Denominator, decimal? Rate,
    bool HasData, string NumeratorMeans, string DenominatorMeans, IReadOnlyList<StreetTarget> Streets, IReadOnlyList<TargetGap> Gaps)
{
    public bool? Met => Rate is { } rate ? rate >= Goal : null;
}

public sealed record TargetsView(int Year, string Area, IReadOnlyList<LiveTarget> Targets);
