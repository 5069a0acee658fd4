using System.Diagnostics;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.SqlServer;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit.Abstractions;

namespace DbArchitect.Core.Tests.Injection;

/// <summary>
/// Issue 13's property: 1,000 generated hostile requirements files per run (<see cref="HostileSpecs"/>), each read and,
/// when valid, designed for PostgreSQL, MariaDB, SQLite and SQL Server, with every SQL script generated. No spec may
/// crash the reader or designer (a located DbArchitectError is the only acceptable refusal); no SQL comment line
/// carries a control or bidi character; no payload appears in the text a server reads as code (outside comments and
/// string literals; for SQL Server by ScriptDom's own tokens); every SQL Server script parses in TSql160Parser with
/// zero errors; and the SQLite build scripts, run in an in-memory database, create exactly the design's tables.
/// The servers' own clients are run on a bounded sample in the integration tests (HostileSpecsAppliedTests).
/// </summary>
public sealed class HostileSpecProperties
{
    private static readonly string[] Engines = { "postgresql", "mariadb", "sqlite", "sqlserver" };

    private const int Specs = 1000;

    private readonly ITestOutputHelper _output;
    private int _specs;
    private int _valid;
    private int _designs;
    private int _scripts;
    private readonly TSql160Parser _parser = new(initialQuotedIdentifiers: true);
    private readonly Stopwatch _designing = new();
    private readonly Stopwatch _parsing = new();
    private readonly Stopwatch _applying = new();

    public HostileSpecProperties(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_thousand_hostile_specs_design_without_crash_and_without_live_payload()
    {
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(HostileSpecs.Spec().ToArbitrary(), yaml =>
        {
            _specs++;
            var started = clock.Elapsed;
            var read = RequirementsReader.Read(yaml, "hostile.yaml");
            Assert.True(read.IsValid || read.Errors.All(e => e.Location is { Line: >= 1 } && !string.IsNullOrWhiteSpace(e.Fix)), string.Join("\n", read.Errors));
            if (read.IsValid)
            {
                _valid++;
                foreach (var engine in Engines)
                {
                    DesignAndCheck(read.Requirement!, engine);
                }
            }

            // Bounded time: a small spec designed four times takes milliseconds; ten seconds means something ran away.
            Assert.True(clock.Elapsed - started < TimeSpan.FromSeconds(10), $"took {clock.Elapsed - started}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Specs), property);
        _output.WriteLine($"{_specs} specs generated, {_valid} valid, {_designs} designs, {_scripts} SQL scripts checked in {clock.Elapsed.TotalSeconds:F1} s "
            + $"(designing and generating {_designing.Elapsed.TotalSeconds:F1} s, T-SQL parsing {_parsing.Elapsed.TotalSeconds:F1} s, SQLite builds {_applying.Elapsed.TotalSeconds:F1} s)");
        Assert.Equal(Specs, _specs);
        Assert.True(_valid * 2 >= _specs, $"only {_valid} of {_specs} generated specs were valid: the generator tests too little");
    }

    private void DesignAndCheck(DbRequirement requirement, string engineId)
    {
        DbDesign design;
        _designing.Start();
        try
        {
            design = DesignEngine.Create(requirement, engineId);
        }
        catch (DbArchitectException ex)
        {
            Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix)));
            return;
        }
        finally
        {
            _designing.Stop();
        }

        _designs++;
        _designing.Start();
        var scripts = EngineRegistry.Get(engineId).Scripts.Generate(design);
        _designing.Stop();
        _scripts += scripts.Count;
        foreach (var script in scripts)
        {
            var where = $"{engineId} {script.RelativePath}";
            var bad = script.Text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) && l.Any(HostileSpec.IsUnsafe));
            Assert.True(bad is null, $"{where}: comment line with a control character: {bad}");
            if (!script.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
            {
                // Configuration files (pg_hba.conf, my.cnf …): a payload may sit only on a # comment line.
                var live = script.Text.Split('\n').FirstOrDefault(l => l.Contains(HostileSpecs.Marker, StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'));
                Assert.True(live is null, $"{where}: payload outside a comment: {live}");
            }
            else if (engineId == "sqlserver")
            {
                _parsing.Start();
                AssertParsesWithInertPayload(script, where);
                _parsing.Stop();
            }
            else
            {
                var dialect = engineId switch { "postgresql" => SqlLiveText.Dialect.PostgreSql, "sqlite" => SqlLiveText.Dialect.Sqlite, _ => SqlLiveText.Dialect.MySql };
                var live = SqlLiveText.Of(script.Text, dialect);
                var at = live.IndexOf(HostileSpecs.Marker, StringComparison.Ordinal);
                Assert.True(at < 0, $"{where}: payload outside comments and literals: …{live[Math.Max(0, at - 80)..Math.Min(live.Length, at + 40)]}…");
            }
        }

        if (engineId == "sqlite")
        {
            _applying.Start();
            AssertSqliteBuildsExactlyTheDesign(design, scripts);
            _applying.Stop();
        }
    }

    /// <summary>Every batch parses in TSql160Parser with zero errors, and the payload sits only in comment and string tokens.</summary>
    private void AssertParsesWithInertPayload(SqlScript script, string where)
    {
        foreach (var batch in TSqlProof.Batches(script.Text))
        {
            using var reader = new StringReader(batch);
            var fragment = _parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, $"{where}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
            var live = fragment.ScriptTokenStream.FirstOrDefault(t => t.Text is { } text && text.Contains(HostileSpecs.Marker, StringComparison.Ordinal)
                && t.TokenType is not (TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment or TSqlTokenType.AsciiStringLiteral or TSqlTokenType.UnicodeStringLiteral));
            Assert.True(live is null, $"{where}: payload in a {live?.TokenType} token: {live?.Text}");
        }
    }

    private static void AssertSqliteBuildsExactlyTheDesign(DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var script in scripts.Where(s => s.IsBuildStep).OrderBy(s => s.Order))
        {
            using var command = connection.CreateCommand();
            command.CommandText = script.Text;
            command.ExecuteNonQuery();
        }

        using var query = connection.CreateCommand();
        query.CommandText = "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'";
        var objects = new List<(string Type, string Name)>();
        using (var rows = query.ExecuteReader())
        {
            while (rows.Read())
            {
                objects.Add((rows.GetString(0), rows.GetString(1)));
            }
        }

        var tables = design.Physical.Tables.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Subset(objects.Where(o => o.Type == "table").Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), tables);
        // Every other object (index, trigger, full-text shadow table) belongs to a design table by its name or is named in the design.
        var known = design.Physical.Tables.SelectMany(t => t.Indexes.Select(i => i.Name).Concat(t.UniqueKeys.Select(u => u.Name))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var strangers = objects.Where(o => o.Type != "table" || !tables.Contains(o.Name))
            .Where(o => !known.Contains(o.Name) && !tables.Any(t => o.Name.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(strangers.Count == 0, "objects the design did not intend: " + string.Join(", ", strangers));
        Assert.DoesNotContain(objects, o => o.Name.Contains(HostileSpecs.Marker, StringComparison.Ordinal));
    }
}
