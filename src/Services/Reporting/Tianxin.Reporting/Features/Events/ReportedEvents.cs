using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Grievance;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Contracts.Relief;

namespace Tianxin.Reporting.Features.Events;

/// <summary>Every integration event the report is drafted from, with the service that owns it; a stored event names its type by <see cref="NameOf"/>.</summary>
public static class ReportedEvents
{
    private static readonly Dictionary<Type, string> Sources = new()
    {
        [typeof(PersonRegistered)] = "registry",
        [typeof(PersonDetailsChanged)] = "registry",
        [typeof(PersonClosed)] = "registry",
        [typeof(CertificateChanged)] = "registry",
        [typeof(HouseholdChanged)] = "registry",
        [typeof(EligibilityFactsRefreshed)] = "registry",
        [typeof(NeedAssessed)] = "rehabilitation",
        [typeof(ApplicationDecided)] = "rehabilitation",
        [typeof(DevicesFitted)] = "rehabilitation",
        [typeof(ServiceCompleted)] = "rehabilitation",
        [typeof(ScreeningHeld)] = "rehabilitation",
        [typeof(OperationDone)] = "rehabilitation",
        [typeof(SeekerRegistered)] = "employment",
        [typeof(EmploymentStarted)] = "employment",
        [typeof(TrainingCompleted)] = "employment",
        [typeof(EmploymentPaymentMade)] = "employment",
        [typeof(QuotaAssessed)] = "employment",
        [typeof(CareServiceRecorded)] = "employment",
        [typeof(EmploymentDisputeResolved)] = "employment",
        [typeof(SocialInsuranceReported)] = "employment",
        [typeof(EnrolmentProposed)] = "relief",
        [typeof(EnrolmentDecided)] = "relief",
        [typeof(EnrolmentEnded)] = "relief",
        [typeof(RecoveryRaised)] = "relief",
        [typeof(PaymentSettled)] = "relief",
        [typeof(ReliefGranted)] = "relief",
        [typeof(HomeModificationCompleted)] = "relief",
        [typeof(CampaignVisitMade)] = "relief",
        [typeof(SchoolingReported)] = "relief",
        [typeof(ContributionPaid)] = "relief",
        [typeof(GrievanceReceived)] = "grievance",
        [typeof(GrievanceReplied)] = "grievance",
        [typeof(GrievanceClosed)] = "grievance",
        [typeof(GrievanceEscalatedBeyondDistrict)] = "grievance",
        [typeof(WorkOrderCalledBack)] = "grievance",
        [typeof(AccessibilityDefectFixed)] = "grievance",
        [typeof(LegalAidGiven)] = "grievance",
    };

    private static readonly Dictionary<string, Type> ByName = Sources.Keys.ToDictionary(NameOf, type => type, StringComparer.Ordinal);

    public static IEnumerable<Type> All => Sources.Keys;

    public static string SourceOf(Type type) => Sources[type];

    /// <summary>The contract's short name ("PaymentSettled"): contracts keep their names, whatever assembly carries them.</summary>
    public static string NameOf(Type type) => type.Name;

    public static Type? Resolve(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Every contract says when it happened in a property of this name.</summary>
    public static DateTimeOffset OccurredAtOf(object message) =>
        (DateTimeOffset)message.GetType().GetProperty("OccurredAt")!.GetValue(message)!;
}
