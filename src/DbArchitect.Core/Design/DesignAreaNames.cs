namespace DbArchitect.Core.Design;

/// <summary>Areas of <see cref="DesignDecision"/>, in the order of the architecture document.</summary>
internal static class DesignAreaNames
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
    public const string Monitoring = "Monitoring and maintenance";
    public const string Security = "Security";
    public const string ScalabilityRoadmap = "Scalability roadmap";
}
