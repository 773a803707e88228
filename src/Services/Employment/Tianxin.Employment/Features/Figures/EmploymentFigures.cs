namespace Tianxin.Employment.Features.Figures;

/// <param name="People">Distinct persons paid; Money what was granted to them.</param>
public sealed record ProgrammeFigures(string Code, string Name, int People, int Households, decimal Money, decimal Budget, decimal Left);

/// <param name="AbleToWork">Active certificate holders of working age whose registration says they can work, or who work.</param>
/// <param name="Employed">Of them, those with a job now.</param>
public sealed record EmploymentRate(int AbleToWork, int Employed, decimal Rate);

/// <param name="Able">Registered seekers of working age able to work; Trained those who completed a course at least once.</param>
public sealed record TrainingCoverage(int Able, int Trained, decimal Rate);

/// <param name="Fund">The employment-security fund estimates of the year's declarations, together.</param>
public sealed record QuotaFigures(int Declared, int Compliant, int Exempt, int Concentrated, decimal Shortfall, decimal Fund);

/// <param name="Enrolled">Persons in this kind of care at some time in the year; MonthsServed the months recorded in the year.</param>
public sealed record CareFigures(string Kind, int Enrolled, int MonthsServed);

/// <param name="Employers">Attendances of employers, fair by fair (an employer at two fairs counts twice), as the year-end report counts them.</param>
public sealed record FairFigures(int Fairs, int Employers, int Seekers, int Agreements, int Placements);

/// <param name="Reported">Working-age holders of the area the HR bureau reported for the year; of them, with pension and with medical insurance.</param>
public sealed record InsuranceFigures(int Reported, int Pension, int Medical);

/// <summary>The employment service's figures of a year for the caller's area (quota and training are district-wide).</summary>
public sealed record EmploymentFigures(
    int Year, string Area, IReadOnlyList<ProgrammeFigures> Programmes, EmploymentRate Employment, TrainingCoverage Training,
    decimal ConversionRate, QuotaFigures Quota, int ZeroEmploymentHouseholds, IReadOnlyList<CareFigures> Care,
    FairFigures JobFairs, InsuranceFigures SocialInsurance);
