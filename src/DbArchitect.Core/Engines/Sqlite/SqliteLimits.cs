namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite's hard limits ("Limits In SQLite"): SQLITE_MAX_COLUMN, 2000 by default, caps the columns of a table and of
/// an index alike, so an index has no limit of its own below the table's; a row may reach SQLITE_MAX_LENGTH (1 GB).
/// </summary>
internal sealed class SqliteLimits : IEngineLimits
{
    public EngineLimit Columns { get; } = new(2000, "SQLite allows at most 2000 columns per table (SQLITE_MAX_COLUMN)");

    public EngineLimit? IndexColumns => null;
}
