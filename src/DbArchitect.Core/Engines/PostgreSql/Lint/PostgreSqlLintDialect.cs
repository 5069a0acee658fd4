using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>Reads a PostgreSQL migration (dollar quotes, nested comments) and runs the PostgreSQL rules over it.</summary>
internal sealed class PostgreSqlLintDialect : ILintDialect
{
    public IReadOnlyList<string> Engines { get; } = new[] { "postgresql" };

    public string Family => "postgresql";

    public SqlLexOptions Lex => SqlLexOptions.PostgreSql;

    public IReadOnlyList<LintFinding> Lint(LintSource source, IReadOnlyList<ILintRule> rules, LintOptions options)
    {
        var context = new PostgreSqlLintContext(SqlScriptReader.Read(source.Text, Lex), options);
        var findings = new List<LintFinding>();
        foreach (var rule in rules.OfType<PostgreSqlLintRule>())
        {
            foreach (var hit in rule.Check(context))
            {
                var statement = context.StatementAt(hit.Line);
                findings.Add(new LintFinding(rule.Id, rule.Severity, source.File, hit.Line, hit.Column, hit.Message, hit.Fix ?? rule.Fix, Family)
                {
                    Statement = statement?.Sql.Summary ?? string.Empty,
                    Category = rule.Category,
                });
            }
        }

        return findings;
    }

    public IReadOnlyList<string> CreatedTables(LintSource source) => SqlScriptReader.Read(source.Text, Lex).Statements
        .Select(PostgreSqlLintSyntax.CreatedTable).OfType<(string Name, string Qualified)>()
        .SelectMany(t => new[] { t.Name, t.Qualified }).Distinct(StringComparer.Ordinal).ToArray();
}
