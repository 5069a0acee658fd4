namespace DbArchitect.Core.Engines.MySql;

/// <summary>Replicas and sharding on MySQL (InnoDB Cluster, Vitess) and MariaDB (Galera, Spider).</summary>
public sealed class MySqlScaleOut : IScaleOut
{
    private readonly MySqlDialect _dialect;

    public MySqlScaleOut(MySqlDialect dialect) => _dialect = dialect;

    public string ReadReplicas => _dialect.IsMariaDb
        ? "GTID binlog replicas (or a Galera cluster for synchronous multi-primary)"
        : "GTID binlog replicas (InnoDB ClusterSet / Group Replication for automatic failover)";

    public string Sharding => _dialect.IsMariaDb ? "Spider storage engine or Vitess" : "Vitess";

    public string ShardingScriptPath => "sharding/README.sql";
}
