using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>The access patterns' ready queries (<see cref="OracleQueryBuilder"/> writes each) and queries/access_patterns.sql.</summary>
internal sealed class OracleQueries : IQueryWriter
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns with bind variables (:p1 …): keyset pages with FETCH FIRST, time buckets with window functions, Oracle Text CONTAINS; each names the index that serves it.";

    private readonly OracleTypes _types;

    public OracleQueries(OracleTypes types) => _types = types;

    public static bool IsNeeded(DbDesign design) => design.Requirement.AccessPatterns.Count > 0;

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical) =>
        QueryTemplates.Write(requirement, physical, new NameScope(new OracleIdentifiers().MaxIdentifierBytes, caseSensitive: false),
            QueryTemplates.StatementName, plan => new OracleQueryBuilder(plan, physical.Schema, _types));

    public static void WriteFile(W writer, DbDesign design, OracleTypes types)
    {
        var templates = design.QueryTemplates.Count > 0 ? design.QueryTemplates : new OracleQueries(types).Write(design.Requirement, design.Physical);
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
                    ? " " + string.Join("; ", statement.Parameters.Select(p => $"{p.Placeholder} {p.NativeType}: {p.Meaning}"))
                    : string.Empty));
                var lines = statement.Sql.Split('\n');
                writer.ClausesStatement(lines[0], lines.Skip(1));
            }
        }
    }
}
