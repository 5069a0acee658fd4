using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Integration.Tests.Sqlite;

/// <summary>
/// The SQLite plans applied to a real file database after its build scripts: the connection PRAGMAs take the values
/// the design states, the maintenance jobs run with sqlite3 as design.md tells a DBA to, and the backup script's copy
/// (and the VACUUM INTO alternative it documents) opens with integrity_check = ok and holds the rows.
/// </summary>
public sealed partial class SqlitePlansTests
{
    [Theory]
    [MemberData(nameof(ExampleSpecs.All), MemberType = typeof(ExampleSpecs))]
    public void Connection_pragmas_take_the_values_the_design_states(string spec)
    {
        using var applied = new SqliteAppliedDesign(spec);
        var script = File.ReadAllText(applied.File("config/connection_pragmas.sql"));
        applied.Execute(script);
        var pragmas = Pragma().Matches(script).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)).ToList();
        Assert.NotEmpty(pragmas);
        foreach (var (name, value) in pragmas)
        {
            var actual = Convert.ToString(applied.Scalar($"PRAGMA {name}"), CultureInfo.InvariantCulture);
            if (name == "mmap_size")
            {
                // The library caps mmap at its compile-time SQLITE_MAX_MMAP_SIZE: mapped, never more than asked.
                var mapped = long.Parse(actual!, CultureInfo.InvariantCulture);
                Assert.InRange(mapped, 1, long.Parse(value, CultureInfo.InvariantCulture));
                continue;
            }

            Assert.True(string.Equals(Expected(name, value), actual, StringComparison.OrdinalIgnoreCase), $"PRAGMA {name}: set {value}, reads {actual}");
        }
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs.All), MemberType = typeof(ExampleSpecs))]
    public void Maintenance_jobs_run_with_sqlite3_and_the_checks_report_ok(string spec)
    {
        using var applied = new SqliteAppliedDesign(spec);
        InsertOneRowPerTable(applied);
        applied.Connection.Close();

        var jobs = applied.File("maintenance/jobs.sql");
        var result = Sqlite3(applied.DatabaseFile, File.ReadAllText(jobs));
        Assert.True(result.ExitCode == 0, $"sqlite3 < maintenance/jobs.sql: {result}");
        Assert.DoesNotContain("Error", result.Stderr, StringComparison.OrdinalIgnoreCase);

        // quick_check and integrity_check each print "ok"; foreign_key_check prints nothing when every key resolves.
        var checks = Regex.Count(File.ReadAllText(jobs), @"PRAGMA (quick_check|integrity_check)\b");
        Assert.True(checks > 0, "the maintenance jobs include a structural check");
        Assert.Equal(checks, result.Stdout.Split('\n').Count(l => l.Trim() == "ok"));
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs.All), MemberType = typeof(ExampleSpecs))]
    public void Backup_script_and_vacuum_into_copies_open_with_integrity_ok(string spec)
    {
        using var applied = new SqliteAppliedDesign(spec);
        var rows = InsertOneRowPerTable(applied);
        applied.Connection.Close();
        var backups = Path.Combine(Path.GetDirectoryName(applied.DatabaseFile)!, "backups");

        var script = applied.File("backup/backup.sh");
        var run = BashScript.Run(script, new Dictionary<string, string>(), applied.DatabaseFile, backups);
        Assert.True(run.ExitCode == 0, $"backup.sh: {run}");
        var compressed = Assert.Single(Directory.GetFiles(backups, "*.db.zst"));
        var restored = Path.Combine(backups, "restored.db");
        var unzip = Process.Start(new ProcessStartInfo("zstd", new[] { "-q", "-d", compressed, "-o", restored }) { UseShellExecute = false })!;
        unzip.WaitForExit();
        Assert.Equal(0, unzip.ExitCode);
        AssertCopyHolds(restored, rows);

        // The compacting alternative, as the script documents it (its commented line, with the same variables).
        var alternative = File.ReadAllLines(script).Select(l => l.TrimStart('#', ' ')).Single(l => l.StartsWith("sqlite3 ", StringComparison.Ordinal) && l.Contains("VACUUM INTO", StringComparison.Ordinal));
        var copy = Path.Combine(backups, "vacuum-into.db");
        var vacuum = BashScript.Run("-c", new Dictionary<string, string>(), $"db=\"$0\"; copy=\"$1\"; {alternative}", applied.DatabaseFile, copy);
        Assert.True(vacuum.ExitCode == 0, $"{alternative}: {vacuum}");
        AssertCopyHolds(copy, rows);
    }

    private static void AssertCopyHolds(string file, IReadOnlyDictionary<string, long> rows)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        foreach (var (table, count) in rows)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            Assert.Equal(count, (long)command.ExecuteScalar()!);
        }
    }

    /// <summary>A row in every table (with the parents its keys need); the quoted table name → its row count.</summary>
    private static Dictionary<string, long> InsertOneRowPerTable(SqliteAppliedDesign applied)
    {
        foreach (var table in applied.Design.Physical.Tables)
        {
            applied.Insert(table);
        }

        return applied.Design.Physical.Tables.ToDictionary(t => applied.Q(t.Name), t => (long)applied.Scalar($"SELECT count(*) FROM {applied.Q(t.Name)}")!, StringComparer.Ordinal);
    }

    private static BashScript.Result Sqlite3(string database, string input)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(database);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return new BashScript.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>What PRAGMA name reads back after PRAGMA name = value (keywords read back as their numbers).</summary>
    private static string Expected(string name, string value) => (name, value.ToUpperInvariant()) switch
    {
        ("journal_mode", var mode) => mode.ToLowerInvariant(),
        (_, "ON" or "TRUE") => "1",
        (_, "OFF" or "FALSE") => "0",
        ("synchronous", "NORMAL") => "1",
        ("synchronous", "FULL") => "2",
        ("synchronous", "EXTRA") => "3",
        ("temp_store", "FILE") => "1",
        ("temp_store", "MEMORY") => "2",
        _ => value,
    };

    [GeneratedRegex(@"^PRAGMA (?<name>\w+) = (?<value>[^;]+);$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Pragma();
}
