using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>
/// Parses a T-SQL migration with ScriptDom's TSql160Parser (GO batches, brackets, nested blocks) and runs the SQL Server
/// rules over its statements. A script that does not parse is one finding at the parser's position, not a crash.
/// </summary>
internal sealed class SqlServerLintDialect : ILintDialect
{
    public IReadOnlyList<string> Engines { get; } = new[] { "sqlserver" };

    public string Family => "sqlserver";

    public SqlLexOptions Lex => SqlLexOptions.SqlServer;

    public IReadOnlyList<LintFinding> Lint(LintSource source, IReadOnlyList<ILintRule> rules, LintOptions options)
    {
        var context = SqlServerLintContext.Parse(source.Text, options);
        var findings = new List<LintFinding>();
        var parseRule = rules.OfType<SqlServerParseErrorRule>().FirstOrDefault();
        foreach (var error in parseRule is null ? Array.Empty<(int Line, int Column, string Message)>() : context.Errors)
        {
            findings.Add(new LintFinding(parseRule!.Id, parseRule.Severity, source.File, error.Line, error.Column,
                $"T-SQL does not parse: {error.Message}", parseRule.Fix, Family)
            {
                Category = parseRule.Category,
            });
        }

        foreach (var rule in rules.OfType<SqlServerLintRule>())
        {
            foreach (var hit in rule.Check(context))
            {
                findings.Add(new LintFinding(rule.Id, rule.Severity, source.File, hit.Line, hit.Column, hit.Message, hit.Fix ?? rule.Fix, Family)
                {
                    Statement = context.LineText(hit.Line),
                    Category = rule.Category,
                });
            }
        }

        return findings;
    }

    public IReadOnlyList<string> CreatedTables(LintSource source) => SqlServerLintContext.Parse(source.Text, new LintOptions(Family)).CreatedTables;
}
