using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

public sealed partial class PostgreSqlInspector
{
    /// <summary>
    /// Every design index given as a CREATE INDEX text is rewritten the way the catalog prints it: each expression key
    /// and the predicate go through EXPLAIN (VERBOSE) on the table — read-only, nothing runs — whose Output line is the
    /// server's deparsed expression, the same deparser pg_get_indexdef uses. A text the server rejects is kept as
    /// written, so it shows up as a difference instead of failing the comparison.
    /// </summary>
    public SchemaModel Normalise(LiveSession session, SchemaModel design)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(design);
        if (design.Engine is not null)
        {
            return design;
        }

        return design with
        {
            Tables = design.Tables.Select(t => t.Indexes.Any(i => i.Definition is not null)
                ? t with { Indexes = t.Indexes.Select(i => i.Definition is { } text ? i with { Definition = Normalised(session, design.Schema, t.Name, i.Name, text) } : i).ToArray() }
                : t).ToArray(),
        };
    }

    private static string Normalised(LiveSession session, string schema, string table, string name, string text)
    {
        if (PostgreSqlIndexSignature.Parse(text) is not { } parts)
        {
            return text;
        }

        var qualified = W.Qualified(schema, table);
        try
        {
            var keys = parts.Keys.Select(k => k.Expression is { } e ? k with { Expression = Deparsed(session, qualified, e) } : k).ToArray();
            var predicate = parts.Predicate is { } p ? Deparsed(session, qualified, p) : null;
            return PostgreSqlIndexSignature.Statement(parts.Unique, qualified, name, parts with { Keys = keys, Predicate = predicate });
        }
        catch (DbArchitectException)
        {
            return text;
        }
    }

    private static string Deparsed(LiveSession session, string qualifiedTable, string expression)
    {
        var plan = session.Query($"EXPLAIN (VERBOSE, COSTS OFF) SELECT ({expression}) FROM {qualifiedTable}", "Printing an index expression as the catalog does");
        var output = plan.Select(r => r.String("QUERY PLAN")!.Trim()).First(l => l.StartsWith("Output: ", StringComparison.Ordinal));
        return output["Output: ".Length..];
    }
}
