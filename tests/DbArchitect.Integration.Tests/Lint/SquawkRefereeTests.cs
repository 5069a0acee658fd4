using DbArchitect.Core.Lint;
using Xunit.Abstractions;

namespace DbArchitect.Integration.Tests.Lint;

/// <summary>
/// Test-DbMigrationScript against squawk on the corpus in tests/fixtures/migrations: on every unsafe file it finds at least
/// every (file, line, rule) squawk finds, and it finds nothing on the safe files.
/// </summary>
public sealed class SquawkRefereeTests
{
    /// <summary>squawk rule names whose hazard our rules cover under another id (renamed or split rules).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> RuleMap = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["prefer-repack"] = new[] { "ban-vacuum-full", "ban-cluster" },
        ["require-timeout-settings"] = new[] { "require-lock-timeout", "require-statement-timeout" },
        ["prefer-big-int"] = new[] { "prefer-bigint-over-int", "prefer-bigint-over-smallint" },
        ["adding-primary-key-constraint"] = new[] { "adding-serial-primary-key-field" },
        ["prefer-timestamptz"] = new[] { "prefer-timestamp-tz" },
    };

    private static readonly string Corpus = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "migrations");

    private readonly ITestOutputHelper _output;

    public SquawkRefereeTests(ITestOutputHelper output) => _output = output;

    private static string[] Files(string folder) => Directory.GetFiles(Path.Combine(Corpus, folder), "*.sql")
        .Select(f => folder + "/" + Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    private static IReadOnlyList<LintFinding> Lint(string relative) => Lint(relative, new LintOptions("postgresql"));

    private static IReadOnlyList<LintFinding> Lint(string relative, LintOptions options) =>
        MigrationLinter.Lint(new LintSource(relative, File.ReadAllText(Path.Combine(Corpus, relative))), options)
            .Where(f => !f.Suppressed).ToArray();

    private static bool Matches(Squawk.Finding s, LintFinding o) =>
        o.Line == s.Line && (RuleMap.TryGetValue(s.Rule, out var ids) ? ids : new[] { s.Rule }).Contains(o.RuleId);

    [Fact]
    public void Every_squawk_finding_on_the_unsafe_corpus_is_found_on_the_same_line_by_a_rule_for_the_same_hazard()
    {
        var files = Files("unsafe");
        var squawk = Squawk.Run(Corpus, files);
        var ours = files.ToDictionary(f => f, f => Lint(f));
        var unmatched = squawk.Where(s => !ours[s.File].Any(o => Matches(s, o))).ToArray();

        // squawk does not know that a table created earlier in the file is new and empty; we do, by design. Such a
        // finding is excused only if our rule reports it as soon as we too treat every table as existing.
        var strict = files.ToDictionary(f => f, f => Lint(f, new LintOptions("postgresql") { AssumeExistingTables = true }));
        var onNewTables = unmatched.Where(s => strict[s.File].Any(o => Matches(s, o))).ToArray();
        var missed = unmatched.Except(onNewTables).ToArray();
        foreach (var excused in onNewTables)
        {
            _output.WriteLine($"  squawk only, on a table created earlier in the file: {excused.File}:{excused.Line} {excused.Rule}");
        }

        var oursCount = ours.Values.Sum(f => f.Count);
        _output.WriteLine($"{files.Length} unsafe files: squawk {squawk.Count} findings ({squawk.Select(s => s.Rule).Distinct().Count()} rules), ours {oursCount} findings ({ours.Values.SelectMany(f => f).Select(f => f.RuleId).Distinct().Count()} rules), on new tables {onNewTables.Length}, missed {missed.Length}.");
        foreach (var extra in ours.SelectMany(p => p.Value).Where(o => !squawk.Any(s => s.File == o.File && Matches(s, o))))
        {
            _output.WriteLine($"  only ours: {extra.File}:{extra.Line} {extra.RuleId}");
        }

        Assert.True(squawk.Count >= files.Length, "squawk should find something in almost every unsafe file; is the corpus or the binary broken?");
        Assert.True(missed.Length == 0, "squawk found what we did not:\n" + string.Join("\n", missed.Select(m => $"  {m.File}:{m.Line} {m.Rule}")));
    }

    [Fact]
    public void Each_unsafe_file_draws_the_rule_it_is_named_after()
    {
        var rules = LintRuleCatalog.RulesFor("postgresql").Select(r => r.Id).ToArray();
        var missing = new List<string>();
        foreach (var file in Files("unsafe"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var rule = rules.Where(r => name.StartsWith(r, StringComparison.Ordinal)).OrderByDescending(r => r.Length).FirstOrDefault();
            if (rule is null)
            {
                continue;
            }

            if (!Lint(file).Any(f => f.RuleId == rule))
            {
                missing.Add($"{file}: no {rule}");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void The_safe_corpus_draws_no_finding()
    {
        var findings = Files("safe").SelectMany(Lint).ToArray();
        Assert.True(findings.Length == 0, string.Join("\n", findings.Select(f => f.ToString())));
    }
}
