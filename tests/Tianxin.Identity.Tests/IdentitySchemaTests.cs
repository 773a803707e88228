using Microsoft.EntityFrameworkCore;
using Tianxin.Identity.Data;

namespace Tianxin.Identity.Tests;

/// <summary>
/// The identity database is created by the migrator from versioned SQL, like every other database.
/// The scripts must add up to what the EF model expects: change the model, add a script.
/// </summary>
public sealed class IdentitySchemaTests
{
    [Fact]
    public void The_versioned_scripts_create_the_schema_the_model_expects()
    {
        var options = new DbContextOptionsBuilder<IdentityDb>().UseNpgsql("Host=unused").Options;
        using var db = new IdentityDb(options);
        var expected = Normalise(db.Database.GenerateCreateScript());

        var scripts = typeof(IdentityDb).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("identity.", StringComparison.Ordinal)).Order()
            .Select(name =>
            {
                using var reader = new StreamReader(typeof(IdentityDb).Assembly.GetManifestResourceStream(name)!);
                return reader.ReadToEnd();
            });

        Assert.Equal(expected, Normalise(string.Concat(scripts)));
    }

    private static string Normalise(string sql) =>
        string.Join('\n', sql.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
}
