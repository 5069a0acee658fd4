using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Script 1: the settings stored in the database file itself, which must be set before the first table exists
/// (page_size, auto_vacuum) or outside a transaction (journal_mode). Every other PRAGMA is per connection (config/).
/// </summary>
internal static class SqliteDatabaseDdl
{
    public const string Purpose = "Sets the file-level settings before any table exists: 4 KB pages, incremental auto-vacuum, WAL journal.";

    public const int PageSize = 4096;

    public static void Write(W writer)
    {
        writer.Comment($"{PageSize}-byte pages: SQLite's default and the size of an OS page and SSD sector, so a page write is one I/O.");
        writer.Statement($"PRAGMA page_size = {PageSize}");
        writer.Comment("INCREMENTAL: freed pages are kept on a free list and returned to the OS by PRAGMA incremental_vacuum (maintenance/), never by a full VACUUM that rewrites the file; only settable before the first table.");
        writer.Statement("PRAGMA auto_vacuum = INCREMENTAL");
        writer.Comment("WAL: readers never block the writer and the writer never blocks readers; persistent in the file.");
        writer.Statement("PRAGMA journal_mode = WAL");
    }
}
