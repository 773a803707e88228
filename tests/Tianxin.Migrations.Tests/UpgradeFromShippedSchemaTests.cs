using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Testing;

namespace Tianxin.Migrations.Tests;

/// <summary>
/// A database migrated and filled at commit a4c891f (the last before migrations became append-only) is brought to
/// today by the scripts the services run at start, without losing a row, and gains what was added since.
/// </summary>
public sealed class UpgradeFromShippedSchemaTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task The_registry_keeps_its_persons_and_certificates_and_gains_the_later_columns()
    {
        var connectionString = await ShippedAsync("registry", "messaging.", "audit.", "registry.");
        await using (var before = new NpgsqlConnection(connectionString))
        {
            await before.OpenAsync();
            // Flags as the registry derived and stored them at a4c891f (a certificate holder of 60 or more: 老残一体).
            await ExecuteAsync(before,
                """
                insert into persons (id, id_number_cipher, id_number_index, name, sex, birth_date, community_code, created_by, updated_by,
                                     household_flags)
                values ('00000000-0000-0000-0000-000000000001', '\x01', '\x0a', '张三丰', 'male', '1962-03-14', '430103001001', 't', 't',
                        '{elderly_disabled}'),
                       ('00000000-0000-0000-0000-000000000002', '\x02', '\x0b', '李四', 'female', '1990-07-01', '430103006001', 't', 't', '{}');
                insert into certificates (id, person_id, category, grade, issued_on, valid_until, created_by)
                values ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-000000000001', 4, 2, '2024-05-06', '2034-05-06', 't');
                insert into imports (id, file_name, file_sha256, content, area_code, created_by, created_role)
                values ('00000000-0000-0000-0000-0000000000f1', 'list.xlsx', 'abc', null, '430103', 't', 'district-admin');
                """);
        }

        await DatabaseMigrator.MigrateAsync(connectionString,
            [MigrationScripts.Messaging, MigrationScripts.Audit, Own(typeof(Tianxin.Registry.Features.Persons.PersonStore), "registry.")]);

        await using var after = new NpgsqlConnection(connectionString);
        await after.OpenAsync();
        Assert.Equal(["1962-03-14 张三丰 {elderly_disabled}", "1990-07-01 李四 {}"],
            await TextsAsync(after, "select birth_date::text || ' ' || name || ' ' || household_flags::text from persons order by id"));
        Assert.Equal(["4 2 valid"], await TextsAsync(after, "select category || ' ' || grade || ' ' || status from certificates"));
        Assert.Equal(["list.xlsx district-admin"], await TextsAsync(after, "select file_name || ' ' || created_role from imports"));
        Assert.Contains("registry.0003_household_on_person_and_import_heartbeat.sql", await JournalAsync(after));
    }

    [Fact]
    public async Task Rehabilitation_keeps_its_programmes_and_cases_and_moves_budgets_to_budget_lines()
    {
        var connectionString = await ShippedAsync("rehabilitation", "messaging.", "audit.", "eligibility.", "rehabilitation.");
        await using (var before = new NpgsqlConnection(connectionString))
        {
            await before.OpenAsync();
            await ExecuteAsync(before,
                """
                insert into programmes (id, code, year, name, amount_per_case, budget, committed, spent, institutions, updated_by)
                values ('00000000-0000-0000-0000-0000000000a1', 'child_aid', 2019, '贫困残疾儿童康复救助', 16661.04, 5131600.00, 33322.08, 16661.04,
                        '{rehab-institution-1}', 't');
                insert into applications (id, programme_id, person_id, community_code, registered_poor, status, amount, institution, submitted_by)
                values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001',
                        '430103001001', true, 'approved', 16661.04, 'rehab-institution-1', 't');
                insert into operations (id, application_id, performed_on, kind, recorded_by)
                values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', '2019-06-01', '复明手术', 'hospital-1');
                insert into eligibility_persons (person_id, birth_date, sex, community_code, status, household_flags, facts_version)
                values ('00000000-0000-0000-0000-000000000001', '2012-03-14', 'male', '430103001001', 'active', '{registered_poor}', 3);
                """);
        }

        await DatabaseMigrator.MigrateAsync(connectionString,
            [MigrationScripts.Messaging, MigrationScripts.Audit, EligibilityCopy.Migrations, MigrationScripts.Funding,
                Own(typeof(Tianxin.Rehabilitation.Features.Programmes.Programme), "rehabilitation.")]);

        await using var after = new NpgsqlConnection(connectionString);
        await after.OpenAsync();
        Assert.Equal(["child_aid 2019 5131600.00 33322.08 16661.04"], await TextsAsync(after,
            "select p.code || ' ' || p.year || ' ' || b.budget || ' ' || b.committed || ' ' || b.spent from programmes p join budget_lines b on b.id = p.id"));
        Assert.Equal(["approved 16661.04"], await TextsAsync(after, "select status || ' ' || amount from applications"));
        Assert.Equal(["复明手术"], await TextsAsync(after, "select kind from operations"));
        Assert.Equal(["3"], await TextsAsync(after, "select facts_version::text from eligibility_persons"));
        Assert.Empty(await TextsAsync(after,
            "select column_name from information_schema.columns where table_name = 'programmes' and column_name in ('budget', 'committed', 'spent')"));
    }

    [Fact]
    public async Task A_rehabilitation_database_created_today_has_the_same_columns_as_an_upgraded_one()
    {
        var upgraded = await ShippedAsync("upgraded", "messaging.", "audit.", "eligibility.", "rehabilitation.");
        var today = _postgres.ConnectionString($"today_{Guid.NewGuid():N}");
        MigrationScripts[] current =
        [
            MigrationScripts.Messaging, MigrationScripts.Audit, EligibilityCopy.Migrations, MigrationScripts.Funding,
            Own(typeof(Tianxin.Rehabilitation.Features.Programmes.Programme), "rehabilitation."),
        ];
        await DatabaseMigrator.MigrateAsync(upgraded, current);
        await DatabaseMigrator.MigrateAsync(today, current);

        Assert.Equal(await ColumnsAsync(today), await ColumnsAsync(upgraded));
    }

    [Fact]
    public async Task A_registry_database_created_today_has_the_same_columns_as_one_upgraded_from_the_edited_scripts()
    {
        var upgraded = await ShippedAsync("upgraded_registry", "messaging.", "audit.", "registry.");
        var today = _postgres.ConnectionString($"today_registry_{Guid.NewGuid():N}");
        MigrationScripts[] current =
            [MigrationScripts.Messaging, MigrationScripts.Audit, Own(typeof(Tianxin.Registry.Features.Persons.PersonStore), "registry.")];
        await DatabaseMigrator.MigrateAsync(upgraded, current);
        await DatabaseMigrator.MigrateAsync(today, current);

        Assert.Equal(await ColumnsAsync(today), await ColumnsAsync(upgraded));
    }

    /// <summary>A new database with the scripts of a4c891f applied, journaled under the names that commit gave them.</summary>
    private async Task<string> ShippedAsync(string name, params string[] prefixes)
    {
        var connectionString = await _postgres.CreateDatabaseAsync(name,
            [.. prefixes.Select(prefix => new MigrationScripts(typeof(UpgradeFromShippedSchemaTests).Assembly, "a4c891f/" + prefix))]);
        // The test embeds the old scripts under "a4c891f/"; a real database journaled them without it.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "update schema_versions set scriptname = replace(scriptname, 'a4c891f/', '')");
        return connectionString;
    }

    private static MigrationScripts Own(Type serviceType, string prefix) => new(serviceType.Assembly, prefix);

    private static async Task<List<string>> ColumnsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await TextsAsync(connection,
            """
            select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable from information_schema.columns
            where table_schema = 'public' and table_name <> 'schema_versions' order by table_name, column_name
            """);
    }

    private static Task<List<string>> JournalAsync(NpgsqlConnection connection) =>
        TextsAsync(connection, "select scriptname from schema_versions order by schemaversionsid");

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TextsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }
}
