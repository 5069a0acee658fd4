using System.Diagnostics;
using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Injection;
using DbArchitect.Integration.Tests.MariaDb;
using FsCheck;
using FsCheck.Fluent;
using MySqlConnector;
using Xunit.Abstractions;

namespace DbArchitect.Integration.Tests.Injection;

/// <summary>
/// Issue 13, with the real tools: generated hostile specs (the generator of the Core property test, linked) designed
/// for PostgreSQL, MariaDB and SQLite, exported, and their build scripts run by psql (scratch database), the mariadb
/// client (scratch database) and the sqlite3 CLI (temporary file). The catalogs then hold exactly the design's tables,
/// no object or file is named after a payload, every shell script passes sh -n (bash -n for bash scripts), and SQLite's
/// backup.sh, run in a sandbox folder, creates only its backup. Bounded to <see cref="Specs"/> generated specs a run;
/// the thousand-spec run without servers is HostileSpecProperties in the Core tests.
/// </summary>
public sealed class HostileSpecsAppliedTests
{
    private const int Specs = 20;

    private readonly ITestOutputHelper _output;
    private int _valid;
    private int _scripts;
    private int _toolRuns;
    private int _refused;
    private int _applied;

    public HostileSpecsAppliedTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Hostile_specs_build_exactly_the_design_with_psql_mariadb_and_sqlite3()
    {
        var generated = 0;
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(HostileSpecs.Spec().ToArbitrary(), yaml =>
        {
            generated++;
            var read = RequirementsReader.Read(yaml, "hostile.yaml");
            if (!read.IsValid)
            {
                return;
            }

            _valid++;
            using var sandbox = new Sandbox();
            PostgreSql(read.Requirement!, sandbox);
            MariaDb(read.Requirement!, sandbox);
            Sqlite(read.Requirement!, sandbox);
            var files = sandbox.Files().Where(f => Path.GetFileName(f).StartsWith(HostileSpecs.Marker, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(files.Count == 0, "files a payload created: " + string.Join(", ", files));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Specs), property);
        _output.WriteLine($"{generated} specs generated, {_valid} valid, {_applied} designs applied ({_refused} refused by an engine's limits), {_scripts} scripts run, {_toolRuns} tool runs (psql, mariadb, sqlite3, sh -n, backup.sh) in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(Specs, generated);
        Assert.True(_valid * 2 >= generated, $"only {_valid} of {generated} specs were valid");
    }

    private void PostgreSql(DbRequirement requirement, Sandbox sandbox)
    {
        if (Export(requirement, "postgresql", sandbox) is not ({ } design, { } folder, { } build))
        {
            return;
        }

        using var database = PostgresServer.CreateScratch("hostile");
        PostgresServer.ApplyWithPsql(database.Name, build);
        _scripts += build.Count;
        _toolRuns += build.Count;
        using var connection = database.Open();
        var objects = Names(connection.CreateCommand(), $"""
            SELECT c.relkind::text, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
            UNION ALL SELECT 'function', p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
            UNION ALL SELECT 'trigger', t.tgname FROM pg_trigger t WHERE NOT t.tgisinternal
            UNION ALL SELECT 'schema', nspname FROM pg_namespace
            """);
        AssertExactlyTheDesign(design, objects.Where(o => o.Kind is "r" or "p").Select(o => o.Name), objects, "postgresql");
        ShellScripts(folder, "postgresql");
    }

    private void MariaDb(DbRequirement requirement, Sandbox sandbox)
    {
        if (Export(requirement, "mariadb", sandbox) is not ({ } design, { } folder, { } build))
        {
            return;
        }

        using var scratch = MariaDbServer.CreateScratch("hostile");
        MariaDbServer.ApplyWithClient(scratch.Name, build);
        _scripts += build.Count;
        _toolRuns += build.Count;
        using var connection = MariaDbServer.Open(scratch.Name);
        using var command = new MySqlCommand("""
            SELECT table_type, table_name FROM information_schema.tables WHERE table_schema = DATABASE()
            UNION ALL SELECT 'routine', routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()
            UNION ALL SELECT 'trigger', trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()
            UNION ALL SELECT 'database', schema_name FROM information_schema.schemata
            """, connection);
        var objects = Names(command, null);
        AssertExactlyTheDesign(design, objects.Where(o => o.Kind == "BASE TABLE").Select(o => o.Name), objects, "mariadb");
        ShellScripts(folder, "mariadb");
    }

    private void Sqlite(DbRequirement requirement, Sandbox sandbox)
    {
        if (Export(requirement, "sqlite", sandbox) is not ({ } design, { } folder, { } build))
        {
            return;
        }

        var work = sandbox.Folder("sqlite-run");
        var database = Path.Combine(work, "app.db");
        foreach (var script in build)
        {
            var run = Tool.Run("sqlite3", work, File.ReadAllText(script), "-bail", database);
            Assert.True(run.Code == 0, $"sqlite3 < {Path.GetFileName(script)}: {run.Error}");
            _scripts++;
            _toolRuns++;
        }

        var listed = Tool.Run("sqlite3", work, null, "-separator", "\t", database, "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
        _toolRuns++;
        var objects = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(p => (Kind: p[0], Name: p[1])).ToList();
        AssertExactlyTheDesign(design, objects.Where(o => o.Kind == "table" && !IsFullTextShadow(o.Name, objects)).Select(o => o.Name), objects, "sqlite");
        Assert.Equal(new[] { "app.db" }, Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).ToArray());
        ShellScripts(folder, "sqlite");

        // The backup script run for real in its own folder: one copy in the backup folder, nothing else anywhere.
        var backup = Tool.Run("sh", work, null, Path.Combine(folder, "backup", "backup.sh"), "app.db", "out");
        _toolRuns++;
        Assert.True(backup.Code == 0, backup.Error);
        var created = Directory.EnumerateFileSystemEntries(work, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(work, p)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, created.Count);
        Assert.Equal(new[] { "app.db", "out" }, created.Take(2));
        Assert.Matches(@"^out/[a-z0-9_]+-\d{8}T\d{6}Z\.db\.zst$", created[2]);
    }

    /// <summary>An FTS5 table's shadow tables (name_data, name_idx, …) belong to the virtual table the design created.</summary>
    private static bool IsFullTextShadow(string name, IEnumerable<(string Kind, string Name)> objects) =>
        objects.Any(o => o.Kind == "table" && name.Length > o.Name.Length && name.StartsWith(o.Name + "_", StringComparison.Ordinal)
            && name[(o.Name.Length + 1)..] is "data" or "idx" or "content" or "docsize" or "config");

    /// <summary>The design exported to the sandbox and its build scripts in order; null when the engine refuses the spec with located errors.</summary>
    private (DbDesign Design, string Folder, List<string> Build)? Export(DbRequirement requirement, string engine, Sandbox sandbox)
    {
        DbDesign design;
        try
        {
            design = DesignEngine.Create(requirement, engine);
        }
        catch (DbArchitect.Core.Errors.DbArchitectException ex)
        {
            Assert.All(ex.Errors, e => Assert.True(e.Location is { Line: >= 1 } && !string.IsNullOrWhiteSpace(e.Fix), e.ToString()));
            _refused++;
            return null;
        }

        var folder = sandbox.Folder(engine);
        Directory.Delete(folder);
        var result = DesignExporter.Export(design, folder, force: false);
        var build = result.Files
            .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .Select(f => Path.Combine(folder, f.RelativePath))
            .ToList();
        Assert.NotEmpty(build);
        _applied++;
        return (design, folder, build);
    }

    /// <summary>
    /// Tables in the catalog are the design's tables, and no object is one a payload would create (PWNED8, …). Names the
    /// design derives from hostile text (the schema from application.name, procedures from access pattern names) keep
    /// only letters, digits and underscores, so they may spell "pwned" and are still the design's own.
    /// </summary>
    private static void AssertExactlyTheDesign(DbDesign design, IEnumerable<string> tables, IReadOnlyList<(string Kind, string Name)> objects, string engine)
    {
        var expected = design.Physical.Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, tables.Where(t => !t.StartsWith("pg_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());
        var injected = objects.Where(o => System.Text.RegularExpressions.Regex.IsMatch(o.Name, "^" + HostileSpecs.Marker + "[0-9]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)).ToList();
        Assert.True(injected.Count == 0, $"{engine}: objects the design did not intend: {string.Join(", ", injected)}");
    }

    private void ShellScripts(string folder, string engine)
    {
        foreach (var script in Directory.EnumerateFiles(folder, "*.sh", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(script);
            var shell = text.StartsWith("#!/usr/bin/env bash", StringComparison.Ordinal) || text.StartsWith("#!/bin/bash", StringComparison.Ordinal) ? "bash" : "sh";
            var check = Tool.Run(shell, folder, null, "-n", script);
            _toolRuns++;
            Assert.True(check.Code == 0, $"{engine} {Path.GetRelativePath(folder, script)}: {shell} -n: {check.Error}");
        }
    }

    private static List<(string Kind, string Name)> Names(System.Data.Common.DbCommand command, string? sql)
    {
        using (command)
        {
            if (sql is not null)
            {
                command.CommandText = sql;
            }

            using var reader = command.ExecuteReader();
            var names = new List<(string, string)>();
            while (reader.Read())
            {
                names.Add((reader.GetString(0), reader.GetString(1)));
            }

            return names;
        }
    }

    /// <summary>A temporary folder for one spec's exports and runs, removed afterwards.</summary>
    private sealed class Sandbox : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "dbarch-hostile-" + Guid.NewGuid().ToString("N"));

        public string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

        public IEnumerable<string> Files() => Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories);

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    private static class Tool
    {
        public sealed record Result(int Code, string Output, string Error);

        public static Result Run(string file, string workingDirectory, string? input, params string[] arguments)
        {
            var start = new ProcessStartInfo(file)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Write(input ?? string.Empty);
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran for more than 60 s");
            }

            return new Result(process.ExitCode, output, error.Result);
        }
    }
}
