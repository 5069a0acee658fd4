using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>NON_TRANSACTIONAL_TABLE: MyISAM, Aria, MEMORY and other tables outside InnoDB.</summary>
internal sealed class MySqlNonTransactionalTable : MySqlHealthCheck
{
    public override string Id => "NON_TRANSACTIONAL_TABLE";

    public override string Title => "Table outside InnoDB";

    public override string Category => "Durability";

    public override string Description => "Base tables whose engine is not InnoDB: MyISAM and Aria lock whole tables, are not transactional and need repair after a crash; MEMORY loses everything on restart. Only InnoDB gives crash-safe ACID behaviour and consistent backups.";

    public override string Sql => """
        SELECT table_name AS target, table_name, engine, table_rows
        FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND engine IS NOT NULL AND engine <> 'InnoDB'
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Stored in {row.String("engine")} ({row.String("table_rows")} rows): not transactional or crash-safe.";

    protected override string Recommend(LiveRow row) => "Convert it to InnoDB (ALTER TABLE … ENGINE=InnoDB) unless it is a deliberate scratch table.";

    protected override string? Fix(LiveRow row) => $"ALTER TABLE {MySqlHealth.Table(row)} ENGINE=InnoDB;";
}
