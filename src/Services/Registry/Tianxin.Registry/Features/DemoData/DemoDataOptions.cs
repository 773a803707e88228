namespace Tianxin.Registry.Features.DemoData;

public sealed class DemoDataOptions
{
    /// <summary>How many demo persons to seed in Development; 0 for none.</summary>
    public int Persons { get; set; }
}
