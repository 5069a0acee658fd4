using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Lint;
using DbArchitect.Core.Requirements;
using Xunit.Abstractions;

namespace DbArchitect.Core.Tests.Lint;

/// <summary>The module's own PostgreSQL output must pass its own linter: build scripts (a new schema) and the migration playbook.</summary>
public sealed class GeneratedScriptsLintTests
{
    private readonly ITestOutputHelper _output;

    public GeneratedScriptsLintTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static IReadOnlyList<SqlScript> Scripts(string example)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, example)), "postgresql");
        return EngineRegistry.Get("postgresql").Scripts.Generate(design);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_initial_build_of_every_example_draws_no_lint_finding_other_than_the_requirements_own_type_choices(string example)
    {
        var build = Scripts(example).Where(s => s.IsBuildStep).OrderBy(s => s.Order).ToArray();
        var findings = build.SelectMany(s => MigrationLinter.Lint(
                new[] { new LintSource(s.RelativePath, s.Text) },
                new LintOptions("postgresql") { NewTables = CreatedBefore(build, s) }))
            .Where(f => !f.Suppressed)
            .ToArray();
        foreach (var finding in findings)
        {
            _output.WriteLine($"{finding}  [{finding.Statement}]");
        }

        // string(n), char(n), int and smallint in the requirements map to varchar(n), char(n), integer and smallint on
        // purpose; the type rules still warn about them, which is what a reviewer of the requirements should see.
        Assert.DoesNotContain(findings, f => f.Severity == LintSeverity.Error);
        Assert.DoesNotContain(findings, f => f.Category != LintCategories.Types);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_zero_downtime_playbook_of_every_example_draws_no_finding(string example)
    {
        var playbook = Assert.Single(Scripts(example), s => s.RelativePath == PostgreSqlMigrationPlaybook.RelativePath);
        var findings = MigrationLinter.Lint(new LintSource(playbook.RelativePath, playbook.Text), new LintOptions("postgresql"));
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_MySql_MariaDb_and_SqlServer_builds_of_every_example_draw_no_error(string example)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.Examples, example));
        foreach (var engine in new[] { "mysql", "mariadb", "sqlserver" })
        {
            var build = EngineRegistry.Get(engine).Scripts.Generate(DesignEngine.Create(requirement, engine)).Where(s => s.IsBuildStep).OrderBy(s => s.Order);
            var findings = MigrationLinter.Lint(build.Select(s => new LintSource(s.RelativePath, s.Text)), new LintOptions(engine) { SameDeployment = true });
            foreach (var finding in findings)
            {
                _output.WriteLine($"{engine} {finding}  [{finding.Statement}]");
            }

            Assert.DoesNotContain(findings, f => f.Severity == LintSeverity.Error);
        }
    }

    /// <summary>Tables created by the build steps before this one: the build applies them in order to an empty database.</summary>
    private static string[] CreatedBefore(IReadOnlyList<SqlScript> build, SqlScript script)
    {
        var dialect = LintRuleCatalog.DialectFor("postgresql");
        return build.TakeWhile(s => s != script).SelectMany(s => dialect.CreatedTables(new LintSource(s.RelativePath, s.Text))).ToArray();
    }
}
