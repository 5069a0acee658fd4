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
        Assert.Equal("%SRCROOT%", lint.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(3, lint.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, lint.GetProperty("region").GetProperty("startColumn").GetInt32());
        var fk = results.Single(r => r.GetProperty("ruleId").GetString() == "PG_FK_WITHOUT_INDEX");
        Assert.Equal("public.orders.orders_customer_fk", fk.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("12000", fk.GetProperty("properties").GetProperty("measured").GetString());
    }

    [Fact]
    public void Every_result_has_a_physical_location_since_code_scanning_rejects_results_without_one()
    {
        var run = Run();
        var bases = run.GetProperty("originalUriBaseIds").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.False(string.IsNullOrEmpty(artifact.GetProperty("uri").GetString()));
            Assert.Contains(artifact.GetProperty("uriBaseId").GetString(), bases);
        }
    }

    [Fact]
    public void A_live_finding_names_its_database_as_a_stable_artifact_and_the_object_as_a_logical_location()
    {
        var finding = new ReportFinding("FK_WITHOUT_INDEX", "Foreign key without an index", "Indexes", ReportLevel.Warning, "No index.", "shop/public.orders.fk")
        {
            Source = "postgresql/shop db",
        };
        var location = Results(finding)[0].GetProperty("locations")[0];
        var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("postgresql/shop%20db", artifact.GetProperty("uri").GetString());
        Assert.Equal(ReportUri.Databases, artifact.GetProperty("uriBaseId").GetString());
        Assert.False(location.GetProperty("physicalLocation").TryGetProperty("region", out _));
        Assert.Equal("shop/public.orders.fk", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Theory]
    [InlineData("migrations/V3__weird name, with comma.sql", "migrations/V3__weird%20name%2C%20with%20comma.sql", "%SRCROOT%")]
    [InlineData("db\\V1__init.sql", "db/V1__init.sql", "%SRCROOT%")]
    [InlineData("./V1__#1 100%.sql", "V1__%231%20100%25.sql", "%SRCROOT%")]
    [InlineData("migrations/V4__crème.sql", "migrations/V4__cr%C3%A8me.sql", "%SRCROOT%")]
    [InlineData("/srv/app/V5__a b.sql", "file:///srv/app/V5__a%20b.sql", null)]
    [InlineData("C:\\app\\V6 x.sql", "file:///C:/app/V6%20x.sql", null)]
    public void File_paths_become_percent_encoded_URIs_relative_to_SRCROOT_or_absolute_file_URIs(string path, string uri, string? baseId)
    {
        var result = Results(new ReportFinding("LINT001", "Rule", "Locking", ReportLevel.Error, "m.", Location: new ReportLocation(path, 1, 1)))[0];
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(uri, artifact.GetProperty("uri").GetString());
        Assert.Equal(baseId, artifact.TryGetProperty("uriBaseId", out var b) ? b.GetString() : null);
        Assert.True(Uri.IsWellFormedUriString(uri, baseId is null ? UriKind.Absolute : UriKind.Relative), uri);
    }

    [Fact]
    public void Every_rule_has_help_text_and_a_help_uri_and_the_tool_an_information_uri()
    {
        var driver = Run().GetProperty("tool").GetProperty("driver");
        Assert.Equal(ReportTool.InformationUri, driver.GetProperty("informationUri").GetString());
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
        }

        var fk = driver.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PG_FK_WITHOUT_INDEX");
        Assert.Equal("https://example.test/checks#PG_FK_WITHOUT_INDEX", fk.GetProperty("helpUri").GetString());
        Assert.Contains("CREATE INDEX CONCURRENTLY", fk.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_validates_against_the_OASIS_SARIF_2_1_0_schema()
    {
        var weird = new ReportFinding("LINT002", "Rule", "Locking", ReportLevel.Warning, "m.", Location: new ReportLocation("migrations/V3__weird name, with comma.sql", 2, 4));
        var report = new PipelineReport("DbArchitect.PS", "1.0.0", "t", ReportSamples.Findings().Append(weird), ReportSamples.StartedAt, ReportSamples.Elapsed);
        Assert.Empty(ReportSchemas.ValidateSarif(SarifReportWriter.Write(report)));
    }

    [Fact]
    public void Schema_rejects_a_result_without_a_message_so_validation_can_fail()
    {
        var text = SarifReportWriter.Write(ReportSamples.Report());
        var broken = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        broken["runs"]![0]!["results"]![0]!.AsObject().Remove("message");
        Assert.NotEmpty(ReportSchemas.ValidateSarif(broken.ToJsonString()));
    }

    private static List<JsonElement> Results(params IReportFinding[] findings)
    {
        var doc = JsonDocument.Parse(SarifReportWriter.Write(new PipelineReport("DbArchitect.PS", "1.0.0", "t", findings, ReportSamples.StartedAt, ReportSamples.Elapsed)));
        return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
