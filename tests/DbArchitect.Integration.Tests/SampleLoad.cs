using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>Loads generated sample rows into an applied design and measures what they occupy.</summary>
internal static class SampleLoad
{
    public static SampleDataPlan Load(AppliedDesign applied, long maxRows)
    {
        var plan = SampleDataPlanner.Plan(applied.Design.Physical, maxRows);
        using var db = applied.Database.Open();
        using (var load = new NpgsqlCommand(PostgreSqlSampleData.Script(applied.Design, plan), db) { CommandTimeout = 900 })
        {
            load.ExecuteNonQuery();
        }

        using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", db) { CommandTimeout = 900 };
        vacuum.ExecuteNonQuery();
        return plan;
    }

    /// <summary>Rows, heap bytes (main fork) and bytes of each index of each table, from the catalog.</summary>
    /// <summary>SQL for the bytes of a relation, summed over its partitions when it is partitioned.</summary>
    private static string Size(string relation) =>
        $"coalesce((SELECT sum(pg_relation_size(p.relid)) FROM pg_partition_tree({relation}) AS p), pg_relation_size({relation}))::bigint";

    public static Dictionary<string, (long Rows, long Heap, Dictionary<string, long> Indexes)> Measure(AppliedDesign applied)
    {
        using var db = applied.Database.Open();
        var result = new Dictionary<string, (long, long, Dictionary<string, long>)>(StringComparer.Ordinal);
        foreach (var table in applied.Design.Physical.Tables)
        {
            var rows = (long)AppliedDesign.Scalar(db, $"SELECT count(*) FROM {applied.Q(table)}")!;
            // A partitioned table (and its indexes) has no storage of its own: its size is the sum of its partitions'.
            var heap = (long)AppliedDesign.Scalar(db, $"SELECT {Size("'" + applied.Q(table).Replace("'", "''", StringComparison.Ordinal) + "'::regclass")}")!;
            var indexes = new Dictionary<string, long>(StringComparer.Ordinal);
            using var command = new NpgsqlCommand(
                $"SELECT c.relname, {Size("c.oid")} FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass", db);
            command.Parameters.AddWithValue(applied.Q(table));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes[reader.GetString(0)] = reader.GetInt64(1);
            }

            result[table.Name] = (rows, heap, indexes);
        }

        return result;
    }
}
