using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>INTEGRITY_CHECK: PRAGMA integrity_check's complaints.</summary>
internal sealed class SqliteIntegrityCheck : SqliteHealthCheck
{
    public override string Id => "INTEGRITY_CHECK";

    public override string Title => "Database file integrity";

    public override string Category => "Integrity";

    public override string Description => "PRAGMA integrity_check: b-tree structure, index entries matching their rows, NOT NULL and CHECK constraints. Any line other than 'ok' is corruption or a constraint the data breaks.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => "SELECT 'main' AS target, integrity_check AS problem FROM pragma_integrity_check WHERE integrity_check <> 'ok'";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) => $"integrity_check: {row.String("problem")}";

    protected override string Recommend(LiveRow row) => "Restore from a backup, or copy what is readable into a new file with the sqlite3 .recover command.";
}
