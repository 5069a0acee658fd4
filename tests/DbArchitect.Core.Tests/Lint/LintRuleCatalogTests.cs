using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Tests.Lint;

public sealed class LintRuleCatalogTests
{
    [Theory]
    [InlineData("postgresql")]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    [InlineData("sqlserver")]
    public void Every_engine_has_rules_with_unique_kebab_case_ids_a_summary_and_a_fix(string engine)
    {
        var rules = LintRuleCatalog.RulesFor(engine);
        Assert.True(rules.Count >= 10, $"{engine}: {rules.Count} rules");
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r =>
        {
            Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Summary));
            Assert.False(string.IsNullOrWhiteSpace(r.Fix));
        });
    }

    [Fact]
    public void PostgreSql_covers_every_squawk_rule_by_name()
    {
        var squawk = new[]
        {
            "adding-field-with-default", "adding-foreign-key-constraint", "adding-not-nullable-field", "adding-required-field",
            "adding-serial-primary-key-field", "ban-alter-domain-with-add-constraint", "ban-char-field", "ban-concurrent-index-creation-in-transaction",
            "ban-create-domain-with-constraint", "ban-drop-column", "ban-drop-database", "ban-drop-not-null", "ban-drop-table", "ban-truncate-cascade",
            "ban-uncommitted-transaction", "changing-column-type", "constraint-missing-not-valid", "disallowed-unique-constraint", "identifier-too-long",
            "prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-identity", "prefer-robust-stmts", "prefer-text-field", "prefer-timestamp-tz",
            "renaming-column", "renaming-table", "require-concurrent-index-creation", "require-concurrent-index-deletion", "require-concurrent-partition-detach",
            "require-concurrent-reindex", "require-enum-value-ordering", "require-lock-timeout", "require-statement-timeout", "transaction-nesting",
        };
        var ids = LintRuleCatalog.RulesFor("postgresql").Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(squawk, s => !ids.Contains(s));
    }

    [Fact]
    public void The_rule_reference_in_docs_is_generated_from_the_catalog()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "lint-rules.md");
        var expected = LintRuleDocument.Write();
        if (Environment.GetEnvironmentVariable("DBARCHITECT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
