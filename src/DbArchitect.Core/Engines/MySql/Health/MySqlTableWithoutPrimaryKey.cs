using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>TABLE_WITHOUT_PK: InnoDB then clusters on a hidden 6-byte row id, and row-based replication scans for every change.</summary>
internal sealed class MySqlTableWithoutPrimaryKey : MySqlHealthCheck
{
    public override string Id => "TABLE_WITHOUT_PK";

    public override string Title => "Table without a primary key";

    public override string Category => "Schema";

    public override string Description => "Base tables of the current database without a PRIMARY KEY. InnoDB clusters them on a hidden row id that serialises inserts on a global mutex, replicas applying row-based events do a full scan per changed row, and Galera/Group Replication refuse them. A table the server cannot open (information_schema shows no engine, and so no keys: a crashed MyISAM table) is left to INTEGRITY_CHECK.";

    public override string Sql => """
        SELECT t.table_name AS target, t.engine, t.table_rows
        FROM information_schema.tables t
        WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND t.engine IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k
                          WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name AND k.constraint_type = 'PRIMARY KEY')
        """;

    protected override string Describe(LiveRow row, double? measured) => $"No primary key ({row.String("engine")}, about {row.String("table_rows")} rows).";

    protected override string Recommend(LiveRow row) => "Add a primary key (an AUTO_INCREMENT BIGINT if nothing natural exists) with an online ALTER TABLE.";
}
