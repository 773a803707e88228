using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Seekers;

namespace Tianxin.Benchmarks;

/// <summary>
/// Loads the migrated employment database as a district of a million certificate holders would leave it: the
/// eligibility copy (three persons a household), a third of them employed, the given number of job seekers of
/// working age without a job, one employer, a posting for physical grades 3–4 and one whose suited seekers score no
/// more than others could; then times the zero-employment household list (the service's own query, first page with the total) and
/// writes the postings' ids for wrk, a line each.
/// </summary>
public static class EmploymentLoad
{
    private static readonly string[] Skills = ["电脑操作", "包装", "手工编织", "按摩推拿", "电商客服", "烹饪"];

    public static async Task RunAsync(string[] args)
    {
        var persons = int.Parse(args[0], CultureInfo.InvariantCulture);
        var seekers = int.Parse(args[1], CultureInfo.InvariantCulture);
        var postingFile = args[2];
        var connectionString = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetConnectionString("employment-db")
            ?? throw new InvalidOperationException("ConnectionStrings__employment-db is not set.");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var communities = Enumerable.Range(1, 14).SelectMany(street => Enumerable.Range(1, 3).Select(c => $"430103{street:D3}{c:D3}")).ToArray();
        var random = new Random(50_000);
        var clock = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                """
                copy eligibility_persons (person_id, birth_date, sex, community_code, status, category, grade, household_flags, facts_version, household_id)
                from stdin (format binary)
                """);
            var household = Guid.Empty;
            for (var i = 0; i < persons; i++)
            {
                household = i % 3 == 0 ? Guid.CreateVersion7() : household;
                // Seekers come first and are of working age; the rest are born 1940–2015.
                var born = i < seekers ? new DateOnly(1975, 1, 1).AddDays(random.Next(0, 9_000)) : new DateOnly(1940, 1, 1).AddDays(random.Next(0, 27_000));
                await copy.StartRowAsync();
                await copy.WriteAsync(PersonId(i), NpgsqlDbType.Uuid);
                await copy.WriteAsync(born, NpgsqlDbType.Date);
                await copy.WriteAsync(i % 2 == 0 ? "male" : "female", NpgsqlDbType.Text);
                await copy.WriteAsync(communities[(i / 3) % communities.Length], NpgsqlDbType.Text);
                await copy.WriteAsync("active", NpgsqlDbType.Text);
                await copy.WriteAsync((short)(1 + random.Next(0, 7)), NpgsqlDbType.Smallint);
                await copy.WriteAsync((short)(1 + random.Next(0, 4)), NpgsqlDbType.Smallint);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(household, NpgsqlDbType.Uuid);
            }
            await copy.CompleteAsync();
        }
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                """
                copy seekers (person_id, community_code, education, skills, desired_work, working_ability, preferred_streets, registered_on, registered_by)
                from stdin (format binary)
                """);
            for (var i = 0; i < seekers; i++)
            {
                var community = communities[(i / 3) % communities.Length];
                await copy.StartRowAsync();
                await copy.WriteAsync(PersonId(i), NpgsqlDbType.Uuid);
                await copy.WriteAsync(community, NpgsqlDbType.Text);
                await copy.WriteAsync("senior", NpgsqlDbType.Text);
                await copy.WriteAsync(new[] { Skills[i % Skills.Length], Skills[(i / 6) % Skills.Length] }.Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("普工", NpgsqlDbType.Text);
                await copy.WriteAsync(i % 3 == 2 ? "partial" : "full", NpgsqlDbType.Text);
                await copy.WriteAsync(new[] { community[..9] }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(new DateOnly(2026, 1, 1), NpgsqlDbType.Date);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "copy employment_records (id, person_id, community_code, kind, started_on, source, recorded_by) from stdin (format binary)");
            for (var i = seekers; i < persons; i++)
            {
                if (i % 3 != 0)
                {
                    continue; // one member of each household beyond the seekers works
                }
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(PersonId(i), NpgsqlDbType.Uuid);
                await copy.WriteAsync(communities[(i / 3) % communities.Length], NpgsqlDbType.Text);
                await copy.WriteAsync("flexible", NpgsqlDbType.Text);
                await copy.WriteAsync(new DateOnly(2025, 3, 1), NpgsqlDbType.Date);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await dataSource.Command("analyze").ExecuteAsync(CancellationToken.None);
        Console.WriteLine($"  loaded {persons} holders, {seekers} seekers, {(persons - seekers + 2) / 3} employed in {clock.Elapsed.TotalSeconds:F0} s");

        var first17 = "91430103BENCH0001";
        var employer = Guid.CreateVersion7();
        var posting = Guid.CreateVersion7();
        var unmatched = Guid.CreateVersion7();
        await dataSource.Command(
            "insert into employers (id, credit_code, name, community_code, accessible, registered_by) values ($1, $2, '基准测试单位', '430103001001', true, 'bench')",
            employer, first17 + CreditCode.CheckCharacter(first17)).ExecuteAsync(CancellationToken.None);
        // The second posting asks a skill nobody has: none of the seekers it suits scores more than an unsuited one of
        // its community could, so matching reads those too; its list of 200 reaches every seeker (the slowest path).
        await dataSource.Command(
            """
            insert into postings (id, employer_id, title, community_code, categories, min_grade, max_grade, accessible, hours, skills, openings, created_by)
            values ($1, $3, '包装工', '430103001001', '{4}', 3, 4, true, 'full_time', '{包装}', 10, 'bench'),
                   ($2, $3, '盲文速录员', '430103001001', '{1}', 1, 1, false, 'full_time', '{盲文速录}', 1, 'bench')
            """, posting, unmatched, employer).ExecuteAsync(CancellationToken.None);
        await File.WriteAllLinesAsync(postingFile, [posting.ToString(), unmatched.ToString()]);

        var households = new ZeroEmploymentHouseholds(dataSource, TimeProvider.System);
        var timings = new List<double>();
        ZeroEmploymentPage page = null!;
        for (var round = 0; round < 5; round++)
        {
            var lap = Stopwatch.StartNew();
            page = await households.HandleAsync(AreaScope.District, 0, 200, CancellationToken.None);
            timings.Add(lap.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        Console.WriteLine($"  zero-employment households over {persons} holders: {page.Total} households; first page of 200 with the total " +
            $"median {timings[2]:F0} ms (min {timings[0]:F0}, max {timings[4]:F0}, 5 rounds)");
    }

    private static Guid PersonId(int i) => new(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
