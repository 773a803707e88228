namespace Tianxin.Grievance.DemoData;

public sealed class DemoDataOptions
{
    public const string Section = "Grievance:DemoData";

    /// <summary>In Development: the 2019 report's rights work, and open cases of this year in every state of their clocks.</summary>
    public bool Enabled { get; set; }
}
