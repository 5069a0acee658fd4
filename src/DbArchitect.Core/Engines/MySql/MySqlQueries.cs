using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// The access patterns' ready queries in the MySQL/MariaDB dialect, and queries/access_patterns.sql: one
/// PREPARE … FROM '…' per statement, so running the file has the server parse and resolve every template against the
/// schema, and the application prepares each the same way and executes it with its `?` parameters in order.
/// </summary>
public sealed class MySqlQueries : IQueryWriter
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns as prepared statements: keyset pages (LIMIT, never OFFSET), time buckets with window functions, FULLTEXT search; each names the index that serves it.";

    private readonly MySqlDialect _dialect;

    public MySqlQueries(MySqlDialect dialect) => _dialect = dialect;

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical)
    {
        // Prepared statement names are case-insensitive and share one namespace per session.
        return QueryTemplates.Write(requirement, physical, new NameScope(MySqlIdentifiers.MaxIdentifierCharacters, caseSensitive: false),
            QueryTemplates.RoutineName, plan => new MySqlQueryBuilder(plan, _dialect));
    }

    /// <summary>One PREPARE per statement, its parameters listed in order above it.</summary>
    internal static void WriteFile(W writer, DbDesign design)
    {
        foreach (var template in design.QueryTemplates)
        {
            foreach (var statement in template.Statements)
            {
                writer.BlankLine();
                writer.Comment($"{template.AccessPattern}: {statement.Purpose}");
                writer.Comment(template.Reason);
                for (var i = 0; i < statement.Parameters.Count; i++)
                {
                    var p = statement.Parameters[i];
                    writer.Comment($"  ? #{(i + 1).ToString(CultureInfo.InvariantCulture)} {p.NativeType}: {p.Meaning}");
                }

                writer.Statement($"PREPARE {W.Id(statement.Name)} FROM {W.String(statement.Sql)}");
            }
        }
    }
}
