using System.Diagnostics;

namespace Tianxin.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Aspire containers: where a container runtime answers, and always when publishing.</summary>
    Containers,
    /// <summary>The Debian packages' binaries run as Aspire executables (no container runtime here).</summary>
    Executables,
    /// <summary>Servers someone else runs: ConnectionStrings:postgres and ConnectionStrings:rabbitmq.</summary>
    External,
}

public static class InfrastructureModeSelector
{
    public const string SettingName = "Infrastructure";

    /// <summary>"--Infrastructure=containers|executables|external" wins; "auto" (the default) probes for a container runtime.</summary>
    public static InfrastructureMode Select(IDistributedApplicationBuilder builder)
    {
        var setting = builder.Configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(setting) && !setting.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Enum.TryParse<InfrastructureMode>(setting, ignoreCase: true, out var chosen)
                ? chosen
                : throw new InvalidOperationException($"{SettingName}='{setting}': use auto, containers, executables or external.");
        }
        return builder.ExecutionContext.IsPublishMode || ContainerRuntimeAnswers()
            ? InfrastructureMode.Containers
            : InfrastructureMode.Executables;
    }

    // Without a runtime, Aspire's containers wait forever in RuntimeUnhealthy and nothing starts: ask first.
    private static bool ContainerRuntimeAnswers() =>
        new[] { "docker", "podman" }.Any(runtime => Answers(runtime, "info --format {{.ServerVersion}}"));

    private static bool Answers(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
