using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Bench;

/// <summary>
/// The PostgreSQL health run on a database of N tables (issue 7: "within a few seconds on 10,000 tables"). Creates a
/// scratch database on the test server (DBARCHITECT_PG_CONNECTION or the default test login), N tables of 10 rows each
/// chained by foreign keys (every second one indexed, so half are findings), analyzes them, runs every check three
/// times after a warm-up and prints the median total and the slowest checks, then drops the database.
/// </summary>
internal static class HealthBench
{
    public static void Run(int tables)
    {
        var server = Environment.GetEnvironmentVariable("DBARCHITECT_PG_CONNECTION") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres";
        var name = "dbarch_healthbench_" + Guid.NewGuid().ToString("N")[..8];
        Execute(server, $"CREATE DATABASE {name} TEMPLATE template0");
        try
        {
            var database = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false, CommandTimeout = 0 }.ConnectionString;
            var build = Stopwatch.StartNew();
            for (var start = 1; start <= tables; start += 500)
            {
                var end = Math.Min(tables, start + 499);
                Execute(database, string.Create(CultureInfo.InvariantCulture, $$"""
                    DO $$ BEGIN
                      FOR i IN {{start}}..{{end}} LOOP
                        EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, parent_id int %s, v text)', i,
                                       CASE WHEN i > 1 THEN format('REFERENCES t%s (id)', i - 1) ELSE '' END);
                        IF i % 2 = 0 THEN EXECUTE format('CREATE INDEX t%s_parent_idx ON t%s (parent_id)', i, i); END IF;
                        EXECUTE format('INSERT INTO t%s SELECT g, NULL, md5(g::text) FROM generate_series(1, 10) g', i);
                      END LOOP;
                    END $$
                    """));
            }

            Execute(database, "ANALYZE");
            Console.WriteLine($"Built {tables} tables ({2 * tables - tables / 2} indexes, {tables - 1} foreign keys) in {build.Elapsed.TotalSeconds:0.0} s.");

            var target = LiveTarget.FromConnectionString("postgresql", database);
            IReadOnlyList<HealthCheckResult> results = Array.Empty<HealthCheckResult>();
            var totals = new List<double>();
            for (var run = 0; run < 4; run++)
            {
                var clock = Stopwatch.StartNew();
                using var session = LiveSession.Open(target);
                results = HealthCheckRunner.Run(session, new HealthRunOptions());
                if (run > 0)
                {
                    totals.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            totals.Sort();
            var checks = results.GroupBy(r => r.CheckId).Select(g => (Id: g.Key, Ms: g.First().Duration.TotalMilliseconds, Rows: g.Count())).ToList();
            Console.WriteLine($"| tables | checks | result rows | findings | errors | median total ms (3 runs) |");
            Console.WriteLine($"|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {tables} | {checks.Count} | {results.Count} | {results.Count(r => r.Status is HealthStatus.Info or HealthStatus.Warning or HealthStatus.Critical)} | {results.Count(r => r.Status == HealthStatus.Error)} | {totals[totals.Count / 2]:0} |");
            Console.WriteLine();
            Console.WriteLine("Slowest checks (last run): " + string.Join(", ", checks.OrderByDescending(c => c.Ms).Take(6).Select(c => $"{c.Id} {c.Ms:0} ms ({c.Rows} rows)")));
            foreach (var error in results.Where(r => r.Status == HealthStatus.Error))
            {
                Console.WriteLine($"ERROR {error.CheckId}: {error.Message}");
            }
        }
        finally
        {
            Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}
