using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Script 5: the function and triggers that keep updated_at current.</summary>
internal static class PostgreSqlTriggerDdl
{
    public const string Purpose = "Keeps each updated_at column current with one BEFORE UPDATE trigger function.";

    /// <summary>The trigger function, in the design's schema.</summary>
    public const string FunctionName = "set_updated_at";

    /// <summary>The trigger on each table (trigger names are per table).</summary>
    public const string TriggerName = "set_updated_at";

    public static IReadOnlyList<(Table Table, Column Column)> Targets(SchemaModel model) =>
        model.Tables
            .Where(t => t.Features.Timestamps)
            .Select(t => (Table: t, Column: t.Columns.FirstOrDefault(c => c.Role == ColumnRole.UpdatedAt)))
            .Where(x => x.Column is not null)
            .Select(x => (x.Table, x.Column!))
            .ToList();

    public static bool IsNeeded(SchemaModel model) => Targets(model).Count > 0;

    public static void Write(W writer, SchemaModel model)
    {
        var targets = Targets(model);
        var function = W.Qualified(model.Schema, FunctionName);
        var names = targets.Select(t => t.Column.Name).Distinct(StringComparer.Ordinal).ToList();

        // One column name everywhere (the naming convention is global): assign it directly. Otherwise the trigger
        // passes its column name and the function sets it through jsonb_populate_record.
        var direct = names.Count == 1;
        var assignment = direct
            ? $"    NEW.{W.Id(names[0])} := pg_catalog.now();\n"
            : "    NEW := pg_catalog.jsonb_populate_record(NEW, pg_catalog.jsonb_build_object(TG_ARGV[0], pg_catalog.now()));\n";
        var body = "BEGIN\n" + assignment + "    RETURN NEW;\nEND;\n";

        writer.BlankLine();
        writer.ClausesStatement($"CREATE OR REPLACE FUNCTION {function}()", new[]
        {
            "RETURNS trigger",
            "LANGUAGE plpgsql",
            "SET search_path = pg_catalog, pg_temp",
            "AS " + W.DollarQuoted(body, "fn"),
        });
        writer.Statement($"COMMENT ON FUNCTION {function}() IS {W.String("Sets the updated_at column of a changed row to the transaction time.")}");

        writer.BlankLine();
        foreach (var (table, column) in targets)
        {
            var argument = direct ? string.Empty : W.String(column.Name);
            writer.ClausesStatement($"CREATE OR REPLACE TRIGGER {W.Id(TriggerName)}", new[]
            {
                $"BEFORE UPDATE ON {W.Qualified(model.Schema, table.Name)}",
                "FOR EACH ROW",
                "WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                $"EXECUTE FUNCTION {function}({argument})",
            });
        }
    }
}
