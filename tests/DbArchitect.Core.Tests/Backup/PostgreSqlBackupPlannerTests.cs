using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.Backup;

/// <summary>The PostgreSQL backup plan: objectives, archive settings, schedule, restore arithmetic and the files it exports.</summary>
public sealed class PostgreSqlBackupPlannerTests
{
    private static DbRequirement Shop(double? rpo = 5, double? rto = 60, string? window = "01:00-05:00") =>
        Spec.Shop() with { Operations = new OperationsProfile(rpo, rto, window is null ? null : Window(window)) };

    private static BackupWindow Window(string text)
    {
        var parts = text.Split('-');
        static int Minute(string clock) => (int.Parse(clock[..2], System.Globalization.CultureInfo.InvariantCulture) * 60) + int.Parse(clock[3..], System.Globalization.CultureInfo.InvariantCulture);
        return new BackupWindow(Minute(parts[0]), Minute(parts[1]));
    }

    /// <summary>A telemetry firehose: a billion rows and fifty million a day.</summary>
    private static DbRequirement Firehose(double rto, Retention? retention = null) => Spec.Requirement(
        new[]
        {
            Spec.Entity("reading", 1_000_000_000, 50_000_000,
                Spec.Attr("device", LogicalType.BigInt, required: true),
                Spec.Attr("value", Spec.Simple(LogicalTypeKind.Double), required: true)),
        },
        workload: new WorkloadProfile(1_000_000_000, 50_000_000, null, null, null, null, retention)) with
    {
        Operations = new OperationsProfile(15, rto, null),
    };

    private static BackupPlan Plan(DbRequirement requirement) => DesignEngine.Create(requirement).Backup!;

    [Fact]
    public void UnstatedObjectivesUseTheDocumentedAssumptionsAndSaySo()
    {
        var plan = Plan(Spec.Shop());
        Assert.Equal((15, false, 240, false, "01:00-05:00", false),
            (plan.Objectives.RpoMinutes, plan.Objectives.RpoStated, plan.Objectives.RtoMinutes, plan.Objectives.RtoStated, plan.Objectives.Window, plan.Objectives.WindowStated));
        Assert.Contains("Assumed where operations: does not state them (RPO 15 min, RTO 4 h, window 01:00-05:00 UTC)",
            plan.Decisions.Single(d => d.Subject == "Recovery objectives").Reason, StringComparison.Ordinal);
        Assert.Contains("(window 01:00-05:00 UTC)", Plan(Shop(window: null)).Decisions.Single(d => d.Subject == "Recovery objectives").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StatedObjectivesAreUsedAsStated()
    {
        var plan = Plan(Shop(rpo: 5, rto: 60, window: "02:00-03:30"));
        Assert.Equal((5, 60, 90), (plan.Objectives.RpoMinutes, plan.Objectives.RtoMinutes, plan.Objectives.WindowMinutes));
        Assert.Equal("Stated in the requirements (operations:).", plan.Decisions.Single(d => d.Subject == "Recovery objectives").Reason);
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(5, 150)]
    [InlineData(30, 900)]
    [InlineData(500, 3600)]
    public void ArchiveTimeoutIsHalfTheRpoBetweenOneMinuteAndOneHour(double rpo, int seconds)
    {
        var plan = Plan(Shop(rpo: rpo));
        Assert.Equal(seconds, plan.Archiving.TimeoutSeconds);
        Assert.Contains($"archive_timeout = {seconds}s", plan.Decisions.Single(d => d.Subject == "Point-in-time recovery").Decision, StringComparison.Ordinal);
    }

    [Fact]
    public void AnRpoUnderTwoMinutesAsksForStreamingBecauseTheArchiveAloneCannotMeetIt()
    {
        var plan = Plan(Shop(rpo: 1));
        Assert.True(plan.Archiving.NeedsStreaming);
        Assert.False(plan.Estimates[0].MeetsTarget);
        Assert.Contains(plan.Decisions, d => d.Subject == "Sub-minute RPO");
        Assert.DoesNotContain(Plan(Shop(rpo: 5)).Decisions, d => d.Subject == "Sub-minute RPO");
    }

    [Fact]
    public void RestoreEstimateUsesTheStatedCoresAndStorage()
    {
        var ssd = Plan(Shop()).Estimates.Single(e => e.Scenario.StartsWith("Physical restore", StringComparison.Ordinal));
        Assert.Contains("at 800 MB/s (16 processes)", ssd.Arithmetic, StringComparison.Ordinal);
        var network = Plan(Shop() with { Hardware = new HardwareProfile(64, 4, StorageKind.Network) })
            .Estimates.Single(e => e.Scenario.StartsWith("Physical restore", StringComparison.Ordinal));
        Assert.Contains("at 300 MB/s (4 processes)", network.Arithmetic, StringComparison.Ordinal);
        Assert.True(network.Minutes > ssd.Minutes);
    }

    [Fact]
    public void ATighterRtoBacksUpMoreOftenAndAnUnreachableOneAsksForAStandby()
    {
        var relaxed = Plan(Firehose(rto: 24 * 60, retention: new Retention(30, RetentionUnit.Day)));
        var tight = Plan(Firehose(rto: 20, retention: new Retention(30, RetentionUnit.Day)));
        Assert.True(tight.Physical.IncrementalEveryHours < relaxed.Physical.IncrementalEveryHours,
            $"tight {tight.Physical.IncrementalEveryHours} h, relaxed {relaxed.Physical.IncrementalEveryHours} h");
        Assert.NotNull(tight.Physical.IncrementalCron);

        var impossible = Plan(Firehose(rto: 10));
        Assert.Contains(impossible.Decisions, d => d.Subject == "Failover");
        Assert.Contains(impossible.Estimates, e => e.Scenario.StartsWith("Physical restore", StringComparison.Ordinal) && !e.MeetsTarget);
        Assert.DoesNotContain(Plan(Shop()).Decisions, d => d.Subject == "Failover");
    }

    [Fact]
    public void ARetentionShorterThanAYearCapsTheSizeTheBackupsAreSizedFor()
    {
        var year = Plan(Firehose(rto: 600)).Size;
        var month = Plan(Firehose(rto: 600, retention: new Retention(30, RetentionUnit.Day))).Size;
        Assert.True(month.TotalBytes < year.TotalBytes / 3, $"{month.TotalBytes} vs {year.TotalBytes}");
        Assert.Equal("the 30d retention", month.Horizon);
        Assert.Equal("one year", year.Horizon);
    }

    [Fact]
    public void TheScheduleStartsAtTheWindowAndWrapsPastMidnight()
    {
        var plan = Plan(Shop(window: "22:30-02:30"));
        Assert.Equal("30 22 * * 0", plan.Physical.FullCron);
        Assert.Equal("30 22 * * 1-6", plan.Physical.DifferentialCron);
        Assert.Equal("30 0 * * *", plan.Logical.Cron);
        Assert.Equal("30 2 * * 3", plan.Schedule.Single(j => j.Name == "Restore drill").Cron);
    }

    [Fact]
    public void SmallDatabasesAndSingleTablesDumpToOneFileAndLargeOnesInParallel()
    {
        Assert.Equal("custom", Plan(Shop()).Logical.Format);
        var large = Plan(RequirementsReader.Load(Path.Combine(TestPaths.Examples, "saas-projects.yaml")));
        Assert.True(large.Size.DataBytes > 10L * 1024 * 1024 * 1024);
        Assert.Equal(("directory", 6), (large.Logical.Format, large.Logical.Jobs));
        var oneTable = Plan(Firehose(rto: 6000, retention: new Retention(30, RetentionUnit.Day)));
        Assert.Equal(("custom", 1), (oneTable.Logical.Format, oneTable.Logical.Jobs));
    }

    [Fact]
    public void BackupDecisionsComeOnlyFromThePlanner()
    {
        var design = DesignEngine.Create(Shop());
        var backup = design.Decisions.Where(d => d.Area == DesignAreas.BackupAndRecovery).ToList();
        Assert.Equal(design.Backup!.Decisions, backup);
        Assert.Single(backup, d => d.Subject == "Method");
    }

    [Fact]
    public void TheBackupNameIsSafeForPathsAndStanzas()
    {
        Assert.Equal("shop_fast", PostgreSqlBackupPlanner.SafeName("shop_fast"));
        Assert.Equal("my_shop_2", PostgreSqlBackupPlanner.SafeName("My Shop-2"));
        Assert.Equal("database", PostgreSqlBackupPlanner.SafeName("ßß"));
    }

    [Fact]
    public void TheExportCarriesTheBackupFilesWithoutCredentialsAndIsDeterministic()
    {
        var design = DesignEngine.Create(Shop());
        var scripts = EngineRegistry.Get("postgresql").Scripts.Generate(design).Where(s => s.RelativePath.StartsWith("backup/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "backup/table-checksums.sql", "backup/backup.sh", "backup/restore.sh", "backup/restore-drill.sh", "backup/pgbackrest.conf", "backup/postgresql.pitr.conf", "backup/schedule.cron" },
            scripts.Select(s => s.RelativePath));
        Assert.All(scripts, s => Assert.False(s.IsBuildStep));
        foreach (var script in scripts.Where(s => s.RelativePath.EndsWith(".sh", StringComparison.Ordinal)))
        {
            Assert.StartsWith("#!/usr/bin/env bash\n", script.Text, StringComparison.Ordinal);
            Assert.Contains("\nset -euo pipefail\n", script.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("PGPASSWORD=", script.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("password=", script.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("archive_timeout = 150s", scripts.Single(s => s.Name == "postgresql.pitr.conf").Text, StringComparison.Ordinal);
        Assert.Contains("repo1-retention-full=2", scripts.Single(s => s.Name == "pgbackrest.conf").Text, StringComparison.Ordinal);
        Assert.Contains("0 1 * * 0 postgres pgbackrest --stanza=shop_fast --type=full backup", scripts.Single(s => s.Name == "schedule.cron").Text, StringComparison.Ordinal);
        var again = EngineRegistry.Get("postgresql").Scripts.Generate(DesignEngine.Create(Shop())).Where(s => s.RelativePath.StartsWith("backup/", StringComparison.Ordinal));
        Assert.Equal(scripts.Select(s => s.Text), again.Select(s => s.Text));
    }

    [Fact]
    public void DesignJsonCarriesTheObjectivesAndThePlanOnce()
    {
        var json = DesignExporter.Plan(DesignEngine.Create(Shop())).Single(f => f.RelativePath == DesignExporter.JsonFile).Content;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(5, root.GetProperty("requirement").GetProperty("operations").GetProperty("rpoMinutes").GetDouble());
        var backup = root.GetProperty("backup");
        Assert.Equal(60, backup.GetProperty("objectives").GetProperty("rtoMinutes").GetDouble());
        Assert.Equal("0 1 * * 0", backup.GetProperty("physical").GetProperty("fullCron").GetString());
        Assert.False(backup.TryGetProperty("decisions", out _));
        Assert.False(System.Text.Json.JsonDocument.Parse(DesignExporter.Plan(DesignEngine.Create(Spec.Shop())).Single(f => f.RelativePath == DesignExporter.JsonFile).Content)
            .RootElement.GetProperty("requirement").TryGetProperty("operations", out _));
    }

    [Fact]
    public void DesignDocumentShowsTheArithmeticTheScheduleAndTheFiles()
    {
        var design = DesignEngine.Create(Shop());
        var document = DesignExporter.Plan(design).Single(f => f.RelativePath == DesignExporter.DocumentFile).Content;
        var start = document.IndexOf("### Backup & Recovery", StringComparison.Ordinal);
        var section = document[start..document.IndexOf("### Monitoring & Maintenance", start, StringComparison.Ordinal)];
        Assert.Contains("#### Recovery arithmetic", section, StringComparison.Ordinal);
        Assert.Contains("| Physical restore (pgBackRest) and WAL replay |", section, StringComparison.Ordinal);
        Assert.Contains("#### Backup schedule (UTC)", section, StringComparison.Ordinal);
        Assert.Contains("| Full backup | `0 1 * * 0` |", section, StringComparison.Ordinal);
        Assert.Contains("`backup/restore-drill.sh`", section, StringComparison.Ordinal);
        Assert.Contains("RTO of 60 min", section, StringComparison.Ordinal);
    }
}
