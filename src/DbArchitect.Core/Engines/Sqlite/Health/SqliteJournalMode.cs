using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>JOURNAL_MODE: the database's journal mode, when it is not WAL.</summary>
internal sealed class SqliteJournalMode : SqliteHealthCheck
{
    public override string Id => "JOURNAL_MODE";

    public override string Title => "Journal mode";

    public override string Category => "Durability";

    public override string Description => "PRAGMA journal_mode. OFF and MEMORY lose or corrupt the database on a crash mid-transaction (warning); DELETE, TRUNCATE and PERSIST are safe but let a writer block every reader (info: WAL lets readers and one writer work together).";

    public override string Sql => "SELECT 'journal_mode' AS target, journal_mode AS mode FROM pragma_journal_mode WHERE lower(journal_mode) <> 'wal'";

    protected override HealthStatus FoundStatus => HealthStatus.Info;

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) =>
        row.String("mode")?.ToUpperInvariant() is "OFF" or "MEMORY" ? HealthStatus.Warning : judged;

    protected override string Describe(LiveRow row, double? measured) => $"journal_mode is {row.String("mode")}.";

    protected override string Recommend(LiveRow row) => "Use PRAGMA journal_mode = WAL (persistent) with synchronous = NORMAL for concurrent readers and crash safety.";
}
