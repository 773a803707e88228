using System.Diagnostics;

namespace Tianxin.Migrations.Tests;

/// <summary>infra/check-migrations.sh, run against a throwaway git repository of its own.</summary>
public sealed class MigrationCheckTests : IDisposable
{
    private const string Script = "src/Demo/Migrations/0001_first.sql";
    private readonly string _repo = Directory.CreateTempSubdirectory("migration-check-").FullName;

    public MigrationCheckTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "infra"));
        File.Copy(Path.Combine(RepoRoot(), "infra", "check-migrations.sh"), Path.Combine(_repo, "infra", "check-migrations.sh"));
        Git("init", "-q");
        Git("config", "user.email", "ci@example.invalid");
        Git("config", "user.name", "ci");
        Write(Script, "create table first (id int);\n");
        Assert.Equal(0, Check("--lock").ExitCode);
        Commit("first script");
    }

    [Fact]
    public void An_unchanged_tree_passes() => Assert.Equal(0, Check().ExitCode);

    [Fact]
    public void An_edited_shipped_script_fails_the_check_naming_it()
    {
        Write(Script, "create table first (id int, added text);\n");

        var (exitCode, errors) = Check();

        Assert.Equal(1, exitCode);
        Assert.Contains($"{Script} changed", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_shipped_script_fails_the_check()
    {
        File.Delete(Path.Combine(_repo, Script));

        var (exitCode, errors) = Check();

        Assert.Equal(1, exitCode);
        Assert.Contains($"{Script} is locked but missing", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_script_must_be_locked_and_then_passes()
    {
        Write("src/Demo/Migrations/0002_second.sql", "create table second (id int);\n");

        var unlocked = Check();
        Assert.Equal(0, Check("--lock").ExitCode);
        var locked = Check();

        Assert.Equal(1, unlocked.ExitCode);
        Assert.Contains("0002_second.sql is not in migrations.lock", unlocked.Errors, StringComparison.Ordinal);
        Assert.Equal(0, locked.ExitCode);
    }

    [Fact]
    public void Editing_a_script_together_with_its_lock_line_is_caught_against_the_previous_commit()
    {
        Write(Script, "create table first (id int, sneaked text);\n");
        File.WriteAllLines(Path.Combine(_repo, "migrations.lock"), File.ReadAllLines(Path.Combine(_repo, "migrations.lock"))
            .Where(line => !line.EndsWith(Script, StringComparison.Ordinal)));
        Assert.Equal(0, Check("--lock").ExitCode);
        Commit("edit a shipped script and its lock");

        var (exitCode, errors) = Check();

        Assert.Equal(1, exitCode);
        Assert.Contains($"{Script} was locked in HEAD~1", errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_repo, path))!);
        File.WriteAllText(Path.Combine(_repo, path), content);
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    private (int ExitCode, string Errors) Check(params string[] arguments) => Run("bash", ["infra/check-migrations.sh", .. arguments]);

    private void Git(params string[] arguments) => Assert.Equal(0, Run("git", arguments).ExitCode);

    private (int ExitCode, string Errors) Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _repo, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Tianxin.Platform.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Tianxin.Platform.sln not found above the test's folder.");
        }
        return directory.FullName;
    }
}
