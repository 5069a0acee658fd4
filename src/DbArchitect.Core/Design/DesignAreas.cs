namespace DbArchitect.Core.Design;

/// <summary>
/// The <see cref="DesignDecision.Area"/> values. The design engine files every decision under one of these, and the
/// design document (design.md) renders each area as the section of the same name, in the architecture template's order.
/// </summary>
public static class DesignAreas
{
    public const string Technology = "Technology";
    public const string SupportingTechnology = "Supporting technology";
    public const string Schema = "Schema";
    public const string Indexing = "Indexing";
    public const string Partitioning = "Partitioning";
    public const string QueryOptimization = "Query optimization";
    public const string PerformanceTuning = "Performance tuning";
    public const string DataMigration = "Data migration";
    public const string BackupAndRecovery = "Backup and recovery";
    public const string MonitoringAndMaintenance = "Monitoring and maintenance";
    public const string Security = "Security";
    public const string ScalabilityRoadmap = "Scalability roadmap";

    /// <summary>Every area, in the order the design document presents them.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Technology, SupportingTechnology, Schema, Indexing, Partitioning, QueryOptimization, PerformanceTuning,
        DataMigration, BackupAndRecovery, MonitoringAndMaintenance, Security, ScalabilityRoadmap,
    };
}
