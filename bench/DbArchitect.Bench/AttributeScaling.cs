using System.Diagnostics;
using System.Globalization;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Bench;

/// <summary>
/// Design time against the number of attributes (issue 13: it grew faster than the attribute count). Two shapes per
/// size: narrow entities of 50 attributes, and wide ones of 1,500 (PostgreSQL keeps at most 1,600 columns a table, so
/// one entity cannot hold 40,000). Reading is timed apart from DesignEngine.Create; medians of 5 runs after a warm-up.
/// </summary>
internal static class AttributeScaling
{
    private const int Runs = 7;

    public static void Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine($"Attribute scaling — {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, median of {Runs} runs after one warm-up");
        Console.WriteLine();
        Console.WriteLine("| attributes | per entity | entities | read ms | design ms | design µs per attribute |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        // Tiered JIT compiles the pipeline's hot paths only after several calls: warm it up on a mid-sized spec first, or
        // the first size measured pays for compilation.
        var warm = RequirementsReader.Read(Yaml(10_000, 500), "warm.yaml").Requirement!;
        for (var i = 0; i < 5; i++)
        {
            _ = DesignEngine.Create(warm);
        }

        // Narrow and wide entities at each size, then one entity growing to PostgreSQL's column limit.
        var shapes = new[] { 50, 1500 }.SelectMany(perEntity => sizes.Select(size => (size, perEntity)))
            .Concat(new[] { 200, 400, 800, 1550 }.Select(size => (size, perEntity: size)));
        foreach (var (size, perEntity) in shapes)
        {
            var yaml = Yaml(size, perEntity);
            var read = new List<double>();
            var design = new List<double>();
            for (var run = 0; run <= Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var result = RequirementsReader.Read(yaml, "bench.yaml");
                var requirement = result.Requirement ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
                var t1 = clock.Elapsed.TotalMilliseconds;
                _ = DesignEngine.Create(requirement);
                var t2 = clock.Elapsed.TotalMilliseconds;
                if (run > 0)
                {
                    read.Add(t1);
                    design.Add(t2 - t1);
                }
            }

            var entities = (size + perEntity - 1) / perEntity;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {perEntity:N0} | {entities:N0} | {Median(read):F0} | {Median(design):F0} | {Median(design) * 1000 / size:F1} |"));
        }
    }

    /// <summary><paramref name="attributes"/> attributes over entities of <paramref name="perEntity"/>, a one-to-many between neighbours.</summary>
    public static string Yaml(int attributes, int perEntity)
    {
        var text = new StringBuilder();
        text.AppendLine("format: 1");
        text.AppendLine("application: { name: Wide, kind: oltp }");
        text.AppendLine("engine: postgresql");
        text.AppendLine("entities:");
        var entities = (attributes + perEntity - 1) / perEntity;
        for (var e = 0; e < entities; e++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - name: wide_{e:D4}");
            text.AppendLine("    attributes:");
            var count = Math.Min(perEntity, attributes - (e * perEntity));
            for (var a = 0; a < count; a++)
            {
                var type = (a % 4) switch { 0 => "string(100)", 1 => "int", 2 => "timestamp", _ => "decimal(12,2)" };
                text.AppendLine(CultureInfo.InvariantCulture, $"      - {{ name: attribute_{a:D5}, type: \"{type}\" }}");
            }
        }

        text.AppendLine("relationships:");
        for (var e = 1; e < entities; e++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {{ from: wide_{e - 1:D4}, to: wide_{e:D4}, type: one-to-many, required: false }}");
        }

        return text.ToString();
    }

    private static double Median(List<double> values) => values.Order().ToArray()[values.Count / 2];
}
