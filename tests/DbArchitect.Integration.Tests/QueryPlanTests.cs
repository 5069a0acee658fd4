using System.Text.Json;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The proof of the query templates: each example applied, loaded with generated rows and analyzed; then every
/// statement of queries/access_patterns.sql is prepared (so the file runs) and explained — the first page of each
/// access pattern, and the next page of keyset patterns — with values taken from the loaded rows. The plan must read the index the design built for
/// that pattern.
/// </summary>
public sealed class QueryPlanTests
{
    /// <summary>
    /// Rows per table. Enough that a sequential scan of the big tables costs more than a seek, and that the BRIN index
    /// of a time range covers many block ranges (128 pages each) so the range excludes most of them.
    /// </summary>
    private const long RowsPerTable = 100_000;

    public static TheoryData<string> Examples => new() { "ecommerce.yaml", "saas-projects.yaml", "iot-telemetry.yaml", "social-content.yaml" };

    private static readonly string[] IndexNodes = { "Index Scan", "Index Only Scan", "Bitmap Index Scan" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryAccessPatternQueryUsesTheIndexTheDesignBuiltForIt(string example)
    {
        using var applied = new AppliedDesign(example);
        SampleLoad.Load(applied, RowsPerTable);
        var design = applied.Design;
        Assert.NotEmpty(design.QueryTemplates);

        // The whole file runs: every template is prepared against the real schema. The session is the test's
        // superuser, which bypasses row-level security; the templates carry the tenant predicate themselves, so
        // the index's leading tenant column is used whatever role runs them.
        using var db = applied.Database.Open();
        var file = EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.Kind == ScriptKind.Queries);
        AppliedDesign.Execute(db, file.Text);

        var failures = new List<string>();
        foreach (var template in design.QueryTemplates)
        {
            Assert.NotEqual(QueryShape.Skipped, template.Shape);
            Assert.NotEmpty(template.ServingIndexes);
            var table = design.Physical.FindTable(template.Table!)!;
            // The first page, and for keyset patterns the next page too (its cursor must seek, not filter a scan).
            foreach (var statement in template.Statements)
            {
                var arguments = Arguments(applied, db, table, template, statement);
                var plan = Explain(db, $"EXPLAIN (FORMAT JSON) EXECUTE {applied.Quote(statement.Name)}({string.Join(", ", arguments)})");
                var used = IndexesUsed(plan).Select(i => ParentIndex(db, i)).ToList();
                if (template.ServingIndexes.Any(i => !used.Contains(i)))
                {
                    failures.Add($"{template.AccessPattern} ({statement.Name}): expected {string.Join(", ", template.ServingIndexes)}, plan used [{string.Join(", ", used)}]\n{statement.Sql}\nargs: {string.Join(", ", arguments)}\n{plan}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>
    /// Representative values: equality, containment, search and cursor values from one loaded row (so they match), ranges
    /// covering the middle 1% of the column's values (a selective window, as a dashboard asks).
    /// </summary>
    private static List<string> Arguments(AppliedDesign applied, NpgsqlConnection db, Table table, QueryTemplate template, QueryStatement statement)
    {
        string Col(string name) => "r." + applied.Quote(name);
        var rowParameters = statement.Parameters.Where(p => p.Kind is not (QueryParameterKind.RangeStart or QueryParameterKind.RangeEnd)).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rowParameters.Count > 0)
        {
            var expressions = rowParameters.Select(p => p.Kind switch
            {
                QueryParameterKind.Contains => $"(SELECT jsonb_build_object(key, value) FROM jsonb_each({Col(p.Column)}) LIMIT 1)::text",
                QueryParameterKind.SearchTerm when template.Shape == QueryShape.FullTextSearch => $"split_part({Col(p.Column)}::text, ' ', 1)",
                _ => $"{Col(p.Column)}::text",
            });
            var conditions = rowParameters.Select(p => $"{Col(p.Column)} IS NOT NULL").Distinct().ToList();
            conditions.AddRange(table.Columns.Where(c => c.Role == ColumnRole.DeletedAt).Select(c => $"{Col(c.Name)} IS NULL"));
            using var command = new NpgsqlCommand(
                $"SELECT {string.Join(", ", expressions)} FROM {applied.Q(table)} AS r WHERE {string.Join(" AND ", conditions)} LIMIT 1 OFFSET 97", db);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read(), $"{template.AccessPattern}: no loaded row of {table.Name} has values for its parameters.");
            for (var i = 0; i < rowParameters.Count; i++)
            {
                values[rowParameters[i].Placeholder] = reader.GetString(i);
            }
        }

        foreach (var range in statement.Parameters.Where(p => p.Kind == QueryParameterKind.RangeStart))
        {
            var end = statement.Parameters.Single(p => p.Kind == QueryParameterKind.RangeEnd && p.Column == range.Column);
            using var command = new NpgsqlCommand(
                $"SELECT (percentile_disc(0.50) WITHIN GROUP (ORDER BY {Col(range.Column)}))::text, (percentile_disc(0.51) WITHIN GROUP (ORDER BY {Col(range.Column)}))::text FROM {applied.Q(table)} AS r", db);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            values[range.Placeholder] = reader.GetString(0);
            values[end.Placeholder] = reader.GetString(1);
        }

        return statement.Parameters.Select(p => "'" + values[p.Placeholder].Replace("'", "''", StringComparison.Ordinal) + "'::" + p.NativeType).ToList();
    }

    private static string Explain(NpgsqlConnection db, string sql)
    {
        using var command = new NpgsqlCommand(sql, db);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The index a partition's index was created from (the design's index on the partitioned table), or the index itself.</summary>
    private static string ParentIndex(NpgsqlConnection db, string index)
    {
        using var command = new NpgsqlCommand(
            "SELECT coalesce((SELECT p.relname FROM pg_inherits AS i JOIN pg_class AS p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid), c.relname) FROM pg_class AS c WHERE c.relname = @name AND c.relkind IN ('i', 'I')", db);
        command.Parameters.AddWithValue("name", index);
        return command.ExecuteScalar() as string ?? index;
    }

    /// <summary>Names of the indexes read by index, index-only and bitmap index scans anywhere in the plan.</summary>
    private static IEnumerable<string> IndexesUsed(string planJson)
    {
        using var document = JsonDocument.Parse(planJson);
        var found = new List<string>();
        void Walk(JsonElement node)
        {
            if (node.TryGetProperty("Node Type", out var type) && IndexNodes.Contains(type.GetString())
                && node.TryGetProperty("Index Name", out var name))
            {
                found.Add(name.GetString()!);
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        foreach (var root in document.RootElement.EnumerateArray())
        {
            Walk(root.GetProperty("Plan"));
        }

        return found;
    }
}
