namespace Tianxin.BuildingBlocks.Funding;

/// <param name="Period">What the payment is for, as the programme counts: "2026-03" (a month), "2026" (a year) or a case id.</param>
/// <param name="Method">bank_transfer or cash (handed over at a visit).</param>
/// <param name="State">pending, paid or failed.</param>
public sealed record Payment(
    Guid Id, Guid? BudgetLineId, Guid PayeeId, string Programme, string Period, decimal Amount, string Method, string State, string? Reason);

/// <summary>A payer's answer for one payment: paid, or failed with its reason.</summary>
public sealed record PaymentResult(Guid PaymentId, bool Paid, string? Reason);
