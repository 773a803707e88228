namespace Tianxin.Employment.DemoData;

public sealed class DemoDataOptions
{
    public const string Section = "Employment:DemoData";

    /// <summary>In Development: the 2019 report's year in this service (payments, seekers, employers, fairs, training, bases, care) for the registry's demo persons.</summary>
    public bool Enabled { get; set; }
}
