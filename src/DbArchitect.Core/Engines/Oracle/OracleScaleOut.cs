namespace DbArchitect.Core.Engines.Oracle;

/// <summary>Oracle scales reads with Active Data Guard standbys and writes with Oracle Sharding (or RAC for one database on many nodes).</summary>
public sealed class OracleScaleOut : IScaleOut
{
    public string ReadReplicas => "Active Data Guard standbys (read-only, licensed option)";

    public string Sharding => "Oracle Globally Distributed Database (Oracle Sharding)";

    public string ShardingScriptPath => "no script generated: Oracle Sharding needs a shard catalog and GDSCTL, planned when the roadmap reaches it";
}
