using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>The script does not parse as T-SQL 16.0 (SQL Server 2022): reported by the dialect at the parser's position.</summary>
internal sealed class SqlServerParseErrorRule : SqlServerLintRule
{
    public const string RuleId = "sql-parse-error";

    public override string Id => RuleId;

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.Robustness;

    public override string Summary => "The script does not parse as T-SQL (SQL Server 2022 grammar), so it would fail, and the other rules cannot read it.";

    public override string Fix => "Fix the syntax at the reported line and column.";
}
