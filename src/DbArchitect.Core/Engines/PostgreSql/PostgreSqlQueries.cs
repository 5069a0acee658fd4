using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The access patterns' ready queries (<see cref="PostgreSqlQueryBuilder"/> writes each), and
/// queries/access_patterns.sql: one PREPARE per statement, so running the file checks every template against the
/// schema and an application can EXECUTE it by name. Each names the index that serves it and why.
/// </summary>
internal sealed class PostgreSqlQueries : IQueryWriter
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns (PREPARE, then EXECUTE name(args)): keyset pages, time buckets, trigram and full-text search; each names the index that serves it.";

    private readonly int _maxIdentifierBytes;

    public PostgreSqlQueries(int maxIdentifierBytes) => _maxIdentifierBytes = maxIdentifierBytes;

    public static bool IsNeeded(DbDesign design) => design.Requirement.AccessPatterns.Count > 0;

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical) =>
        QueryTemplates.Write(requirement, physical, new NameScope(_maxIdentifierBytes), QueryTemplates.StatementName, plan => new PostgreSqlQueryBuilder(plan, physical.Schema));

    /// <summary>The design's templates, or written now for a design assembled without them.</summary>
    public static IReadOnlyList<QueryTemplate> Templates(DbDesign design, int maxIdentifierBytes) =>
        design.QueryTemplates.Count > 0 ? design.QueryTemplates : new PostgreSqlQueries(maxIdentifierBytes).Write(design.Requirement, design.Physical);

    /// <summary>The file: the design's templates (written now for a design assembled without them).</summary>
    public static void WriteFile(W writer, DbDesign design, int maxIdentifierBytes)
    {
        var templates = Templates(design, maxIdentifierBytes);
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
                writer.Comment(statement.Purpose + (statement.Parameters.Count > 0
                    ? " " + string.Join("; ", statement.Parameters.Select(p => $"{p.Placeholder}: {p.Meaning}"))
                    : string.Empty));
                var types = statement.Parameters.Count > 0 ? " (" + W.List(statement.Parameters.Select(p => p.NativeType)) + ")" : string.Empty;
                writer.ClausesStatement($"PREPARE {W.Id(statement.Name)}{types} AS", statement.Sql.Split('\n'));
            }
        }
    }
}
