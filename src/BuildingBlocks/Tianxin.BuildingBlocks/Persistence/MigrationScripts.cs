using System.Reflection;

namespace Tianxin.BuildingBlocks.Persistence;

/// <summary>
/// Versioned .sql scripts embedded in an assembly under a resource-name prefix ("messaging.", "registry."):
/// the prefix and file name are what the journal records, so a script keeps its name for ever.
/// </summary>
public sealed record MigrationScripts(Assembly Assembly, string Prefix)
{
    public static MigrationScripts Messaging { get; } = new(typeof(MigrationScripts).Assembly, "messaging.");
    public static MigrationScripts Audit { get; } = new(typeof(MigrationScripts).Assembly, "audit.");
    public static MigrationScripts Funding { get; } = new(typeof(MigrationScripts).Assembly, "funding.");
}
