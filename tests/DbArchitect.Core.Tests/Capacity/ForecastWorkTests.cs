using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Capacity;

/// <summary>The forecast lays each table out once for its four horizons, and that gives the sizes of measuring each alone.</summary>
public sealed class ForecastWorkTests
{
    [Fact]
    public void TheForecastAsksTheCapacityModelOnceForAllFourHorizons()
    {
        var physical = DesignEngine.Create(Shop()).Physical;
        var model = new CountingModel(new PostgreSqlCapacity());

        var forecast = CapacityForecaster.Forecast(physical, new Retention(2, RetentionUnit.Year), "postgresql", model);

        Assert.Equal(1, model.MeasureAtCalls);
        Assert.Equal(4, model.Horizons);
        Assert.Equal(0, model.MeasureCalls);
        Assert.Equal(physical.Tables.Count, forecast.Tables.Count);
    }

    [Theory]
    [InlineData(Tenancy.Single)]
    [InlineData(Tenancy.Multi)]
    public void LayingEachTableOutOnceGivesTheSizesOfMeasuringEachRowCountAlone(Tenancy tenancy)
    {
        var physical = DesignEngine.Create(Shop(tenancy: tenancy)).Physical;
        var capacity = new PostgreSqlCapacity();
        var rowCounts = new Func<string, long>[] { _ => 0, _ => 1, t => 1_000 + t.Length, t => 50_000_000 + (t.Length * 7_919) };

        var together = capacity.MeasureAt(physical, rowCounts, TypicalValues.Default);

        Assert.Equal(rowCounts.Length, together.Count);
        for (var h = 0; h < rowCounts.Length; h++)
        {
            var alone = capacity.Measure(physical, rowCounts[h], TypicalValues.Default);
            Assert.Equal(alone.Count, together[h].Count);
            foreach (var (a, b) in alone.Zip(together[h]))
            {
                Assert.Equal(a with { Indexes = Array.Empty<IndexSize>() }, b with { Indexes = Array.Empty<IndexSize>() });
                Assert.Equal(a.Indexes, b.Indexes);
            }
        }
    }

    private sealed class CountingModel(ICapacityModel inner) : ICapacityModel
    {
        public int MeasureCalls { get; private set; }

        public int MeasureAtCalls { get; private set; }

        public int Horizons { get; private set; }

        public IReadOnlyList<string> Assumptions(TypicalValues values) => inner.Assumptions(values);

        public IReadOnlyList<TableSize> Measure(SchemaModel physical, Func<string, long> rowsOf, TypicalValues values)
        {
            MeasureCalls++;
            return inner.Measure(physical, rowsOf, values);
        }

        public IReadOnlyList<IReadOnlyList<TableSize>> MeasureAt(SchemaModel physical, IReadOnlyList<Func<string, long>> rowsAt, TypicalValues values)
        {
            MeasureAtCalls++;
            Horizons += rowsAt.Count;
            return inner.MeasureAt(physical, rowsAt, values);
        }
    }
}
