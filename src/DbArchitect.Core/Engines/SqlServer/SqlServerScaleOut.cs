namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>SQL Server scales reads with Always On readable secondaries; it has no built-in sharding.</summary>
internal sealed class SqlServerScaleOut : IScaleOut
{
    public string ReadReplicas => "Always On availability group readable secondaries (ApplicationIntent=ReadOnly)";

    public string Sharding => "application-level sharding with a shard map (Elastic Database tools); SQL Server has no built-in sharding";

    public string ShardingScriptPath => "design.md (no sharding script for SQL Server)";
}
