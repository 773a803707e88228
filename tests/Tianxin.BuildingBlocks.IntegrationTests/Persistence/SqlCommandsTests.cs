using Npgsql;
using Tianxin.BuildingBlocks.IntegrationTests.Messaging;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.IntegrationTests.Persistence;

[Collection(MessagingCollection.Name)]
public sealed class SqlCommandsTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_null_scalar_read_as_a_nullable_is_null_and_a_value_is_itself()
    {
        await using var dataSource = NpgsqlDataSource.Create(await fixture.Postgres.CreateDatabaseAsync("scalars"));

        var none = await dataSource.Command("select null::boolean").ScalarAsync<bool?>(CancellationToken.None);
        var some = await dataSource.Command("select $1::boolean", true).ScalarAsync<bool?>(CancellationToken.None);

        Assert.Null(none);
        Assert.True(some);
    }

    [Fact]
    public async Task A_null_scalar_read_as_a_value_type_is_refused_rather_than_read_as_zero()
    {
        await using var dataSource = NpgsqlDataSource.Create(await fixture.Postgres.CreateDatabaseAsync("scalars"));

        await Assert.ThrowsAsync<InvalidCastException>(() => dataSource.Command("select null::bigint").ScalarAsync<long>(CancellationToken.None));
    }
}
