using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>TABLE_BLOAT: InnoDB free space inside a table's tablespace (DATA_FREE) as a share of its size.</summary>
internal sealed class MySqlTableBloat : MySqlHealthCheck
{
    public override string Id => "TABLE_BLOAT";

    public override string Title => "Table fragmentation (free space)";

    public override string Category => "Vacuum";

    public override string Description => "DATA_FREE as a % of an InnoDB table's data, indexes and free space, for tables of 10 MB or more (file-per-table tablespaces). Warning 50 %, critical 80 %: space left by deletes that only a rebuild returns.";

    public override HealthThreshold DefaultThreshold => new(50, 80, "%");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT table_name AS target, table_name, data_length, index_length, data_free,
               ROUND(100 * data_free / (data_length + index_length + data_free), 1) AS measured
        FROM information_schema.tables
        WHERE table_schema = DATABASE() AND engine = 'InnoDB' AND data_length + index_length + data_free >= 10485760
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("data_free")} bytes free inside the table ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Rebuild it online (ALTER TABLE … FORCE, or OPTIMIZE TABLE) at a quiet time.";
}
