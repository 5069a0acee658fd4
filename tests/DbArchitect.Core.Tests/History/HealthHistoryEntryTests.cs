using DbArchitect.Core.Errors;
using DbArchitect.Core.History;

namespace DbArchitect.Core.Tests.History;

public sealed class HealthHistoryEntryTests
{
    [Fact]
    public void Reads_a_result_by_property_name_with_its_origin_and_evidence()
    {
        var entry = HealthHistoryEntry.FromProperties(new Dictionary<string, object?>
        {
            ["Server"] = "db1", ["Port"] = 5433, ["Database"] = "shop", ["Engine"] = "postgresql",
            ["CheckId"] = "DEAD_TUPLES", ["Status"] = "Warning", ["Target"] = "public.orders", ["Message"] = "m",
            ["Evidence"] = new Dictionary<string, string> { ["dead_tuples"] = "1200" },
        });

        Assert.Equal(("db1", 5433, "shop", "postgresql"), (entry.Server, entry.Port, entry.Database, entry.Engine));
        Assert.Equal("1200", entry.Evidence["dead_tuples"]);
        Assert.Equal(64, entry.FindingKey.Length);
    }

    [Fact]
    public void A_result_without_server_and_port_is_kept_with_nulls_and_a_different_key_than_one_with_them()
    {
        var without = HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = "A", ["Status"] = "Pass", ["Database"] = "shop" });
        var with = HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = "A", ["Status"] = "Pass", ["Database"] = "shop", ["Server"] = "db1" });

        Assert.Null(without.Server);
        Assert.Null(without.Port);
        Assert.Equal(string.Empty, without.Target);
        Assert.NotEqual(without.FindingKey, with.FindingKey);
    }

    [Fact]
    public void Message_and_severity_are_not_part_of_the_finding_identity()
    {
        var one = HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = "A", ["Status"] = "Warning", ["Target"] = "t", ["Message"] = "12 %" });
        var two = HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = "A", ["Status"] = "Critical", ["Target"] = "t", ["Message"] = "60 %" });
        Assert.Equal(one.FindingKey, two.FindingKey);
    }

    [Theory]
    [InlineData(null, "Warning")]
    [InlineData("A", null)]
    public void An_object_without_check_id_or_status_is_refused(string? checkId, string? status)
    {
        var ex = Assert.Throws<DbArchitectException>(() => HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = checkId, ["Status"] = status }));
        Assert.Equal("HealthHistoryInputInvalid", ex.Errors[0].ErrorId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("http")]
    public void A_port_out_of_range_is_refused(string port)
    {
        var ex = Assert.Throws<DbArchitectException>(() => HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = "A", ["Status"] = "Pass", ["Port"] = port }));
        Assert.Contains("not a port number", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_character_becomes_the_replacement_character_and_nothing_else_changes()
    {
        var entry = HealthHistoryEntry.FromProperties(new Dictionary<string, object?> { ["CheckId"] = "A", ["Status"] = "Pass", ["Message"] = "a\0b'; --\n" });
        Assert.Equal("a\uFFFDb'; --\n", entry.Message);
    }

    [Fact]
    public void Run_id_comes_from_the_argument_then_GitHub_then_Azure_DevOps_then_is_generated()
    {
        var now = new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
        var env = new Dictionary<string, string?> { ["GITHUB_RUN_ID"] = "123", ["BUILD_BUILDID"] = "456" };
        Assert.Equal("mine", HealthHistoryRunId.Resolve(" mine ", env.GetValueOrDefault, now));
        Assert.Equal("github:123", HealthHistoryRunId.Resolve(null, env.GetValueOrDefault, now));
        env.Remove("GITHUB_RUN_ID");
        Assert.Equal("azure:456", HealthHistoryRunId.Resolve(null, env.GetValueOrDefault, now));
        env.Clear();
        var local = HealthHistoryRunId.Resolve(null, env.GetValueOrDefault, now);
        Assert.StartsWith("local:20261207T180000Z-", local, StringComparison.Ordinal);
        Assert.NotEqual(local, HealthHistoryRunId.Resolve(null, env.GetValueOrDefault, now));
        Assert.Throws<DbArchitectException>(() => HealthHistoryRunId.Resolve("a\nb", env.GetValueOrDefault, now));
    }
}
