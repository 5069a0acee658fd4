using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

/// <summary>Reads a MySQL/MariaDB migration (backticks, # comments, DELIMITER blocks) and runs the MySQL rules over it.</summary>
internal sealed class MySqlLintDialect : ILintDialect
{
    public IReadOnlyList<string> Engines { get; } = new[] { "mysql", "mariadb" };

    public string Family => "mysql";

    public SqlLexOptions Lex => SqlLexOptions.MySql;

    public IReadOnlyList<LintFinding> Lint(LintSource source, IReadOnlyList<ILintRule> rules, LintOptions options)
    {
        var context = new MySqlLintContext(SqlScriptReader.Read(source.Text, Lex), options);
        var findings = new List<LintFinding>();
        foreach (var rule in rules.OfType<MySqlLintRule>())
        {
            foreach (var (statement, hit) in rule.Check(context))
            {
                findings.Add(new LintFinding(rule.Id, rule.Severity, source.File, hit.Line, hit.Column, hit.Message, hit.Fix ?? rule.Fix, options.Engine.ToLowerInvariant())
                {
                    Statement = statement.Sql.Summary,
                    Category = rule.Category,
                });
            }
        }

        return findings;
    }

    public IReadOnlyList<string> CreatedTables(LintSource source) => SqlScriptReader.Read(source.Text, Lex).Statements
        .Select(MySqlLintStatement.CreatedTable).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
