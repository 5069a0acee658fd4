using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using Npgsql;

namespace DbArchitect.Bench;

/// <summary>
/// --capacity: designs each example, applies it to a scratch database on the server in DBARCHITECT_PG_CONNECTION (a
/// superuser), loads generated rows, runs VACUUM ANALYZE, and prints the forecast's error per table and index against
/// pg_relation_size.
/// </summary>
internal static class CapacityAccuracy
{
    public static void Run(string root, long maxRows)
    {
        var connection = Environment.GetEnvironmentVariable("DBARCHITECT_PG_CONNECTION") is { Length: > 0 } c
            ? c : "Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres";
        Console.WriteLine($"Capacity forecast accuracy — up to {maxRows:N0} generated rows per table, after VACUUM ANALYZE");
        Console.WriteLine();
        Console.WriteLine("| example | table | rows | heap forecast | heap actual | heap error | indexes forecast | indexes actual | index error |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var file in Directory.GetFiles(Path.Combine(root, "examples", "requirements"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var design = DesignEngine.Create(RequirementsReader.Load(file), "postgresql");
            var database = "dbarch_bench_" + Guid.NewGuid().ToString("N")[..8];
            Execute(connection, $"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'");
            try
            {
                var target = new NpgsqlConnectionStringBuilder(connection) { Database = database, Pooling = false }.ConnectionString;
                using var db = new NpgsqlConnection(target);
                db.Open();
                foreach (var script in new PostgreSqlScripts().Generate(design).Where(s => s.IsBuildStep))
                {
                    Run(db, script.Text);
                }

                Run(db, PostgreSqlSampleData.Script(design, SampleDataPlanner.Plan(design.Physical, maxRows)));
                Run(db, "VACUUM ANALYZE");
                var counts = design.Physical.Tables.ToDictionary(t => t.Name, t => (long)Scalar(db, $"SELECT count(*) FROM {Q(design, t.Name)}"), StringComparer.Ordinal);
                foreach (var table in new PostgreSqlCapacity().Measure(design.Physical, t => counts[t], TypicalValues.Default))
                {
                    var heap = (long)Scalar(db, $"SELECT pg_relation_size('{Q(design, table.Table).Replace("'", "''", StringComparison.Ordinal)}')");
                    var indexes = (long)Scalar(db, $"SELECT pg_indexes_size('{Q(design, table.Table).Replace("'", "''", StringComparison.Ordinal)}')");
                    var forecastIndexes = table.Indexes.Sum(i => i.Bytes);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {Path.GetFileNameWithoutExtension(file)} | {table.Table} | {counts[table.Table]:N0} | {table.HeapBytes:N0} | {heap:N0} | {Error(table.HeapBytes, heap)} | {forecastIndexes:N0} | {indexes:N0} | {Error(forecastIndexes, indexes)} |"));
                }
            }
            finally
            {
                Execute(connection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    private static readonly PostgreSqlIdentifiers Names = new();

    private static string Q(DbDesign design, string table) => Names.Quote(design.Physical.Schema) + "." + Names.Quote(table);

    private static string Error(long forecast, long actual) =>
        actual == 0 ? (forecast == 0 ? "0%" : "n/a") : ((forecast - actual) / (double)actual).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);

    private static void Execute(string connection, string sql)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        Run(db, sql);
    }

    private static void Run(NpgsqlConnection db, string sql)
    {
        using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 1800 };
        command.ExecuteNonQuery();
    }

    private static object Scalar(NpgsqlConnection db, string sql)
    {
        using var command = new NpgsqlCommand(sql, db);
        return command.ExecuteScalar()!;
    }
}
