using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Capacity;

public sealed class PostgreSqlCapacityTests
{
    private static PostgreSqlCapacity.Stored S(LogicalType type) => PostgreSqlCapacity.Stored.Of(type, TypicalValues.Default);

    [Fact]
    public void ShortVariableValuesTakeAOneByteHeaderAndNoAlignment() =>
        // int (4) then a 20-character string: 1-byte header + 20, no padding before it.
        Assert.Equal(4 + 1 + 20, PostgreSqlCapacity.DataBytes(new[] { S(LogicalType.Int), S(LogicalType.String(40)) }, 24));

    [Fact]
    public void FixedValuesAreAlignedByTheirType() =>
        // bool at 24, then bigint aligned to 32: 1 + 7 padding + 8.
        Assert.Equal(16, PostgreSqlCapacity.DataBytes(new[] { S(LogicalType.Bool), S(LogicalType.BigInt) }, 24));

    [Fact]
    public void LongVariableValuesTakeAFourByteAlignedHeader() =>
        // bool at 24, then 200 characters of string(400): aligned to 28, 4-byte header, 200 bytes.
        Assert.Equal(1 + 3 + 4 + 200, PostgreSqlCapacity.DataBytes(new[] { S(LogicalType.Bool), S(LogicalType.String(400)) }, 24));

    [Fact]
    public void EveryTableAndIndexOfTheDesignIsForecastAtEachHorizon()
    {
        var requirement = Shop() with { Workload = WorkloadProfile.Unspecified with { Retention = new Retention(1, RetentionUnit.Year) } };
        var design = DesignEngine.Create(requirement);
        var forecast = design.CapacityForecast;
        Assert.Equal(design.Physical.Tables.Select(t => t.Name), forecast.Tables.Select(t => t.Table));
        foreach (var (table, capacity) in design.Physical.Tables.Zip(forecast.Tables))
        {
            Assert.Equal(table.Indexes.Count + table.UniqueKeys.Count + 1, capacity.Indexes.Count);
            Assert.True(capacity.Rows.AtRetention >= capacity.Rows.Today);
            Assert.True(capacity.Rows.ThreeYears <= capacity.Rows.AtRetention);
        }

        Assert.Contains(forecast.Assumptions, a => a.Contains("23-byte header", StringComparison.Ordinal));
    }

    [Fact]
    public void RetentionCapsEveryHorizon()
    {
        var table = DesignEngine.Create(Shop()).Physical.Tables.First() with { EstimatedRows = 1000, RowsPerDay = 100 };
        var rows = CapacityForecaster.RowsAt(table, new Retention(30, RetentionUnit.Day));
        Assert.Equal(new Horizons(1000, 4000, 4000, 4000), rows);
    }
}
