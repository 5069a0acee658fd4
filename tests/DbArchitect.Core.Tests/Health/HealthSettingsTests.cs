using DbArchitect.Core.Health;

namespace DbArchitect.Core.Tests.Health;

public sealed class HealthSettingsTests
{
    private static HealthCheck DeadTuples => HealthCheckCatalog.For("postgresql").Single(c => c.Id == "DEAD_TUPLES");

    [Fact]
    public void Threshold_judges_higher_is_worse_and_lower_is_worse()
    {
        var t = new HealthThreshold(20, 50, "%");
        Assert.Equal(HealthStatus.Pass, t.Judge(19.9));
        Assert.Equal(HealthStatus.Warning, t.Judge(20));
        Assert.Equal(HealthStatus.Critical, t.Judge(50));
        var hit = new HealthThreshold(95, 90, "%", LowerIsWorse: true);
        Assert.Equal(HealthStatus.Pass, hit.Judge(99));
        Assert.Equal(HealthStatus.Warning, hit.Judge(94));
        Assert.Equal(HealthStatus.Critical, hit.Judge(90));
        Assert.Equal("warning ≤ 95 %, critical ≤ 90 %", hit.ToString());
    }

    [Fact]
    public void Most_specific_override_wins_object_over_database_over_check()
    {
        var settings = HealthSettings.FromDictionary(new Dictionary<string, object>
        {
            ["DEAD_TUPLES"] = 30,
            ["dead_tuples@shop"] = new Dictionary<string, object> { ["Critical"] = 70 },
            ["DEAD_TUPLES@shop:public.big*"] = new Dictionary<string, object> { ["Warning"] = 60, ["Critical"] = 90 },
        });
        Assert.Equal(new HealthThreshold(30, 50, "%"), settings.ThresholdFor(DeadTuples, "other", "public.t"));
        Assert.Equal(new HealthThreshold(30, 70, "%"), settings.ThresholdFor(DeadTuples, "shop", "public.t"));
        Assert.Equal(new HealthThreshold(60, 90, "%"), settings.ThresholdFor(DeadTuples, "shop", "public.big_events"));
        Assert.Equal(new HealthThreshold(20, 50, "%"), HealthSettings.Empty.ThresholdFor(DeadTuples, "shop", "public.t"));
    }

    [Fact]
    public void Settings_file_reads_thresholds_and_exclusions_and_demands_a_reason()
    {
        var settings = HealthSettings.Parse("""
            { // comments are allowed
              "thresholds": { "DEAD_TUPLES": { "warning": 10 }, "UNUSED_INDEX@shop:public.big_idx": 500 },
              "exclusions": [ { "check": "TABLE_WITHOUT_PK", "target": "public.audit_*", "reason": "append-only log" } ]
            }
            """);
        Assert.Equal(10, settings.ThresholdFor(DeadTuples, "x", "y").Warning);
        var exclusion = Assert.Single(settings.Exclusions);
        Assert.Equal("append-only log", exclusion.Reason);
        var error = Assert.Throws<FormatException>(() => HealthSettings.Parse("""{ "exclusions": [ { "check": "TABLE_WITHOUT_PK" } ] }"""));
        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => HealthSettings.FromDictionary(new Dictionary<string, object> { ["DEAD_TUPLES"] = "lots" }));
    }

    [Fact]
    public void Exclusion_matches_check_database_and_target_patterns()
    {
        var exclusion = new HealthExclusion("TABLE_WITHOUT_PK", "shop", "public.audit_*", "append-only");
        var result = new HealthCheckResult
        {
            CheckId = "TABLE_WITHOUT_PK", Title = "t", Category = "Schema", Status = HealthStatus.Warning, Engine = "postgresql",
            Database = "shop", Target = "public.audit_2024", Message = "m",
        };
        Assert.True(exclusion.Covers(result));
        Assert.False(exclusion.Covers(result with { Database = "other" }));
        Assert.False(exclusion.Covers(result with { Target = "public.Audit_2024" }));
        Assert.False(exclusion.Covers(result with { CheckId = "FK_WITHOUT_INDEX" }));
    }
}
