namespace Tianxin.Rehabilitation.Features.Figures;

/// <param name="PeopleServed">Distinct persons whose case was completed.</param>
/// <param name="PeopleInService">Distinct persons with an approved case not yet completed.</param>
/// <param name="NeedsServed">Assessed needs of the year whose person completed a case of this programme.</param>
/// <param name="Coverage">NeedsServed / NeedsAssessed (the 2020 target: at least 0.80), or null without needs.</param>
/// <param name="Approved">The amounts of every case approved, completed or not: the programme's money in the year-end report.</param>
/// <param name="PeopleApproved">Distinct persons with a case approved, completed or not.</param>
/// <param name="DevicesCost">What every device fitted cost.</param>
public sealed record ProgrammeFigures(
    Guid ProgrammeId, string Code, int Year, string Name, decimal Budget, decimal Committed, decimal Spent, decimal BudgetLeft,
    int Applications, int PeopleServed, int PeopleInService, int ItemsFitted, int Sessions, int Screenings, int PeopleScreened,
    int NeedsAssessed, int NeedsServed, decimal? Coverage, int Operations, decimal Approved, int PeopleApproved, decimal DevicesCost, int PeopleFitted);
