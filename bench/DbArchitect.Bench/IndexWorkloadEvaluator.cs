using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Indexing;
using Npgsql;

namespace DbArchitect.Bench;

/// <summary>
/// The one evaluator every index set is measured with (the benchmark and the integration tests share this file):
/// drop every index that does not back a constraint, build the set for real, ANALYZE, and sum weight × the planner's
/// total cost of each statement's generic plan (PREPARE, then EXPLAIN EXECUTE with NULLs under
/// plan_cache_mode = force_generic_plan). Nothing is executed but DDL and ANALYZE.
/// </summary>
internal static class IndexWorkloadEvaluator
{
    public sealed record Measured(double WeightedCost, IReadOnlyDictionary<string, double> PerStatement, int Indexes, long IndexBytes);

    private const string AdvisedIndexes = """
        SELECT format('%I.%I', n.nspname, c.relname) AS name, pg_relation_size(c.oid) AS bytes
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        """;

    public static Measured Measure(string connectionString, IReadOnlyList<WorkloadStatement> statements, IReadOnlyList<string> createIndexSql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var (name, _) in Indexes(connection))
        {
            Execute(connection, "DROP INDEX " + name);
        }

        foreach (var sql in createIndexSql)
        {
            Execute(connection, sql);
        }

        Execute(connection, "ANALYZE");
        Execute(connection, "SET plan_cache_mode = force_generic_plan");
        var costs = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var statement in statements)
        {
            Execute(connection, "PREPARE bench_stmt AS " + statement.Text);
            using (var count = new NpgsqlCommand("SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = 'bench_stmt'", connection))
            {
                var parameters = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                var args = parameters == 0 ? string.Empty : "(" + string.Join(", ", Enumerable.Repeat("NULL", parameters)) + ")";
                using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) EXECUTE bench_stmt" + args, connection);
                using var plan = JsonDocument.Parse((string)explain.ExecuteScalar()!);
                var cost = plan.RootElement[0].GetProperty("Plan").GetProperty("Total Cost").GetDouble();
                costs[statement.Id] = cost;
                total += statement.Weight * cost;
            }

            Execute(connection, "DEALLOCATE bench_stmt");
        }

        var built = Indexes(connection);
        return new Measured(total, costs, built.Count, built.Sum(b => b.Bytes));
    }

    private static List<(string Name, long Bytes)> Indexes(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(AdvisedIndexes, connection);
        using var reader = command.ExecuteReader();
        var list = new List<(string, long)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }
}
