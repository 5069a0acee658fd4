using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>
/// FOREIGN_KEYS_OFF: the schema declares foreign keys, but the connection does not enforce them. SQLite enforces
/// foreign keys per connection, off by default (the sqlite3 shell, Python's sqlite3 and most drivers; the library
/// bundled with Microsoft.Data.Sqlite turns it on), so an application that connects the way this check did writes
/// orphans without an error.
/// </summary>
internal sealed class SqliteForeignKeysOff : SqliteHealthCheck
{
    public override string Id => "FOREIGN_KEYS_OFF";

    public override string Title => "Foreign keys not enforced by the connection";

    public override string Category => "Integrity";

    public override string Description => "The database declares foreign keys and PRAGMA foreign_keys is off on the connection the check used (SQLite's default, set per connection; the sqlite3 shell, Python and most drivers leave it off): an application connecting the same way inserts orphans and deletes parents without an error. Nothing is reported for a schema without foreign keys, or when the connection enables them.";

    public override string Sql => $"""
        SELECT 'foreign_keys' AS target, k.foreign_keys AS setting,
               (SELECT count(*) FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE {SqliteHealth.UserTable("m")}) AS declared_keys
        FROM pragma_foreign_keys k
        WHERE k.foreign_keys = 0
          AND EXISTS (SELECT 1 FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE {SqliteHealth.UserTable("m")})
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("declared_keys")} foreign key column(s) are declared, but foreign_keys is off on this connection: nothing enforces them.";

    protected override string Recommend(LiveRow row) =>
        "Make every connection run PRAGMA foreign_keys = ON right after opening (Foreign Keys=True in Microsoft.Data.Sqlite, foreign_keys=1 in the URI or driver options); check existing rows with PRAGMA foreign_key_check first.";
}
