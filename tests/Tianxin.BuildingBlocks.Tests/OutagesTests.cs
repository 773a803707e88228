using System.Net.Sockets;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class OutagesTests
{
    [Fact]
    public void A_dependency_away_is_an_outage_to_wait_out()
    {
        Assert.True(Outages.Is(new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(Outages.Is(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL",
            PostgresErrorCodes.AdminShutdown)));
        Assert.True(Outages.Is(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.True(Outages.Is(new TimeoutException()));
        Assert.True(Outages.Is(new InvalidOperationException("wrapped", new SocketException((int)SocketError.HostUnreachable))));
    }

    [Fact]
    public void A_wrong_message_or_a_bug_is_not_an_outage_and_fails_soon()
    {
        Assert.False(Outages.Is(new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(Outages.Is(new InvalidOperationException("The fragile consumer is switched to fail.")));
        Assert.False(Outages.Is(new FormatException()));
    }
}
