using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// The access patterns' ready queries, and queries/access_patterns.sql: one CREATE OR ALTER PROCEDURE per statement
/// (parameters typed like their columns), so running the file checks every template against the schema and the
/// application calls each by name with a cached plan.
/// </summary>
internal sealed class SqlServerQueries : IQueryWriter
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns as stored procedures: keyset pages (TOP, never OFFSET), time buckets with window functions, full-text search; each names the index that serves it.";

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var names = new NameScope(new SqlServerIdentifiers().MaxIdentifierBytes, caseSensitive: false);
        foreach (var table in physical.Tables)
        {
            names.Claim(table.Name);
        }

        return QueryTemplates.Write(requirement, physical, names, QueryTemplates.RoutineName, plan => new SqlServerQueryBuilder(plan, physical.Schema));
    }

    public static void WriteFile(W writer, DbDesign design)
    {
        foreach (var template in design.QueryTemplates)
        {
            foreach (var statement in template.Statements)
            {
                writer.BlankLine();
                writer.Comment($"{template.AccessPattern}: {statement.Purpose}");
                writer.Comment(template.Reason);
                var parameters = statement.Parameters.Select(p => $"    {p.Placeholder} {p.NativeType}").ToList();
                var head = $"CREATE OR ALTER PROCEDURE {W.Qualified(design.Physical.Schema, statement.Name)}";
                writer.Raw(head + (parameters.Count > 0 ? "\n" + string.Join(",\n", parameters) : string.Empty)
                    + "\nAS\nBEGIN\n    SET NOCOUNT ON;\n"
                    + string.Join('\n', statement.Sql.Split('\n').Select(l => "    " + l)) + ";\nEND;");
                writer.Go();
            }
        }
    }
}
