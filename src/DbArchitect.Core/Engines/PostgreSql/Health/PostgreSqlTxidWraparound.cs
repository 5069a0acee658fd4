using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>TXID_WRAPAROUND: each database's oldest unfrozen transaction id as a share of the 2^31 wraparound horizon.</summary>
internal sealed class PostgreSqlTxidWraparound : PostgreSqlHealthCheck
{
    public override string Id => "TXID_WRAPAROUND";

    public override string Title => "Transaction ID wraparound";

    public override string Category => "Vacuum";

    public override string Description => "age(datfrozenxid) as a % of 2^31. At 100 % PostgreSQL stops accepting writes to prevent data loss. Warning at 50 % (about 1.07 billion, well past the 200 million autovacuum_freeze_max_age default, so freezing is falling behind), critical at 75 %.";

    public override HealthThreshold DefaultThreshold => new(50, 75, "%");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT datname AS target, round(100.0 * age(datfrozenxid) / 2147483648, 2) AS measured,
               age(datfrozenxid) AS xid_age, current_setting('autovacuum_freeze_max_age') AS autovacuum_freeze_max_age
        FROM pg_database WHERE datallowconn
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Oldest unfrozen transaction id is {row.String("xid_age")} transactions old ({HealthThreshold.Format(measured ?? 0)} % of the wraparound horizon).";

    protected override string Recommend(LiveRow row) => "Run VACUUM (FREEZE) on the oldest tables of that database (pg_class.relfrozenxid), and look for long transactions, orphaned prepared transactions or stale replication slots that block freezing.";
}
