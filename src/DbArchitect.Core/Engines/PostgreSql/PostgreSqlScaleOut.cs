namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>PostgreSQL scales reads with streaming-replication standbys and writes with Citus.</summary>
public sealed class PostgreSqlScaleOut : IScaleOut
{
    public string ReadReplicas => "streaming-replication hot standbys";

    public string Sharding => "Citus";

    public string ShardingScriptPath => PostgreSqlCitusScript.RelativePath;
}
