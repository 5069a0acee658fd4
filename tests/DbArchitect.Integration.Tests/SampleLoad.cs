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
    public static Dictionary<string, (long Rows, long Heap, Dictionary<string, long> Indexes)> Measure(AppliedDesign applied)
    {
        using var db = applied.Database.Open();
        var result = new Dictionary<string, (long, long, Dictionary<string, long>)>(StringComparer.Ordinal);
        foreach (var table in applied.Design.Physical.Tables)
        {
            var rows = (long)AppliedDesign.Scalar(db, $"SELECT count(*) FROM {applied.Q(table)}")!;
            var heap = (long)AppliedDesign.Scalar(db, $"SELECT pg_relation_size('{applied.Q(table).Replace("'", "''", StringComparison.Ordinal)}')")!;
            var indexes = new Dictionary<string, long>(StringComparer.Ordinal);
            using var command = new NpgsqlCommand(
                "SELECT c.relname, pg_relation_size(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass", db);
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
