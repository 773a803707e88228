namespace Tianxin.Relief.DemoData;

public sealed class DemoDataOptions
{
    public const string Section = "Relief:DemoData";

    /// <summary>In Development: enrol the demo holders in the two subsidies and pay this many closed monthly runs before this month's draft (0: no demo data).</summary>
    public int ClosedRuns { get; set; }
}
