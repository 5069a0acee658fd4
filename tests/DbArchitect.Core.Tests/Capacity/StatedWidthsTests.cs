using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Capacity;

/// <summary>
/// Widths and null shares: stated in the requirements (avgLength, nullShare), taken from what a column's name says it
/// holds, or the type's default, in that order; and the forecast and the sample rows both follow them.
/// </summary>
public sealed class StatedWidthsTests
{
    private static Column Attribute(string name, LogicalType type, ValueProfile? profile = null) =>
        new(name, type, true, null, ColumnRole.Attribute, KeyGeneration.None, null, null) { Profile = profile };

    [Fact]
    public void Requirements_state_average_length_and_null_share_per_attribute()
    {
        var attribute = ReadValid(WithAttributes("{ name: bio, type: text, avgLength: 140, nullShare: 0.7 }")).Entities[0].Attributes[0];

        Assert.Equal(140, attribute.AverageLength);
        Assert.Equal(0.7, attribute.NullShare);
    }

    [Theory]
    [InlineData("{ name: c, type: string(100), avgLength: 101 }", "avgLength")]
    [InlineData("{ name: c, type: text, avgLength: 0 }", "avgLength")]
    [InlineData("{ name: c, type: int, avgLength: 4 }", "avgLength")]
    [InlineData("{ name: c, type: text, nullShare: 1.5 }", "nullShare")]
    [InlineData("{ name: c, type: text, nullShare: -0.1 }", "nullShare")]
    [InlineData("{ name: c, type: text, required: true, nullShare: 0.2 }", "nullShare")]
    [InlineData("{ name: c, type: text, nullShare: lots }", "nullShare")]
    public void Impossible_widths_and_shares_are_refused_at_the_value(string attribute, string key)
    {
        var yaml = WithAttributes(attribute);
        var (line, column) = Locate(yaml, key + ": ");
        var error = OnlyError(yaml, "InvalidValue", line, column + key.Length + 2);

        Assert.Contains(key, error.Message + error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", 200, 14)]
    [InlineData("displayName", 80, 14)]
    [InlineData("customer_name", 200, 14)]
    [InlineData("first_name", 100, 7)]
    [InlineData("title", 300, 40)]
    [InlineData("comment", 1000, 80)]
    [InlineData("name", 10, 10)]
    [InlineData("colour", 200, 100)]
    public void Text_without_a_stated_width_is_as_long_as_what_its_name_says_it_holds(string column, int declared, int expected)
    {
        Assert.Equal(expected, TypicalValues.Default.Size(Attribute(column, LogicalType.String(declared))));
    }

    [Fact]
    public void A_stated_width_wins_over_the_name_and_the_type()
    {
        var column = Attribute("name", LogicalType.String(100), new ValueProfile(6, null, "the requirements"));

        Assert.Equal((6, "from the requirements"), TypicalValues.Default.SizeAndBasis(column));
    }

    [Fact]
    public void A_value_that_is_null_in_most_rows_costs_the_heap_only_its_share()
    {
        int RowBytes(string nullShare)
        {
            var design = DesignEngine.Create(ReadValid(WithAttributes($"{{ name: payload, type: text, avgLength: 400, nullShare: {nullShare} }}")), "postgresql");
            var thing = design.Physical.Tables.Single(t => t.SourceEntity == "thing").Name;
            return new PostgreSqlCapacity().Measure(design.Physical, _ => 1_000_000, TypicalValues.Default).Single(t => t.Table == thing).RowBytes;
        }

        // 400 characters with a 4-byte header, present in a quarter of the rows: about 300 bytes less per row on average.
        Assert.InRange(RowBytes("0") - RowBytes("0.75"), 290, 312);
    }

    [Fact]
    public void Sample_rows_leave_the_stated_share_null_and_fill_the_stated_width()
    {
        var requirement = ReadValid(WithAttributes("{ name: bio, type: text, avgLength: 140, nullShare: 0.7 }", "{ name: name, type: string(100), required: true, avgLength: 6 }"));
        var design = DesignEngine.Create(requirement, "postgresql");
        var plan = SampleDataPlanner.Plan(design.Physical, 1000);
        var table = plan.For(design.Physical.Tables.Single(t => t.SourceEntity == "thing").Name)!;

        var bio = table.Columns.Single(c => c.Column.Name == "bio");
        Assert.Equal((140, 0.7), (bio.Length, bio.NullShare));
        Assert.Equal(6, table.Columns.Single(c => c.Column.Name == "name").Length);
        Assert.Contains("(i::bigint * 7907) % 1000 < 700 THEN NULL", PostgreSqlSampleData.Script(design, plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Live_statistics_calibrate_matching_attributes_and_say_so()
    {
        var requirement = ReadValid(WithAttributes(
            "{ name: fullName, type: string(200), required: true, avgLength: 50 }", "{ name: bio, type: text }", "{ name: points, type: int }", "{ name: motto, type: string(20) }"));
        var statistics = new[]
        {
            new ColumnStatistic("Thing", "full_name", 12, 0),
            new ColumnStatistic("thing", "bio", 305, 0.62),
            new ColumnStatistic("thing", "points", 4, 0.1),
            new ColumnStatistic("other", "motto", 90, 0),
        };

        var calibrated = WidthCalibration.Apply(requirement, statistics, "pg_stats of shop");
        var design = DesignEngine.Create(calibrated, "postgresql");
        var table = design.Physical.Tables.Single(t => t.SourceEntity == "thing");
        ValueProfile? Profile(string column) => table.Columns.Single(c => string.Equals(c.Name.Replace("_", string.Empty, StringComparison.Ordinal), column.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)).Profile;

        Assert.Equal(new ValueProfile(11, null, "pg_stats of shop"), Profile("full_name"));
        Assert.Equal(new ValueProfile(301, 0.62, "pg_stats of shop"), Profile("bio"));
        Assert.Equal(0.1, Profile("points")!.NullShare);
        Assert.Null(Profile("motto"));
        Assert.Contains(design.CapacityForecast.Assumptions, a => a.StartsWith("Widths from pg_stats of shop: ", StringComparison.Ordinal)
            && a.Contains(".bio 301 characters, 62% NULL", StringComparison.Ordinal));
    }
}
