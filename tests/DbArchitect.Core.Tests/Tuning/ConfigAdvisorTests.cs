using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Tests.Tuning;

public sealed class ConfigAdvisorTests
{
    private static readonly PostgreSqlConfigAdvisor Advisor = new();

    internal static DbDesign Example(string name) =>
        DesignEngine.Create(RequirementsReader.ReadFile(Path.Combine(TestPaths.Examples, name + ".yaml")).Requirement!);

    [Fact]
    public void WithoutWorkloadFactsTheSettingsArePgTunesAndOnlyObservabilityIsAdded()
    {
        var advice = Advisor.Recommend(new ConfigInput(8, 16, StorageKind.Ssd, ConfigWorkload.Mixed, null));
        var pgtune = advice.Settings.Where(s => s.Source == ConfigSource.PgTune).Select(s => $"{s.Name} = {s.Value}");
        Assert.Equal(PgTuneReference.Cases.Single(c => c.Id == "mixed-8GB-16cpu-ssd").Expected, pgtune);
        Assert.Equal(
            new[] { "log_min_duration_statement", "log_lock_waits", "track_io_timing", "idle_in_transaction_session_timeout", "shared_preload_libraries" },
            advice.Settings.Where(s => s.Source == ConfigSource.Derived).Select(s => s.Name));
        Assert.Empty(advice.TableSettings);
    }

    [Fact]
    public void ManyConcurrentUsersGetAPoolSizedToTheCoresAndPgTuneFollowsIt()
    {
        var advice = Advisor.Recommend(new ConfigInput(64, 16, StorageKind.Ssd, ConfigWorkload.Oltp, null) { ConcurrentUsers = 5000 });
        var connections = advice.Find("max_connections")!;
        Assert.Equal("75", connections.Value); // pool of 3 × 16 CPUs + 17 for the other login roles + 10 reserved
        Assert.Equal(ConfigSource.Derived, connections.Source);
        Assert.Contains("5,000 concurrent users", connections.Reason, StringComparison.Ordinal);
        Assert.Contains("default would be 300", connections.Reason, StringComparison.Ordinal);
        // PGTune's own work_mem for 75 connections: 50,331,648kB / 225 / 4 = 55,924kB.
        Assert.Equal("55924kB", advice.Find("work_mem")!.Value);
        Assert.Equal(ConfigSource.PgTune, advice.Find("work_mem")!.Source);
        Assert.Equal("30s", advice.Find("idle_in_transaction_session_timeout")!.Value);
    }

    [Fact]
    public void FewUsersKeepTheirOwnConnectionsPlusHeadroom()
    {
        var advice = Advisor.Recommend(new ConfigInput(4, 2, StorageKind.Ssd, ConfigWorkload.Web, null) { ConcurrentUsers = 120 });
        Assert.Equal("171", advice.Find("max_connections")!.Value); // 120 + 20% for the application, + 17 other login roles + 10 reserved
    }

    [Fact]
    public void AnExplicitConnectionLimitWinsOverUsers()
    {
        var advice = Advisor.Recommend(new ConfigInput(4, 2, StorageKind.Ssd, ConfigWorkload.Web, 77) { ConcurrentUsers = 9000 });
        Assert.Equal("77", advice.Find("max_connections")!.Value);
        Assert.Equal(ConfigSource.PgTune, advice.Find("max_connections")!.Source);
    }

    [Fact]
    public void WorkMemGrowsWhenFewerStatementsRunThanConnectionsExist()
    {
        var input = new ConfigInput(64, 16, StorageKind.Ssd, ConfigWorkload.Oltp, 300);
        var plain = Advisor.Recommend(input).Find("work_mem")!;
        var measured = Advisor.Recommend(input with { Tps = 500, LatencyMs = 20 }).Find("work_mem")!;
        Assert.Equal("13981kB", plain.Value);
        // 2 × 500 × 0.02 = 20 statements at once: 50,331,648 / 60 / 4 = 209,715kB, capped at maintenance_work_mem 2GB.
        Assert.Equal("209715kB", measured.Value);
        Assert.Equal(ConfigSource.Derived, measured.Source);
        Assert.Contains("PGTune's all-connections budget would be 13981kB", measured.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AutovacuumIsScaledToTheWriteRateAndBusyTablesGetTheirOwnThresholds()
    {
        var input = new ConfigInput(256, 64, StorageKind.Ssd, ConfigWorkload.Dw, null)
        {
            RecordsPerDay = 1_728_000_000,
            HighWriteTables = new[] { new TableWriteRate("fleet", "reading", 1_728_000_000, 155_000_000_000), new TableWriteRate("fleet", "trip", 200_000, 20_000_000) },
        };
        var advice = Advisor.Recommend(input);
        Assert.Equal("8", advice.Find("autovacuum_max_workers")!.Value); // 64 CPUs / 8
        Assert.True(advice.Find("autovacuum_max_workers")!.RequiresRestart);
        Assert.Equal("15s", advice.Find("autovacuum_naptime")!.Value);
        Assert.Equal("3200", advice.Find("autovacuum_vacuum_cost_limit")!.Value);
        var reading = advice.TableSettings.Single(t => t.Table == "reading");
        Assert.Equal("0.005", reading.Parameters.Single(p => p.Key == "autovacuum_vacuum_scale_factor").Value);
        var trip = advice.TableSettings.Single(t => t.Table == "trip");
        Assert.Equal("0.01", trip.Parameters.Single(p => p.Key == "autovacuum_vacuum_scale_factor").Value); // 200,000 / 20M
        Assert.Equal("0.005", trip.Parameters.Single(p => p.Key == "autovacuum_analyze_scale_factor").Value);
        Assert.Equal("10min", advice.Find("idle_in_transaction_session_timeout")!.Value);
        Assert.Contains("10 minutes", advice.Find("idle_in_transaction_session_timeout")!.Reason, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE fleet.reading SET (autovacuum_vacuum_scale_factor = 0.005, autovacuum_analyze_scale_factor = 0.0025, autovacuum_vacuum_insert_scale_factor = 0.005);", advice.TableScript, StringComparison.Ordinal);
    }

    [Fact]
    public void LatencyTargetSetsSlowQueryLoggingAndARoleStatementTimeout()
    {
        var advice = Advisor.Recommend(new ConfigInput(8, 4, StorageKind.Ssd, ConfigWorkload.Oltp, null) { LatencyMs = 50, ApplicationRole = "shop_app" });
        Assert.Equal("100ms", advice.Find("log_min_duration_statement")!.Value);
        var timeout = advice.Find("statement_timeout")!;
        Assert.True(timeout.PerRole);
        Assert.Equal("5s", timeout.Value);
        Assert.DoesNotContain("ALTER SYSTEM SET statement_timeout", advice.AlterSystemScript, StringComparison.Ordinal);
        Assert.Contains("-- ALTER ROLE shop_app SET statement_timeout = '5s';", advice.AlterSystemScript, StringComparison.Ordinal);
    }

    [Fact]
    public void RestartIsRequiredExactlyForPostmasterSettings()
    {
        var advice = Advisor.Recommend(new ConfigInput(64, 16, StorageKind.Ssd, ConfigWorkload.Oltp, null) { RecordsPerDay = 50_000_000 });
        Assert.Equal(
            new[] { "max_connections", "shared_buffers", "wal_buffers", "huge_pages", "max_worker_processes", "shared_preload_libraries" },
            advice.RestartSettings);
        Assert.All(advice.Settings, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void FilesSpellEverySettingOnceAndAreDeterministic()
    {
        var input = new ConfigInput(64, 16, StorageKind.Ssd, ConfigWorkload.Oltp, null) { ConcurrentUsers = 5000, LatencyMs = 50 };
        var a = Advisor.Recommend(input);
        var b = Advisor.Recommend(input);
        Assert.Equal(a.ConfigFile, b.ConfigFile);
        Assert.Equal(a.AlterSystemScript, b.AlterSystemScript);
        Assert.Contains("shared_buffers = 16GB    # pgtune\n", a.ConfigFile, StringComparison.Ordinal);
        Assert.Contains("shared_preload_libraries = 'pg_stat_statements, pg_cron'    # derived\n", a.ConfigFile, StringComparison.Ordinal);
        Assert.Contains("ALTER SYSTEM SET shared_buffers = '16GB';\n", a.AlterSystemScript, StringComparison.Ordinal);
        Assert.EndsWith("SELECT pg_reload_conf();\n", a.AlterSystemScript.Split("\n-- Per role")[0], StringComparison.Ordinal);
        foreach (var setting in a.Settings.Where(s => !s.PerRole))
        {
            Assert.Single(a.AlterSystemScript.Split('\n'), l => l.StartsWith($"ALTER SYSTEM SET {setting.Name} = ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("\r", a.ConfigFile, StringComparison.Ordinal);
        Assert.Contains("# DB Version: 15, OS Type: linux, DB Type: oltp, Total Memory (RAM): 64 GB, CPUs num: 16, Connections num: 75, Data Storage: ssd", a.ConfigFile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationKind.Oltp, ConfigWorkload.Oltp)]
    [InlineData(ApplicationKind.Analytics, ConfigWorkload.Dw)]
    [InlineData(ApplicationKind.Mixed, ConfigWorkload.Mixed)]
    [InlineData(ApplicationKind.TimeSeries, ConfigWorkload.Dw)]
    [InlineData(ApplicationKind.Document, ConfigWorkload.Web)]
    [InlineData(ApplicationKind.KeyValue, ConfigWorkload.Web)]
    [InlineData(ApplicationKind.Graph, ConfigWorkload.Mixed)]
    public void ApplicationKindMapsToAWorkloadTypeWithAReason(ApplicationKind kind, ConfigWorkload expected)
    {
        var (workload, reason) = ConfigInputs.WorkloadFor(kind);
        Assert.Equal(expected, workload);
        Assert.Contains("application.kind", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ecommerce")]
    [InlineData("saas-projects")]
    [InlineData("iot-telemetry")]
    [InlineData("social-content")]
    public void EveryExampleCarriesItsConfigurationIntoDesignAndExport(string example)
    {
        var design = Example(example);
        var config = Assert.IsType<ConfigRecommendation>(design.Configuration);
        Assert.Equal(design.Requirement.Hardware.MemoryGb, config.Input.MemoryGb);
        var scripts = new PostgreSqlScripts().Generate(design);
        Assert.Equal(new[] { "config/postgresql.conf", "config/alter_system.sql", "config/table_autovacuum.sql" },
            scripts.Where(s => s.RelativePath.StartsWith("config/", StringComparison.Ordinal)).Select(s => s.RelativePath));
        Assert.Contains(design.Decisions, d => d.Area == DesignAreas.PerformanceTuning && d.Subject == "Workload profile");
        var markdown = DbArchitect.Core.Export.DesignExporter.Plan(design).Single(f => f.RelativePath == "design.md").Content;
        var tuning = markdown[markdown.IndexOf("### Performance Tuning", StringComparison.Ordinal)..markdown.IndexOf("### Data Migration", StringComparison.Ordinal)];
        Assert.Contains("| shared\\_buffers |", tuning.Replace("shared_buffers", "shared\\_buffers", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("```ini\n# postgresql.conf settings", tuning, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTelemetryFirehoseGetsPerTableAutovacuumAndAWarehouseProfile()
    {
        var config = Example("iot-telemetry").Configuration!;
        Assert.Equal(ConfigWorkload.Dw, config.Input.Workload);
        Assert.NotEmpty(config.TableSettings);
        Assert.Equal("15s", config.Find("autovacuum_naptime")!.Value);
    }

    [Fact]
    public void NoMemoryStatedNoConfigurationAndTheDecisionSaysWhy()
    {
        var design = Example("ecommerce");
        var requirement = design.Requirement with { Hardware = HardwareProfile.Unspecified };
        var bare = DesignEngine.Create(requirement);
        Assert.Null(bare.Configuration);
        Assert.Contains(bare.Decisions, d => d.Area == DesignAreas.PerformanceTuning && d.Decision == "Not computed");
        Assert.DoesNotContain(new PostgreSqlScripts().Generate(bare), s => s.RelativePath.StartsWith("config/", StringComparison.Ordinal));
    }
}
