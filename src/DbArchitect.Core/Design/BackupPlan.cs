using System.Text.Json.Serialization;

namespace DbArchitect.Core.Design;

/// <summary>
/// How a design is backed up and recovered: the objectives it was sized for, the size and write rate it was sized
/// from, the methods with their settings, the schedule, and the recovery-time arithmetic. Engine-neutral: every engine
/// has full and differential/incremental physical backups, a log archive and a logical export; each engine's planner
/// fills in its own figures and settings. Its decisions are also the design's (design.json lists them there once).
/// </summary>
public sealed record BackupPlan(
    RecoveryObjectives Objectives,
    BackupSize Size,
    LogicalBackup Logical,
    PhysicalBackup Physical,
    LogArchiving Archiving,
    IReadOnlyList<BackupJob> Schedule,
    IReadOnlyList<RecoveryEstimate> Estimates,
    [property: JsonIgnore] IReadOnlyList<DesignDecision> Decisions)
{
    /// <summary>Safe file-system and repository name of the backups (letters, digits, underscores).</summary>
    public required string Name { get; init; }

    /// <summary>How the backup scripts connect and what they check, for design.md; null for the PostgreSQL wording.</summary>
    public string? FilesNote { get; init; }
}

/// <summary>The recovery point and time objectives and the daily backup window (UTC minutes), with whether each was stated.</summary>
public sealed record RecoveryObjectives(
    double RpoMinutes,
    bool RpoStated,
    double RtoMinutes,
    bool RtoStated,
    int WindowStartMinute,
    int WindowMinutes,
    string Window,
    bool WindowStated);

/// <summary>The sizes the plan was computed from, at the planning horizon.</summary>
public sealed record BackupSize(long DataBytes, long IndexBytes, long WriteBytesPerDay, long LogBytesPerDay, string Horizon, string Source)
{
    public long TotalBytes => DataBytes + IndexBytes;
}

/// <summary>Logical (export) backups: pg_dump, mysqldump, …</summary>
public sealed record LogicalBackup(bool Scheduled, string Format, int Jobs, int RestoreJobs, int CompressionLevel, int KeepDays, string Cron);

/// <summary>Physical backups: full, differential and incremental runs into a repository.</summary>
public sealed record PhysicalBackup(
    bool Primary,
    string FullCron,
    string DifferentialCron,
    string? IncrementalCron,
    int IncrementalEveryHours,
    int RetentionFull,
    int RetentionDifferential,
    int BackupProcesses,
    int RestoreProcesses,
    string Compression,
    int CompressionLevel,
    long RepositoryBytes);

/// <summary>Continuous archiving of the transaction log, which gives point-in-time recovery.</summary>
public sealed record LogArchiving(int TimeoutSeconds, bool NeedsStreaming);

/// <summary>One scheduled job: a cron expression (UTC), the command, and why it runs then.</summary>
public sealed record BackupJob(string Name, string Cron, string Command, string Reason);

/// <summary>A duration the plan computed, the arithmetic behind it, and whether it meets its target.</summary>
public sealed record RecoveryEstimate(string Scenario, double Minutes, double TargetMinutes, string Arithmetic)
{
    public bool MeetsTarget => Minutes <= TargetMinutes;
}
