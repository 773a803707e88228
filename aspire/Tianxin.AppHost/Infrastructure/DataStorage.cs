namespace Tianxin.AppHost.Infrastructure;

/// <summary>
/// Where PostgreSQL and RabbitMQ keep their data. Persistent by default, so a restart loses nothing;
/// "--Tianxin:Data=ephemeral" runs on throwaway data that is removed on exit (tests use it).
/// </summary>
public sealed record DataStorage(bool Persistent, string Root)
{
    public static DataStorage From(IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration["Tianxin:Data"] ?? "persistent";
        var persistent = mode.ToLowerInvariant() switch
        {
            "persistent" => true,
            "ephemeral" => false,
            _ => throw new InvalidOperationException($"Tianxin:Data='{mode}': use persistent or ephemeral."),
        };
        return new DataStorage(persistent, builder.Configuration["Tianxin:DataDirectory"] ?? DefaultRoot());
    }

    public string PathOf(string server) => Path.Combine(Root, server);

    // PostgreSQL refuses to run as root and then runs as the "postgres" user, which cannot enter /root.
    private static string DefaultRoot() =>
        Environment.UserName == "root"
            ? "/var/lib/tianxin"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".tianxin");
}
