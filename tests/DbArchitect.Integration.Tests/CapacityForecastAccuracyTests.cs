using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using Xunit.Abstractions;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The capacity forecast against the real thing: each example's schema is loaded with generated rows (up to 100,000 per
/// table, widths as the forecast assumes), vacuumed, and the forecast for the loaded row counts is compared with
/// pg_relation_size of each table and index. Tables of under 16 pages are compared too: the forecast counts whole pages.
/// </summary>
public sealed class CapacityForecastAccuracyTests(ITestOutputHelper output)
{
    private const double HeapTolerance = 0.15;
    private const double IndexTolerance = 0.25;

    /// <summary>The examples, and a text-heavy spec whose requirements state avgLength and nullShare for its columns.</summary>
    public static TheoryData<string> Examples() => new() { "ecommerce.yaml", "saas-projects.yaml", "iot-telemetry.yaml", "social-content.yaml", "tests/fixtures/capacity/stated-widths.yaml" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void ForecastOfLoadedRowsIsWithinToleranceOfTheMeasuredSizes(string example)
    {
        using var applied = new AppliedDesign(example);
        SampleLoad.Load(applied, 100_000);
        var measured = SampleLoad.Measure(applied);
        var forecast = new PostgreSqlCapacity().Measure(applied.Design.Physical, t => measured[t].Rows, TypicalValues.Default);
        var failures = new List<string>();
        foreach (var table in forecast)
        {
            var actual = measured[table.Table];
            var heapError = Error(table.HeapBytes, actual.Heap);
            var indexBytes = actual.Indexes.Values.Sum();
            var indexError = Error(table.Indexes.Sum(i => i.Bytes), indexBytes);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.Table}: {actual.Rows} rows; heap {table.HeapBytes} vs {actual.Heap} ({heapError:+0.0%;-0.0%}); indexes {table.Indexes.Sum(i => i.Bytes)} vs {indexBytes} ({indexError:+0.0%;-0.0%})"));
            foreach (var index in table.Indexes)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {index.Index} ({index.Method}): {index.Bytes} vs {actual.Indexes.GetValueOrDefault(index.Index)} ({Error(index.Bytes, actual.Indexes.GetValueOrDefault(index.Index)):+0.0%;-0.0%})"));
            }

            if (Math.Abs(heapError) > HeapTolerance)
            {
                failures.Add($"{table.Table} heap {heapError:P1}");
            }

            if (Math.Abs(indexError) > IndexTolerance)
            {
                failures.Add($"{table.Table} indexes {indexError:P1}");
            }
        }

        Assert.True(failures.Count == 0, "Forecast outside tolerance: " + string.Join("; ", failures));
    }

    private static double Error(long forecast, long actual) => actual == 0 ? (forecast == 0 ? 0 : 1) : (forecast - actual) / (double)actual;
}
