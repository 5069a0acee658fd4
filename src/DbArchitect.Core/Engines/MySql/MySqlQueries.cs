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
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        // Prepared statement names are case-insensitive and share one namespace per session.
        var names = new NameScope(MySqlIdentifiers.MaxIdentifierCharacters, caseSensitive: false);
        var byEntity = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var candidate in physical.Tables)
        {
            byEntity.TryAdd(ImplicitColumns.MatchKey(candidate.SourceEntity ?? candidate.Name), candidate);
        }

        var templates = new List<QueryTemplate>();
        foreach (var pattern in requirement.AccessPatterns)
        {
            var table = byEntity.GetValueOrDefault(ImplicitColumns.MatchKey(pattern.Entity));
            if (table is null)
            {
                templates.Add(new QueryTemplate(pattern.Name, null, QueryShape.Skipped, Array.Empty<QueryStatement>(), Array.Empty<string>(), $"No table for entity {pattern.Entity}."));
                continue;
            }

            try
            {
                templates.Add(new MySqlQueryBuilder(table, pattern, _dialect).Build("q_" + Naming.Apply(NamingStyle.SnakeCase, pattern.Name), names.Claim));
            }
            catch (KeyNotFoundException ex)
            {
                templates.Add(new QueryTemplate(pattern.Name, table.Name, QueryShape.Skipped, Array.Empty<QueryStatement>(), Array.Empty<string>(),
                    char.ToUpperInvariant(ex.Message[0]) + ex.Message[1..]));
            }
        }

        return templates;
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
