using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;

namespace Tianxin.Benchmarks;

/// <summary>
/// Loads the migrated grievance database with open cases over the district's 14 streets, due from 30 days ago
/// to 60 days ahead (about a third of them at risk or breached), as a busy year would leave them.
/// </summary>
public static class GrievanceLoad
{
    public static async Task RunAsync(string[] args)
    {
        var cases = int.Parse(args[0], CultureInfo.InvariantCulture);
        var connectionString = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetConnectionString("grievance-db")
            ?? throw new InvalidOperationException("ConnectionStrings__grievance-db is not set.");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var random = new Random(10_000);
        var clock = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                """
                copy grievance_cases (id, number, kind, channel, subject, community_code, area_code, narrative, received_on, stage, accepted_on, due_on, created_by)
                from stdin (format binary)
                """);
            for (var i = 0; i < cases; i++)
            {
                var community = $"430103{1 + i % 14:D3}{1 + i / 14 % 3:D3}";
                var due = today.AddDays(random.Next(-30, 61));
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync($"XFB-{i:D6}", NpgsqlDbType.Text);
                await copy.WriteAsync("petition", NpgsqlDbType.Text);
                await copy.WriteAsync("letter", NpgsqlDbType.Text);
                await copy.WriteAsync("benefits", NpgsqlDbType.Text);
                await copy.WriteAsync(community, NpgsqlDbType.Text);
                await copy.WriteAsync(i % 2 == 0 ? community[..9] : community, NpgsqlDbType.Text);
                await copy.WriteAsync("反映补贴发放问题", NpgsqlDbType.Text);
                await copy.WriteAsync(due.AddDays(-60), NpgsqlDbType.Date);
                await copy.WriteAsync("handling", NpgsqlDbType.Text);
                await copy.WriteAsync(due.AddDays(-60), NpgsqlDbType.Date);
                await copy.WriteAsync(due, NpgsqlDbType.Date);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = dataSource.CreateCommand("analyze grievance_cases"))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine(FormattableString.Invariant($"  loaded {cases:N0} open cases in {clock.Elapsed.TotalSeconds:0.0} s"));
    }
}
