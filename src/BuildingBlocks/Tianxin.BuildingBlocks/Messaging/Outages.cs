using System.Net.Sockets;
using Npgsql;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>Failures that say a dependency is away for now (and will be back), not that the message or the code is wrong.</summary>
public static class Outages
{
    public static bool Is(Exception exception) =>
        exception switch
        {
            // Npgsql counts refused connections, timeouts and server states such as "starting up" as transient; an
            // administrator's shutdown (57P01) or a crash of another backend (57P02) ends this try, not the database.
            NpgsqlException { IsTransient: true } => true,
            PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown } => true,
            SocketException or TimeoutException => true,
            _ => exception.InnerException is { } inner && Is(inner),
        };
}
