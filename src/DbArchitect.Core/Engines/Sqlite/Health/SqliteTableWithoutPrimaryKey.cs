using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>TABLE_WITHOUT_PK: tables keyed only by the implicit rowid.</summary>
internal sealed class SqliteTableWithoutPrimaryKey : SqliteHealthCheck
{
    public override string Id => "TABLE_WITHOUT_PK";

    public override string Title => "Table without a primary key";

    public override string Category => "Schema";

    public override string Description => "Tables with no declared PRIMARY KEY: rows are identified only by the implicit rowid, which VACUUM may renumber, so nothing outside the table can refer to a row reliably.";

    public override string Sql => $"""
        SELECT m.name AS target FROM sqlite_schema m
        WHERE {SqliteHealth.UserTable("m")} AND m.sql NOT LIKE 'CREATE VIRTUAL%'
          AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.pk > 0)
        """;

    protected override string Describe(LiveRow row, double? measured) => "No primary key; rows are known only by rowid.";

    protected override string Recommend(LiveRow row) => "Declare a primary key (INTEGER PRIMARY KEY makes the rowid a stable, named key).";
}
