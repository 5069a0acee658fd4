using System.Diagnostics;
using System.Globalization;
using DbArchitect.Bench;
using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

// Usage: dotnet run -c Release --project bench/DbArchitect.Bench [-- sizes...]
// Measures read (YAML → requirement), design, and export (files written to a temp folder) for synthetic specs,
// median of several runs after a warm-up, and prints a Markdown table for bench/README.md.
// Modes that measure one area each; they read fixtures from the repository, found by walking up to the solution file.
switch (args.Length > 0 ? args[0] : string.Empty)
{
    case "--capacity":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --capacity [maxRowsPerTable]
        CapacityAccuracy.Run(RepositoryRoot(), args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
        return;
    case "--lint":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --lint [statements...]
        LintBench.Run(RepositoryRoot(), args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : new[] { 1_000, 10_000 });
        return;
    case "--index":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --index [scale]   (scale 1: 300,000 orders)
        IndexAdvisorBench.Run(RepositoryRoot(), args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1);
        return;
    case "--index-time":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --index-time DATABASE WORKLOAD OUT.sql [runs]  (bench/index-vs-dexter.sh)
        IndexAdvisorTiming.Time(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5);
        return;
    case "--index-eval":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --index-eval DATABASE WORKLOAD NAME=SET.sql ...
        IndexAdvisorTiming.Evaluate(args[1], args[2], args.Skip(3).ToList());
        return;
    case "--attributes":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --attributes [sizes...]
        AttributeScaling.Run(args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : new[] { 5_000, 10_000, 20_000, 40_000 });
        return;
    case "--export":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --export ENTITIES FOLDER   (the design folder, to compare builds byte for byte)
        var specPath = Path.Combine(Path.GetTempPath(), $"dbarch-bench-{args[1]}.yaml");
        File.WriteAllText(specPath, SpecGenerator.Yaml(int.Parse(args[1], CultureInfo.InvariantCulture)));
        DesignExporter.Export(DesignEngine.Create(RequirementsReader.Load(specPath)), args[2], force: true);
        return;
    case "--health":
        // dotnet run -c Release --project bench/DbArchitect.Bench -- --health [tables]
        HealthBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
        return;
}

// --runs N (first) changes the number of measured runs; the other arguments are sizes.
var Runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var sizeArgs = args.Length > 1 && args[0] == "--runs" ? args[2..] : args;
var sizes = sizeArgs.Length > 0 ? sizeArgs.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : new[] { 250, 500, 1000, 2000 };
Console.WriteLine($"DbArchitect.Bench — {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, median of {Runs} runs after one warm-up");
Console.WriteLine();
// The last columns are the process's CPU time (all threads, GC included; the least of the runs, since contention for the
// CPUs only ever adds to it) and the bytes allocated per phase (the median; they do not depend on the load): on a shared
// machine wall clock is mostly waiting. Then the time the runtime stopped the threads for garbage collection in a run.
Console.WriteLine("| entities | tables | indexes | files | bytes | read ms | design ms | export ms | total ms | µs per entity | least CPU ms read / design / export | MB allocated read / design / export | GC pause ms |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    var yaml = SpecGenerator.Yaml(size);
    var path = Path.Combine(Path.GetTempPath(), $"dbarch-bench-{size}.yaml");
    File.WriteAllText(path, yaml);
    var read = new List<double>();
    var design = new List<double>();
    var export = new List<double>();
    var cpu = new[] { new List<double>(), new List<double>(), new List<double>() };
    var allocated = new[] { new List<double>(), new List<double>(), new List<double>() };
    var paused = new List<double>();
    DbDesign? last = null;
    ExportResult? written = null;
    long bytes = 0;
    for (var run = 0; run <= Runs; run++)
    {
        // The previous run's design and result are garbage before this one starts (peak memory is one design's).
        (last, written) = (null, null);
        var c0 = CpuMilliseconds();
        var a0 = AllocatedMegabytes();
        var p0 = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var requirement = RequirementsReader.Load(path);
        var t1 = clock.Elapsed.TotalMilliseconds;
        var c1 = CpuMilliseconds();
        var a1 = AllocatedMegabytes();
        last = DesignEngine.Create(requirement);
        var t2 = clock.Elapsed.TotalMilliseconds;
        var c2 = CpuMilliseconds();
        var a2 = AllocatedMegabytes();
        var folder = Path.Combine(Path.GetTempPath(), $"dbarch-bench-out-{size}-{run}");
        written = DesignExporter.Export(last, folder, force: true);
        var t3 = clock.Elapsed.TotalMilliseconds;
        var c3 = CpuMilliseconds();
        var a3 = AllocatedMegabytes();
        bytes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != ".dbarchitect-export")
            .Sum(f => new FileInfo(f).Length);
        Directory.Delete(folder, recursive: true);
        if (run > 0)
        {
            read.Add(t1);
            design.Add(t2 - t1);
            export.Add(t3 - t2);
            cpu[0].Add(c1 - c0);
            cpu[1].Add(c2 - c1);
            cpu[2].Add(c3 - c2);
            allocated[0].Add(a1 - a0);
            allocated[1].Add(a2 - a1);
            allocated[2].Add(a3 - a2);
            paused.Add((GC.GetTotalPauseDuration() - p0).TotalMilliseconds);
        }
    }

    var total = Median(read) + Median(design) + Median(export);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {size} | {last!.TableCount} | {last.IndexCount} | {written!.FileCount} | {bytes:N0} | {Median(read):F0} | {Median(design):F0} | {Median(export):F0} | {total:F0} | {total * 1000 / size:F0} | {cpu[0].Min():F0} / {cpu[1].Min():F0} / {cpu[2].Min():F0} | {Median(allocated[0]):F0} / {Median(allocated[1]):F0} / {Median(allocated[2]):F0} | {Median(paused):F0} |"));
}

static double CpuMilliseconds()
{
    using var self = Process.GetCurrentProcess();
    return self.TotalProcessorTime.TotalMilliseconds;
}

// All threads' allocations, precise: the phases are sequential, so the differences are each phase's own.
static double AllocatedMegabytes() => GC.GetTotalAllocatedBytes(precise: true) / (1024.0 * 1024.0);

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static string RepositoryRoot()
{
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "DbArchitect.PS.sln")))
    {
        root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found.");
    }

    return root;
}
