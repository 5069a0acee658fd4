using System.Diagnostics;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// squawk (npm squawk-cli, pinned by scripts/restore-squawk.sh) referees the generated PostgreSQL migrations: they must draw no
/// warning. The type-choice rules (prefer bigint, prefer text, …) judge the target design rather than how the
/// migration runs, so they are left out here; every lock and safety rule stays on.
/// </summary>
public sealed class SquawkRefereeTests
{
    private const string DesignChoiceRules = "prefer-bigint-over-int,prefer-bigint-over-smallint,prefer-text-field,prefer-identity,prefer-timestamptz,ban-char-field";

    [Fact]
    public void GeneratedV1ToV2MigrationDrawsNoSquawkWarning()
    {
        var v1 = Design("shop-v1.yaml");
        var v2 = Design("shop-v2.yaml");
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(v1.Physical, v2.Physical, engine: "postgresql"));
        AssertNoSquawkWarning(plan, minimumFiles: 4);
    }

    [Fact]
    public void GeneratedPolicySecurityAndSequenceStepsDrawNoSquawkWarning()
    {
        var design = Design("../../../examples/requirements/saas-projects.yaml").Physical;
        var built = EngineRegistry.Get("postgresql").Inspector!.AsBuilt(design) with { Engine = "postgresql" };
        var bare = built with { Tables = built.Tables.Select(t => t with { RowSecurityEnabled = false, RowSecurityForced = false, Policies = Array.Empty<RowPolicy>() }).ToArray() };
        var wanted = design with { Sequences = new[] { new SequenceDefinition("invoice_number", "bigint", 1, 1, 1, long.MaxValue, 1, false) } };
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(bare, wanted, engine: "postgresql"));
        Assert.Contains(plan.Steps, s => s.Description.StartsWith("Create policy", StringComparison.Ordinal));

        AssertNoSquawkWarning(plan, minimumFiles: 1);
    }

    private static void AssertNoSquawkWarning(MigrationPlan plan, int minimumFiles)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-squawk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = plan.ToScripts().Where(s => !s.RelativePath.Contains('/', StringComparison.Ordinal)).Select(s =>
            {
                var path = Path.Combine(folder, s.RelativePath);
                File.WriteAllText(path, s.Text);
                return path;
            }).ToArray();
            Assert.True(files.Length >= minimumFiles);

            // squawk does not read DO bodies: each retry block's statements are judged again as the one transaction they run in.
            var inner = plan.Steps.Where(s => s.Statements.Count > 0).Select(s =>
            {
                var path = Path.Combine(folder, $"step_{s.Order:000}.sql");
                File.WriteAllText(path, "SET lock_timeout = '2s';\nSET statement_timeout = 0;\nBEGIN;\n" + string.Join(";\n", s.Statements) + ";\nCOMMIT;\n");
                return path;
            }).ToArray();
            Assert.NotEmpty(inner);
            files = files.Concat(inner).ToArray();

            var (exit, output) = Squawk(files);

            Assert.True(exit == 0, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SquawkRefereeFailsOnAPlainCreateIndex()
    {
        var path = Path.Combine(Path.GetTempPath(), "dbarch-squawk-" + Guid.NewGuid().ToString("N") + ".sql");
        File.WriteAllText(path, "SET lock_timeout = '2s';\nSET statement_timeout = 0;\nCREATE INDEX IF NOT EXISTS ix ON s.t (a);\n");
        try
        {
            var (exit, output) = Squawk(new[] { path });

            Assert.NotEqual(0, exit);
            Assert.Contains("require-concurrent-index-creation", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static DbDesign Design(string file) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "migration", file)), "postgresql");

    internal static (int Exit, string Output) Squawk(IEnumerable<string> files)
    {
        // The same pinned squawk as the lint referee (scripts/restore-squawk.sh), so a new squawk release cannot change the verdict.
        var start = new ProcessStartInfo(Lint.Squawk.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { "--pg-version=15", "--reporter=gcc", "--exclude=" + DesignChoiceRules }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
