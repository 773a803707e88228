namespace Tianxin.Employment.Features.Employers;

/// <summary>An employer's declaration for a year: staff, disabled employees, and of them grade 1–2 holders.</summary>
public sealed record EmployerYear(Guid EmployerId, int Year, int Headcount, int DisabledEmployees, int SevereEmployees, decimal AverageWage);

/// <param name="Required">Headcount × rate, kept fractional as the fund's formula uses it (150 staff at 1.5% → 2.25).</param>
/// <param name="Counted">Disabled employees, each grade 1–2 employee counting as the rule's weight.</param>
/// <param name="WageBase">The employer's average wage, capped at the rule's multiple of the local average.</param>
/// <param name="Fund">就业保障金 estimate: shortfall × wage base, in yuan to the fen; 0 for an exempt (small) employer.</param>
/// <param name="Concentrated">A concentrated-employment unit: disabled at least the rule's share of staff and at least its minimum.</param>
public sealed record QuotaAssessment(
    Guid EmployerId, int Year, int RuleYear, int Headcount, int DisabledEmployees, int SevereEmployees, decimal Required, decimal Counted,
    decimal Shortfall, decimal WageBase, decimal Fund, bool Exempt, bool Compliant, bool Concentrated)
{
    public static QuotaAssessment Of(QuotaRule rule, EmployerYear year)
    {
        var required = year.Headcount * rule.Rate;
        var counted = year.DisabledEmployees + (decimal)year.SevereEmployees * (rule.SevereWeight - 1);
        var shortfall = Math.Max(0m, required - counted);
        var wageBase = Math.Min(year.AverageWage, rule.LocalAverageWage * rule.WageCapMultiple);
        var exempt = year.Headcount <= rule.ExemptHeadcountMax;
        var fund = exempt ? 0m : Math.Round(shortfall * wageBase, 2, MidpointRounding.AwayFromZero);
        var concentrated = year.Headcount > 0 && year.DisabledEmployees >= rule.ConcentratedShare * year.Headcount
            && year.DisabledEmployees >= rule.ConcentratedMin;
        return new(year.EmployerId, year.Year, rule.Year, year.Headcount, year.DisabledEmployees, year.SevereEmployees, required, counted, shortfall,
            wageBase, fund, exempt, counted >= required, concentrated);
    }
}
