using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Bench;

/// <summary>
/// The advisor beside Dexter (bench/index-vs-dexter.sh drives it): in-process time of a live advisor run on a database
/// that already exists (cold: the first run in the process, which pays for loading and JIT; warm: the median of the
/// next runs), split by the phase its progress callback names; and the relative workload cost of index sets, each
/// measured by <see cref="IndexWorkloadEvaluator"/>.
/// </summary>
internal static class IndexAdvisorTiming
{
    /// <summary>--index-time DATABASE WORKLOAD OUT.sql [RUNS]: times the advisor, writes its CREATE statements to OUT.sql.</summary>
    public static void Time(string database, string workloadPath, string output, int runs)
    {
        var connection = Connection(database);
        var statements = WorkloadFile.Read(workloadPath);
        IndexWorkloadEvaluator.Measure(connection, statements, Array.Empty<string>());
        var seconds = new List<double>();
        IndexAdvice? advice = null;
        var phases = new List<IReadOnlyDictionary<string, double>>();
        for (var run = 0; run <= Math.Max(1, runs); run++)
        {
            (advice, var s, var p) = Run(connection, statements);
            seconds.Add(s);
            phases.Add(p);
        }

        var warm = seconds.Skip(1).Order().ToList();
        Console.WriteLine(Invariant($"advisor in process: cold {seconds[0]:0.000} s, warm median {warm[warm.Count / 2]:0.000} s over {warm.Count} runs; {statements.Count} statements; {CountCommands(connection, statements)} commands (round trips) per run"));
        Console.WriteLine("| phase | cold ms | last warm ms |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, ms) in phases[0].OrderByDescending(p => p.Value))
        {
            Console.WriteLine(Invariant($"| {name} | {ms:0} | {phases[^1].GetValueOrDefault(name):0} |"));
        }

        foreach (var c in advice!.Selection.Chosen)
        {
            Console.WriteLine(Invariant($"  {c.Order}. {c.Candidate.Definition.Signature(DbArchitect.Core.Engines.EngineRegistry.Get("postgresql").IndexAdvice!.Spelling)}: saves {c.MarginalBenefit:0.#}"));
        }

        File.WriteAllLines(output, advice.Recommendations.Where(r => r.Action == RecommendationAction.Create).Select(r => r.Sql.Replace(" CONCURRENTLY", string.Empty, StringComparison.Ordinal)));
    }

    /// <summary>--index-eval DATABASE WORKLOAD NAME=FILE.sql …: the relative workload cost of each set of CREATE INDEX statements.</summary>
    public static void Evaluate(string database, string workloadPath, IReadOnlyList<string> sets)
    {
        var connection = Connection(database);
        var statements = WorkloadFile.Read(workloadPath);
        var none = IndexWorkloadEvaluator.Measure(connection, statements, Array.Empty<string>());
        Console.WriteLine("| index set | indexes | size MB | Σ weight × cost | relative cost |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| no secondary index | 0 | 0.0 | {none.WeightedCost:N0} | 1.000 |"));
        foreach (var set in sets)
        {
            var (name, file) = (set[..set.IndexOf('=', StringComparison.Ordinal)], set[(set.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var measured = IndexWorkloadEvaluator.Measure(connection, statements, File.ReadAllLines(file).Where(l => l.Trim().Length > 0).ToList());
            Console.WriteLine(Invariant($"| {name} | {measured.Indexes} | {measured.IndexBytes / 1048576.0:0.0} | {measured.WeightedCost:N0} | {measured.WeightedCost / none.WeightedCost:0.0000} |"));
        }

        IndexWorkloadEvaluator.Measure(connection, statements, Array.Empty<string>());
    }

    /// <summary>Operations Npgsql runs in one advisor run (a batch is one operation: one round trip), from its own metrics.</summary>
    private static long CountCommands(string connection, IReadOnlyList<WorkloadStatement> statements)
    {
        long commands = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref commands));
        listener.Start();
        Run(connection, statements);
        return commands;
    }

    private static (IndexAdvice Advice, double Seconds, IReadOnlyDictionary<string, double> Phases) Run(string connection, IReadOnlyList<WorkloadStatement> statements)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var last = 0.0;
        var phase = "open session";
        void Mark(string next)
        {
            var now = clock.Elapsed.TotalMilliseconds;
            phases[phase] = phases.GetValueOrDefault(phase) + now - last;
            last = now;
            phase = next;
        }

        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", connection));
        Mark("read catalog");
        var (advice, _) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = statements }, new IndexAdvisorOptions(), new List<string>(),
            (activity, _, _) => Mark(activity.StartsWith("Round", StringComparison.Ordinal) ? "greedy search" : activity.StartsWith("Planning", StringComparison.Ordinal) ? "plan statements" : activity.StartsWith("Costing", StringComparison.Ordinal) ? "cost workload as is" : activity));
        Mark("done");
        phases.Remove("done");
        return (advice, clock.Elapsed.TotalSeconds, phases);
    }

    private static string Connection(string database)
    {
        var server = Environment.GetEnvironmentVariable("DBARCHITECT_PG_CONNECTION") is { Length: > 0 } cs ? cs
            : "Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres";
        // No pooling: each run opens its own session as the cmdlet does in a fresh process.
        return new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
