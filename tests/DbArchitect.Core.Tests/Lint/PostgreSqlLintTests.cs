using DbArchitect.Core.Lint;
using static DbArchitect.Core.Tests.Lint.LintAssert;

namespace DbArchitect.Core.Tests.Lint;

public sealed class PostgreSqlLintTests
{
    private const string Timeouts = "SET lock_timeout = '2s';\nSET statement_timeout = '5s';\n";

    [Fact]
    public void A_table_created_earlier_in_the_script_is_new_so_indexing_and_constraining_it_is_not_a_hazard()
    {
        const string sql = "BEGIN;\nCREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY, p bigint NOT NULL);\nCREATE INDEX IF NOT EXISTS ix ON t (p);\nALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id);\nALTER TABLE t ADD COLUMN c text NOT NULL;\nCOMMIT;";
        Assert.Empty(Rules("postgresql", sql));
    }

    [Fact]
    public void The_same_statements_on_an_existing_table_are_hazards()
    {
        const string sql = Timeouts + "BEGIN;\nCREATE INDEX IF NOT EXISTS ix ON t (p);\nALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id);\nALTER TABLE t ADD COLUMN c text NOT NULL;\nCOMMIT;";
        Assert.Equal(new[] { "adding-foreign-key-constraint", "adding-required-field", "constraint-missing-not-valid", "require-concurrent-index-creation" }, Rules("postgresql", sql));
    }

    [Fact]
    public void Findings_point_at_the_line_and_column_of_the_offending_clause()
    {
        var finding = Assert.Single(LintAssert.Lint("postgresql", Timeouts + "BEGIN;\nALTER TABLE accounts\n    ALTER COLUMN balance TYPE numeric;\nCOMMIT;"));
        Assert.Equal(("changing-column-type", 5, 26), (finding.RuleId, finding.Line, finding.Column));
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Contains("new column", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_comment_with_a_reason_silences_the_next_statement_only()
    {
        const string sql = Timeouts + "BEGIN;\n-- dbarchitect-disable-next-line ban-drop-table -- retired in release 12\nDROP TABLE old_a;\nDROP TABLE old_b;\nCOMMIT;";
        var all = MigrationLinter.Lint(new LintSource("m.sql", sql), new LintOptions("postgresql"));
        var suppressed = Assert.Single(all, f => f.Suppressed);
        Assert.Equal(("ban-drop-table", 5, "retired in release 12"), (suppressed.RuleId, suppressed.Line, suppressed.SuppressionReason));
        Assert.Single(all, f => !f.Suppressed && f.RuleId == "ban-drop-table" && f.Line == 6);
    }

    [Fact]
    public void A_suppression_without_a_reason_is_itself_a_finding()
    {
        const string sql = Timeouts + "BEGIN;\n-- dbarchitect-disable-next-line ban-drop-table\nDROP TABLE old_a;\nCOMMIT;";
        Assert.Equal(new[] { "suppression-without-reason" }, Rules("postgresql", sql));
    }

    [Fact]
    public void A_file_wide_suppression_silences_the_rule_everywhere_in_the_file()
    {
        const string sql = "-- dbarchitect-disable-file require-lock-timeout require-statement-timeout -- timeouts are set by the deploy tool\nBEGIN;\nDROP TABLE IF EXISTS x;\nCOMMIT;";
        Assert.Equal(new[] { "ban-drop-table" }, Rules("postgresql", sql));
    }

    [Fact]
    public void Concurrent_index_creation_is_an_error_when_the_tool_wraps_the_file_in_a_transaction()
    {
        const string sql = Timeouts + "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON t (c);";
        Assert.Empty(Rules("postgresql", sql));
        Assert.Equal(new[] { "ban-concurrent-index-creation-in-transaction" }, Rules("postgresql", sql, new LintOptions("postgresql") { AssumeInTransaction = true }));
    }

    [Fact]
    public void Constant_defaults_are_instant_from_PostgreSQL_11_but_rewrite_on_10()
    {
        const string sql = Timeouts + "BEGIN;\nALTER TABLE t ADD COLUMN IF NOT EXISTS c bigint DEFAULT 0;\nCOMMIT;";
        Assert.Empty(Rules("postgresql", sql));
        Assert.Equal(new[] { "adding-field-with-default" }, Rules("postgresql", sql, new LintOptions("postgresql") { ServerMajorVersion = 10 }));
    }

    [Fact]
    public void Enum_add_value_in_a_transaction_fails_before_PostgreSQL_12_only()
    {
        const string sql = Timeouts + "BEGIN;\nALTER TYPE s ADD VALUE 'x' AFTER 'y';\nCOMMIT;";
        Assert.Empty(Rules("postgresql", sql));
        Assert.Equal(new[] { "ban-enum-add-value-in-transaction" }, Rules("postgresql", sql, new LintOptions("postgresql") { ServerMajorVersion = 11 }));
    }

    [Fact]
    public void Type_rules_read_every_column_of_create_table_including_qualified_and_multi_word_types()
    {
        const string sql = "CREATE TABLE IF NOT EXISTS u (a int2, b serial4, d character varying(3), e character(2), f timestamp(3) without time zone, g timestamptz, h int8, i pg_catalog.int4, j varchar, k text);";
        var findings = LintAssert.Lint("postgresql", sql).Select(f => f.RuleId).ToArray();
        Assert.Equal(1, findings.Count(r => r == "prefer-bigint-over-smallint"));
        Assert.Equal(2, findings.Count(r => r == "prefer-bigint-over-int"));
        Assert.Equal(1, findings.Count(r => r == "prefer-identity"));
        Assert.Equal(1, findings.Count(r => r == "prefer-text-field"));
        Assert.Equal(1, findings.Count(r => r == "ban-char-field"));
        Assert.Equal(1, findings.Count(r => r == "prefer-timestamp-tz"));
    }

    [Fact]
    public void Rule_and_exclude_rule_take_wildcards_and_an_unknown_id_is_an_error()
    {
        const string sql = "DROP TABLE a; TRUNCATE b CASCADE;";
        Assert.Equal(new[] { "ban-drop-table", "ban-truncate-cascade" }, Rules("postgresql", sql, new LintOptions("postgresql") { Rules = new[] { "ban-*" } }));
        Assert.Equal(new[] { "ban-truncate-cascade" }, Rules("postgresql", sql, new LintOptions("postgresql") { Rules = new[] { "ban-*" }, ExcludeRules = new[] { "ban-drop-*" } }));
        var error = Assert.Throws<DbArchitect.Core.Errors.DbArchitectException>(() => Rules("postgresql", sql, new LintOptions("postgresql") { Rules = new[] { "ban-drop-tabel" } }));
        Assert.Equal("UnknownLintRule", error.Errors[0].ErrorId);
    }
}
