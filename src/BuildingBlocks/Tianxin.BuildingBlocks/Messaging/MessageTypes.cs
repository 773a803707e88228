namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>
/// How an outbox row names the CLR type of its message: full name and assembly, without version, so a
/// row written before a deployment is still readable after it.
/// </summary>
internal static class MessageTypes
{
    public static string NameOf(Type type) =>
        $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Type.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{name}' cannot be loaded by this service.");
}
