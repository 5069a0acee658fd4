using System.Text.Json;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The proof of the query templates, as the application runs them: each example applied, loaded with generated rows
/// and, in a multi-tenant design, skewed so one hot tenant holds half of every tenant table's rows. The session then
/// becomes the design's app role (SET ROLE, so row-level security applies as it does in production), prepares
/// queries/access_patterns.sql (so the file runs) and executes every statement — the first page of each access
/// pattern, and the next page of keyset patterns — for the hot and a typical tenant, under custom and generic plans,
/// with values taken from that tenant's rows. auto_explain reports every plan, those inside the tenant query
/// functions included. Each plan must read the index the design built for that pattern, never scan the pattern's table
/// sequentially, seek by the pattern's own predicates (not the tenant alone), and never sort a keyset page whose index
/// gives the order.
/// </summary>
public sealed class QueryPlanTests
{
    /// <summary>
    /// Rows per table. Enough that a sequential scan of the big tables costs more than a seek, and that the BRIN index
    /// of a time range covers many block ranges (128 pages each) so the range excludes most of them.
    /// </summary>
    private const long RowsPerTable = 100_000;

    public static TheoryData<string> Examples => new() { "ecommerce.yaml", "saas-projects.yaml", "crm-deals.yaml", "iot-telemetry.yaml", "social-content.yaml" };

    private static readonly string[] IndexNodes = { "Index Scan", "Index Only Scan", "Bitmap Index Scan" };

    private static readonly string[] PlanModes = { "force_custom_plan", "force_generic_plan" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryAccessPatternQueryUsesTheIndexTheDesignBuiltForItAsTheApplication(string example)
    {
        using var applied = new AppliedDesign(example);
        SampleLoad.Load(applied, RowsPerTable);
        var design = applied.Design;
        Assert.NotEmpty(design.QueryTemplates);
        var tenants = SkewTenants(applied);

        using var db = applied.Database.Open();
        var plans = new List<string>();
        db.Notice += (_, e) =>
        {
            var text = e.Notice.MessageText;
            var start = text.IndexOf("plan:", StringComparison.Ordinal);
            if (start >= 0)
            {
                plans.Add(text[(start + "plan:".Length)..].Trim());
            }
        };

        // auto_explain's settings are superuser-only; they stay for the session after SET ROLE.
        AppliedDesign.Execute(db, "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; "
            + "SET auto_explain.log_format = json; SET auto_explain.log_level = notice");
        var app = design.Security.Roles.Single(r => r.Name == design.Physical.Schema + "_app").Name;
        AppliedDesign.Execute(db, $"SET ROLE {applied.Quote(app)}");
        var file = EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.Kind == ScriptKind.Queries);
        AppliedDesign.Execute(db, file.Text);
        var (parents, empty) = Partitions(db);

        var failures = new List<string>();
        foreach (var (tenantLabel, tenant) in tenants)
        {
            if (tenant is not null)
            {
                AppliedDesign.Execute(db, $"SET app.tenant_id = '{tenant}'");
            }

            foreach (var mode in PlanModes)
            {
                AppliedDesign.Execute(db, $"SET plan_cache_mode = {mode}");
                foreach (var template in design.QueryTemplates)
                {
                    Assert.NotEqual(QueryShape.Skipped, template.Shape);
                    Assert.NotEmpty(template.ServingIndexes);
                    var table = design.Physical.FindTable(template.Table!)!;
                    foreach (var statement in template.Statements)
                    {
                        var arguments = Arguments(applied, db, table, template, statement, tenant);
                        plans.Clear();
                        AppliedDesign.Execute(db, $"EXECUTE {applied.Quote(statement.Name)}({string.Join(", ", arguments)})");
                        var limit = design.Requirement.AccessPatterns.First(p => p.Name == template.AccessPattern).Limit;
                        var problems = Problems(plans, parents, empty, template, statement, table, limit).ToList();
                        if (problems.Count > 0)
                        {
                            failures.Add($"{template.AccessPattern} ({statement.Name}, {tenantLabel} tenant, {mode}): {string.Join("; ", problems)}\n{statement.Sql}\nargs: {string.Join(", ", arguments)}\n{string.Join("\n", plans)}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>
    /// What is wrong with the plans of one execution: the serving index unread, the table scanned, or a page sorted
    /// that the index delivers in order (a sort of no more rows than the page holds saves the index nothing, as when a
    /// cursor is near the end of the data).
    /// </summary>
    private static IEnumerable<string> Problems(IReadOnlyList<string> plans, IReadOnlyDictionary<string, string> parents, IReadOnlySet<string> empty, QueryTemplate template, QueryStatement statement, Table table, int? limit)
    {
        if (plans.Count == 0)
        {
            yield return "auto_explain reported no plan";
            yield break;
        }

        // A partitioned table's plan reads its partitions and their indexes: name them as the design does.
        string? Parent(string? name) => name is not null && parents.TryGetValue(name, out var parent) ? parent : name;
        // Reading an empty partition (the days ahead that maintenance created, when the rows are older) costs nothing
        // whichever way it is read, so only partitions with rows count.
        var nodes = plans.SelectMany(Nodes).Where(n => n.Relation is null || !empty.Contains(n.Relation))
            .Select(n => (n.Type, Index: Parent(n.Index), Relation: Parent(n.Relation), n.Rows, n.Condition)).ToList();
        var used = nodes.Where(n => IndexNodes.Contains(n.Type) && n.Index is not null).Select(n => n.Index!).ToList();
        foreach (var missing in template.ServingIndexes.Where(i => !used.Contains(i)))
        {
            yield return $"expected {missing}, plan used [{string.Join(", ", used)}]";
        }

        // Read, and read by the pattern's own predicates: an index that only seeks the tenant reads the whole tenant.
        var constrained = statement.Parameters.Where(p => p.Kind is QueryParameterKind.Equals or QueryParameterKind.Contains or QueryParameterKind.SearchTerm)
            .Select(p => p.Column).ToHashSet(StringComparer.Ordinal);
        foreach (var index in table.Indexes.Where(i => template.ServingIndexes.Contains(i.Name) && used.Contains(i.Name)))
        {
            var keyed = index.Keys.SelectMany(k => k.Column is { } c ? new[] { c } : k.Expression!.Columns.Take(1)).Where(constrained.Contains).ToList();
            var conditions = nodes.Where(n => n.Index == index.Name).Select(n => n.Condition ?? string.Empty).ToList();
            foreach (var column in keyed.Where(c => !conditions.Any(condition => condition.Contains(c, StringComparison.Ordinal))))
            {
                yield return $"{index.Name} does not seek {column} (Index Cond: {string.Join(" | ", conditions)})";
            }
        }

        if (nodes.Any(n => n.Type == "Seq Scan" && n.Relation == table.Name))
        {
            yield return $"Seq Scan on {table.Name}";
        }

        // A page stops after its limit only when the index delivers the order; an unlimited range may rightly be read
        // as a bitmap and sorted.
        if (template.Shape == QueryShape.KeysetPage
            && nodes.FirstOrDefault(n => n.Type is "Sort" or "Incremental Sort" && (limit is null || n.Rows > limit)) is { Type: not null } sort)
        {
            yield return $"{sort.Type} of {sort.Rows} rows although the index gives the order";
        }
    }

    /// <summary>
    /// In a multi-tenant design, moves the first half of the tenants' rows into the first tenant (so it holds half of
    /// every tenant table) and returns that hot tenant and the last, typical one; a single-tenant design has no tenant.
    /// Whole tenants move, so every reference stays inside its tenant; triggers (foreign-key checks included) are off
    /// while they do, because parents and children change in separate statements.
    /// </summary>
    private static IReadOnlyList<(string Label, string? Tenant)> SkewTenants(AppliedDesign applied)
    {
        var tenantTable = applied.Design.Physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Tenant);
        if (tenantTable is null)
        {
            return new (string, string?)[] { ("no", null) };
        }

        using var db = applied.Database.Open();
        var key = applied.Quote(tenantTable.PrimaryKey.Columns.Single());
        var ids = new List<string>();
        using (var command = new NpgsqlCommand($"SELECT {key}::text FROM {applied.Q(tenantTable)} ORDER BY {key}", db))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        Assert.True(ids.Count >= 4, $"the sample has {ids.Count} tenants; the skew needs at least 4");
        var hot = ids[0];
        var merged = string.Join(", ", ids.Skip(1).Take(ids.Count / 2 - 1).Select(i => "'" + i + "'"));
        AppliedDesign.Execute(db, "SET session_replication_role = replica");
        foreach (var table in applied.Design.Physical.Tables)
        {
            if (table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
            {
                var column = applied.Quote(tenant.Name);
                using var move = new NpgsqlCommand($"UPDATE {applied.Q(table)} SET {column} = '{hot}' WHERE {column}::text IN ({merged})", db) { CommandTimeout = 600 };
                move.ExecuteNonQuery();
            }
        }

        AppliedDesign.Execute(db, "RESET session_replication_role");
        using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE", db) { CommandTimeout = 900 })
        {
            vacuum.ExecuteNonQuery();
        }

        return new (string, string?)[] { ("hot", hot), ("typical", ids[^1]) };
    }

    /// <summary>
    /// Representative values: equality, containment, search and cursor values from one loaded row (so they match), ranges
    /// covering the middle 1% of the column's values (a selective window, as a dashboard asks).
    /// </summary>
    private static List<string> Arguments(AppliedDesign applied, NpgsqlConnection db, Table table, QueryTemplate template, QueryStatement statement, string? tenant)
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
                $"SELECT {string.Join(", ", expressions)} FROM {applied.Q(table)} AS r WHERE {string.Join(" AND ", conditions)} "
                + $"LIMIT 1 OFFSET least(97, (SELECT count(*) - 1 FROM {applied.Q(table)} AS r WHERE {string.Join(" AND ", conditions)}))", db);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read(), $"{template.AccessPattern}: no loaded row of {table.Name} (tenant {tenant ?? "-"}) has values for its parameters.");
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

    /// <summary>
    /// Partition → partitioned table and partition index → the design's index it was created from, and the partitions
    /// that hold no rows after the load (by the statistics VACUUM ANALYZE left).
    /// </summary>
    private static (Dictionary<string, string> Parents, HashSet<string> Empty) Partitions(NpgsqlConnection db)
    {
        using var command = new NpgsqlCommand(
            "SELECT c.relname, p.relname, c.relkind = 'r' AND c.relpages = 0 FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid JOIN pg_class AS p ON p.oid = i.inhparent", db);
        using var reader = command.ExecuteReader();
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var empty = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            parents[reader.GetString(0)] = reader.GetString(1);
            if (reader.GetBoolean(2))
            {
                empty.Add(reader.GetString(0));
            }
        }

        return (parents, empty);
    }

    /// <summary>Every node of one auto_explain plan (JSON): its type, the index it reads, the table it scans and its estimated rows and index condition.</summary>
    private static IEnumerable<(string Type, string? Index, string? Relation, double Rows, string? Condition)> Nodes(string planJson)
    {
        using var document = JsonDocument.Parse(planJson);
        var found = new List<(string, string?, string?, double, string?)>();
        void Walk(JsonElement node)
        {
            found.Add((node.GetProperty("Node Type").GetString()!, 
                node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
                node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
                node.GetProperty("Plan Rows").GetDouble(),
                node.TryGetProperty("Index Cond", out var condition) ? condition.GetString() : null));
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        Walk(document.RootElement.GetProperty("Plan"));
        return found;
    }
}
