using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>FOREIGN_KEY_VIOLATION: rows whose parent is missing (SQLite enforces foreign keys only when a connection asks).</summary>
internal sealed class SqliteForeignKeyViolation : SqliteHealthCheck
{
    public override string Id => "FOREIGN_KEY_VIOLATION";

    public override string Title => "Rows violating a foreign key";

    public override string Category => "Integrity";

    public override string Description => "PRAGMA foreign_key_check, counted per child table and parent: SQLite enforces foreign keys only on connections that set PRAGMA foreign_keys = ON, so any other writer can leave orphans.";

    public override string Sql => """
        SELECT "table" || ' → ' || parent AS target, count(*) AS rows_violating
        FROM pragma_foreign_key_check
        GROUP BY "table", parent
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("rows_violating")} rows reference a missing parent.";

    protected override string Recommend(LiveRow row) => "Repair or delete the orphans, and make every writer set PRAGMA foreign_keys = ON.";
}
