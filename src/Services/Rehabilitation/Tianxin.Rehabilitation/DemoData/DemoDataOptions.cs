namespace Tianxin.Rehabilitation.DemoData;

public sealed class DemoDataOptions
{
    public const string Section = "Rehabilitation:DemoData";

    /// <summary>How many demo applications to make in Development (0: none, and no demo programmes).</summary>
    public int Applications { get; set; }
}
