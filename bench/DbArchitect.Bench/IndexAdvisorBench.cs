using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Bench;

/// <summary>
/// The index advisor benchmark: a generated shop (bench/index-advisor/shop-schema.sql) and its 38-statement workload,
/// advised in several ways; every index set is built for real and measured by <see cref="IndexWorkloadEvaluator"/>.
/// Metric: relative workload cost = Σ weight × cost with the set ÷ the same with no secondary index.
/// </summary>
internal static class IndexAdvisorBench
{
    public static void Run(string root, double scale)
    {
        var server = Environment.GetEnvironmentVariable("DBARCHITECT_PG_CONNECTION") is { Length: > 0 } cs ? cs
            : "Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres";
        var folder = Path.Combine(root, "bench", "index-advisor");
        const string Database = "dbarch_bench_ixadvisor";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = Database, Pooling = false }.ConnectionString;
        Admin(server, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        Admin(server, $"CREATE DATABASE {Database} TEMPLATE template0 ENCODING 'UTF8'");
        try
        {
            var load = Stopwatch.StartNew();
            Psql(server, Database, Path.Combine(folder, "shop-schema.sql"), scale);
            Admin(connection, "CREATE EXTENSION hypopg");
            var rows = Scalar(connection, "SELECT sum(n_live_tup) FROM pg_stat_user_tables");
            var statements = WorkloadFile.Read(Path.Combine(folder, "workload.sql"));
            Console.WriteLine(FormattableString.Invariant($"Index advisor bench — scale {scale}, {rows:N0} rows in 6 tables (loaded in {load.Elapsed.TotalSeconds:0} s), {statements.Count} statements ({statements.Count(s => !s.Text.StartsWith("INSERT", StringComparison.Ordinal) && !s.Text.StartsWith("UPDATE", StringComparison.Ordinal) && !s.Text.StartsWith("DELETE", StringComparison.Ordinal))} reads)"));
            Console.WriteLine();
            var none = IndexWorkloadEvaluator.Measure(connection, statements, Array.Empty<string>());
            Console.WriteLine("| index set | indexes | size MB | Σ weight × cost | relative cost | advisor s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            Row("no secondary index", none, none, null);

            var (hypo, hypoSeconds, workload) = Advise(connection, statements, ValidationMode.WhatIf, null);
            var (heuristic, heuristicSeconds, _) = Advise(connection, statements, ValidationMode.None, null);
            var (budget, budgetSeconds, _) = Advise(connection, statements, ValidationMode.WhatIf, 5);
            var naive = workload.Queries.SelectMany(q => q.Scans).SelectMany(s => s.Predicates.Where(p => p.Function == KeyFunction.None && p.Operator != PredicateOperator.InfixLike && p.Operator != PredicateOperator.JsonContains).Select(p => (s.Table, p.Column)))
                .Distinct().Where(t => !IsPrimaryKey(t.Table, t.Column)).OrderBy(t => t.Table, StringComparer.Ordinal).ThenBy(t => t.Column, StringComparer.Ordinal)
                .Select(t => $"CREATE INDEX ON {t.Table} ({t.Column})").ToList();
            Row("naive: one index per filtered or joined column", IndexWorkloadEvaluator.Measure(connection, statements, naive), none, null);
            Row("advisor, heuristic costs (-Validate None)", IndexWorkloadEvaluator.Measure(connection, statements, Creates(heuristic)), none, heuristicSeconds);
            Row("advisor, HypoPG what-if (default)", IndexWorkloadEvaluator.Measure(connection, statements, Creates(hypo)), none, hypoSeconds);
            Row("advisor, HypoPG, -MaxIndexes 5", IndexWorkloadEvaluator.Measure(connection, statements, Creates(budget)), none, budgetSeconds);
            Console.WriteLine();
            Console.WriteLine("Advisor (HypoPG) recommendations:");
            foreach (var r in hypo.Recommendations)
            {
                Console.WriteLine(FormattableString.Invariant($"- {r.Action} {r.Table} ({string.Join(", ", r.Columns)}){(r.Include.Count > 0 ? " include (" + string.Join(", ", r.Include) + ")" : string.Empty)}{(r.Predicate is null ? string.Empty : " where " + r.Predicate)} [{r.Rule}; {r.Confidence}; {r.BenefitPercent}%]"));
            }
        }
        finally
        {
            Admin(server, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        }
    }

    private static bool IsPrimaryKey(string table, string column) => column == "id" || (table == "order_item" && column == "order_id");

    private static List<string> Creates(IndexAdvice advice) =>
        advice.Recommendations.Where(r => r.Action == RecommendationAction.Create).Select(r => r.Sql).ToList();

    private static (IndexAdvice Advice, double Seconds, Workload Workload) Advise(string connection, IReadOnlyList<WorkloadStatement> statements, ValidationMode mode, int? maxIndexes)
    {
        var clock = Stopwatch.StartNew();
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", connection), new LiveSessionOptions { StatementTimeout = TimeSpan.FromMinutes(5) });
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = statements, Validate = mode },
            new IndexAdvisorOptions { Budget = new SelectionBudget(maxIndexes, null) }, notes, null);
        return (advice, clock.Elapsed.TotalSeconds, workload);
    }

    private static void Row(string name, IndexWorkloadEvaluator.Measured set, IndexWorkloadEvaluator.Measured none, double? seconds) =>
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {set.Indexes} | {set.IndexBytes / 1048576.0:0.0} | {set.WeightedCost:N0} | {set.WeightedCost / none.WeightedCost:0.000} | {(seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–")} |"));

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Psql(string server, string database, string file, double scale)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        var start = new ProcessStartInfo("psql") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", "scale=" + scale.ToString(CultureInfo.InvariantCulture), "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", database, "-f", file })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGPASSWORD"] = builder.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("psql failed: " + error.Result);
        }
    }
}
