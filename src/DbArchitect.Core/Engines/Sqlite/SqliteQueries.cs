using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// The access patterns' ready queries (<see cref="SqliteQueryBuilder"/> writes each) and queries/access_patterns.sql.
/// SQLite has no server-side PREPARE statement: the application prepares each statement through its driver
/// (sqlite3_prepare_v2) and binds ?1, ?2 …; the file lists them with their parameters.
/// </summary>
internal sealed class SqliteQueries : IQueryWriter
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns (prepare each in the application, bind ?1, ?2 …): keyset pages with row values, time buckets with window functions, FTS5 search ranked by bm25; each names the index that serves it.";

    public static bool IsNeeded(DbDesign design) => design.Requirement.AccessPatterns.Count > 0;

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical) =>
        QueryTemplates.Write(requirement, physical, new NameScope(new SqliteIdentifiers().MaxIdentifierBytes, caseSensitive: false),
            QueryTemplates.StatementName, plan => new SqliteQueryBuilder(plan, physical));

    public static void WriteFile(W writer, DbDesign design)
    {
        var templates = design.QueryTemplates.Count > 0 ? design.QueryTemplates : new SqliteQueries().Write(design.Requirement, design.Physical);
        var headings = QueryTemplates.Headings(design);
        foreach (var template in templates)
        {
            writer.BlankLine();
            foreach (var line in headings(template))
            {
                writer.Comment(line);
            }

            foreach (var statement in template.Statements)
            {
                writer.Comment($"{statement.Name}: {statement.Purpose}" + (statement.Parameters.Count > 0
                    ? " " + string.Join("; ", statement.Parameters.Select(p => $"{p.Placeholder} ({p.NativeType}): {p.Meaning}"))
                    : string.Empty));
                writer.Statement(statement.Sql);
            }
        }
    }
}
