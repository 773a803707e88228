using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Tests;

/// <summary>The integration events a test's steps wrote to the outbox, by contract name.</summary>
public static class OutboxMessages
{
    public static Task<long> CountAsync(NpgsqlDataSource dataSource, string contract) =>
        dataSource.Command("select count(*) from outbox_messages where message_type like $1", $"%.{contract},%").ScalarAsync<long>(default);
}
