using System.Reflection;

namespace Tianxin.Contracts;

/// <summary>The partner scopes every service declares, found rather than listed, so a new service adds its own in its own folder.</summary>
public static class PartnerScopeCatalog
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(PartnerScopeCatalog).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<PartnerScopesAttribute>() is not null)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal),
    ];
}
