namespace Tianxin.Grievance.DemoData;

/// <summary>A 1×1 PNG standing in for the photo of a fix.</summary>
public static class DemoPhoto
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
