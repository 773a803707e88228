using Tianxin.BuildingBlocks;
using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Grievance;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Contracts.Relief;
using static Tianxin.Reporting.Features.Events.ReportFact;

namespace Tianxin.Reporting.Features.Events;

/// <summary>What each event counts for in the report: a pure function of the event, so a rebuild gives the same facts.</summary>
public static class FactsOf
{
    public static IReadOnlyList<ReportFact> Event(object message) => message switch
    {
        CertificateChanged { Change: "issued" } issued =>
            [On("registry", "certificates_issued", issued.EffectiveOn, issued.PersonId, community: issued.Facts[0].CommunityCode)],
        IChangesEligibility => [],

        NeedAssessed need => [On(need.ProgrammeCode, "need", need.AssessedOn, need.PersonId) with { Year = need.Year }],
        ApplicationDecided decided =>
            [On(decided.ProgrammeCode, decided.Decision, decided.DecidedOn, decided.PersonId, amount: decided.Decision == "approved" ? decided.Amount : 0)
                with { Year = decided.Year }],
        DevicesFitted fitted => [On(fitted.ProgrammeCode, "devices", fitted.FittedOn, fitted.PersonId, fitted.Count, fitted.Cost) with { Year = fitted.Year }],
        ServiceCompleted served =>
            [On(served.ProgrammeCode, "served", served.CompletedOn, served.PersonId, served.Sessions, served.Spent) with { Year = served.Year }],
        ScreeningHeld screening => [On(screening.ProgrammeCode, "screenings", screening.HeldOn, items: screening.PeopleScreened) with { Year = screening.Year }],
        OperationDone operation => [On(operation.ProgrammeCode, "operations", operation.PerformedOn, operation.PersonId) with { Year = operation.Year }],

        SeekerRegistered seeker => [On("employment", "seekers", seeker.RegisteredOn, seeker.PersonId, community: seeker.CommunityCode)],
        EmploymentStarted started => [On("employment", "placed_" + started.Kind, started.StartedOn, started.PersonId, community: started.CommunityCode)],
        TrainingCompleted trained => [On("training", "trained", trained.CompletedOn, trained.PersonId)],
        EmploymentPaymentMade paid => [InPeriod(paid.ProgrammeCode, "paid", paid.Year, paid.Period, paid.PersonId, paid.Amount, paid.HouseholdId)],
        QuotaAssessed quota => [new("quota", "assessed", quota.Year, null, null, null, null, 1, quota.Fund)],
        CareServiceRecorded care => CareMonth(care),
        // Items 1 when insured for both; the latest report of the person and year is the one that counts.
        SocialInsuranceReported insurance =>
            [new("social_security", "reported", insurance.Year, null, null, insurance.PersonId, null, insurance.Pension && insurance.Medical ? 1 : 0, 0)],
        EmploymentDisputeResolved dispute => [On("labour_dispute", dispute.Outcome, dispute.ResolvedOn, dispute.PersonId)],

        // Items 1 when in school; the latest report of the person and year is the one that counts.
        SchoolingReported schooling => [new("compulsory_education", "reported", schooling.Year, null, null, schooling.PersonId, null, schooling.Enrolled ? 1 : 0, 0)],
        EnrolmentProposed proposed => [On(proposed.Subsidy, "proposed", proposed.OccurredAt.DayInChina(), proposed.PersonId, community: proposed.CommunityCode)],
        EnrolmentDecided decided =>
            [On(decided.Subsidy, decided.Decision == "approved" ? "enrolled" : "refused", decided.StartsMonth ?? decided.OccurredAt.DayInChina(), decided.PersonId)],
        EnrolmentEnded ended => [On(ended.Subsidy, "ended", ended.LastMonth, ended.PersonId)],
        RecoveryRaised recovery => [On(recovery.Subsidy, "recovery", recovery.Month, recovery.PersonId, amount: recovery.Amount)],
        PaymentSettled settled => Settled(settled),
        ReliefGranted granted => [On(granted.ProgrammeCode, "granted", granted.GrantedOn, granted.PersonId, amount: granted.Amount) with { Year = granted.Year }],
        ContributionPaid contribution => [new(contribution.Programme, "paid", contribution.Year, null, null, contribution.PersonId, null, 1, contribution.Amount)],
        HomeModificationCompleted home => [On(home.ProgrammeCode, "homes", home.CompletedOn, home.PersonId, amount: home.Spent) with { Year = home.Year }],
        // A campaign visit hands over the programme's relief as a granted case does.
        CampaignVisitMade visit => [On(visit.ProgrammeCode, "granted", visit.VisitedOn, visit.PersonId, amount: visit.Amount) with { Year = visit.Year }],

        GrievanceReceived received => [On(received.Kind, "received", received.ReceivedOn, community: received.CommunityCode)],
        GrievanceReplied replied => OnTime(replied.Kind, "replied", replied.RepliedOn, null, replied.OnTime),
        GrievanceClosed closed => OnTime(closed.Kind, "closed", closed.ClosedOn, closed.CommunityCode, closed.OnTime),
        GrievanceEscalatedBeyondDistrict escalated => [On("petition", "escalated", escalated.On)],
        WorkOrderCalledBack callBack => CalledBack(callBack),
        AccessibilityDefectFixed defect => [On("accessibility", "fixed", defect.FixedOn, community: defect.CommunityCode)],
        LegalAidGiven aid => [On("legal_aid", aid.Kind, aid.On)],
        _ => [],
    };

    private static IReadOnlyList<ReportFact> CareMonth(CareServiceRecorded care) =>
        DateOnly.TryParseExact(care.Month + "-01", "yyyy-MM-dd", out var month)
            ? [On(care.Kind, "care", month, care.PersonId, care.DaysServed, care.Subsidy)]
            : [];

    /// <summary>A failed bank line is counted apart: the money did not reach the person, and the line is paid again later.</summary>
    private static IReadOnlyList<ReportFact> Settled(PaymentSettled settled) =>
        [InPeriod(settled.Programme, settled.Outcome == "paid" ? "paid" : "failed", YearOf(settled.Period, settled.OccurredAt), settled.Period,
            settled.PersonId, settled.Amount)];

    private static int YearOf(string period, DateTimeOffset occurredAt) =>
        period.Length >= 4 && int.TryParse(period.AsSpan(0, 4), out var year) ? year : occurredAt.DayInChina().Year;

    private static IReadOnlyList<ReportFact> OnTime(string kind, string measure, DateOnly on, string? community, bool onTime) =>
        onTime
            ? [On(kind, measure, on, community: community), On(kind, measure + "_on_time", on, community: community)]
            : [On(kind, measure, on, community: community)];

    private static IReadOnlyList<ReportFact> CalledBack(WorkOrderCalledBack callBack) =>
        callBack.Satisfaction is "satisfied" or "basically_satisfied"
            ? [On("work_order", "called_back", callBack.CalledBackOn), On("work_order", "satisfied", callBack.CalledBackOn)]
            : [On("work_order", "called_back", callBack.CalledBackOn)];
}
