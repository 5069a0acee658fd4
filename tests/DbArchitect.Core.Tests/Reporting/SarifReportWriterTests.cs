using System.Text.Json;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

public sealed class SarifReportWriterTests
{
    private static JsonElement Run()
    {
        var doc = JsonDocument.Parse(SarifReportWriter.Write(ReportSamples.Report()));
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal(SarifReportWriter.SchemaUri, doc.RootElement.GetProperty("$schema").GetString());
        return doc.RootElement.GetProperty("runs")[0].Clone();
    }

    [Fact]
    public void Has_the_required_fields_of_SARIF_2_1_0()
    {
        var run = Run();
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("DbArchitect.PS", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("id").GetString())));
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            Assert.True(result.GetProperty("locations").GetArrayLength() > 0);
        }
    }

    [Fact]
    public void Levels_map_to_SARIF_levels_and_rows_that_are_not_problems_are_left_out()
    {
        var results = Run().GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("ruleId").GetString()!, r => r.GetProperty("level").GetString());
        Assert.Equal("warning", results["PG_FK_WITHOUT_INDEX"]);
        Assert.Equal("error", results["PG_TXID_WRAPAROUND"]);
        Assert.Equal("error", results["LINT001"]);
        Assert.Equal("note", results["PG_CACHE_HIT"]);
        Assert.False(results.ContainsKey("PG_AMCHECK"));
        Assert.Equal(4, results.Count);
    }

    [Fact]
    public void File_findings_carry_a_region_with_forward_slashes_and_object_findings_a_logical_location()
    {
        var results = Run().GetProperty("results").EnumerateArray().ToList();
        var lint = results.Single(r => r.GetProperty("ruleId").GetString() == "LINT001").GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("migrations/001_init.sql", lint.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, lint.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, lint.GetProperty("region").GetProperty("startColumn").GetInt32());
        var fk = results.Single(r => r.GetProperty("ruleId").GetString() == "PG_FK_WITHOUT_INDEX");
        Assert.Equal("public.orders.orders_customer_fk", fk.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("12000", fk.GetProperty("properties").GetProperty("measured").GetString());
    }
}
