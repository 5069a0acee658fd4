using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>MULTIXACT_WRAPAROUND: the same horizon for multixact ids (row locks shared by several transactions).</summary>
internal sealed class PostgreSqlMultixactWraparound : PostgreSqlHealthCheck
{
    public override string Id => "MULTIXACT_WRAPAROUND";

    public override string Title => "Multixact ID wraparound";

    public override string Category => "Vacuum";

    public override string Description => "mxid_age(datminmxid) as a % of 2^31: heavy use of foreign keys and SELECT … FOR SHARE consumes multixact ids, which wrap around like transaction ids. Warning 50 %, critical 75 %.";

    public override HealthThreshold DefaultThreshold => new(50, 75, "%");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT datname AS target, round(100.0 * mxid_age(datminmxid) / 2147483648, 2) AS measured, mxid_age(datminmxid) AS multixact_age
        FROM pg_database WHERE datallowconn
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Oldest multixact id is {row.String("multixact_age")} old ({HealthThreshold.Format(measured ?? 0)} % of the wraparound horizon).";

    protected override string Recommend(LiveRow row) => "VACUUM (FREEZE) the tables with the oldest relminmxid; lower autovacuum_multixact_freeze_max_age if this recurs.";
}
