using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>
/// INTEGRITY_CHECK: PRAGMA quick_check's complaints in the default run (b-trees, NOT NULL and CHECK constraints, in
/// time linear in the file), and PRAGMA integrity_check's with -Deep, which also matches every index entry to its row.
/// </summary>
internal sealed class SqliteIntegrityCheck : SqliteHealthCheck
{
    public override string Id => "INTEGRITY_CHECK";

    public override string Title => "Database file integrity";

    public override string Category => "Integrity";

    public override string Description => "PRAGMA quick_check (b-tree structure, NOT NULL and CHECK constraints); with -Deep PRAGMA integrity_check, which also verifies that every index entry matches its row. Any line other than 'ok' is corruption or a constraint the data breaks.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => "SELECT 'main' AS target, quick_check AS problem, 'quick_check' AS pragma FROM pragma_quick_check WHERE quick_check <> 'ok'";

    protected override string QueryFor(HealthCheckContext context) => context.Options.Deep
        ? "SELECT 'main' AS target, integrity_check AS problem, 'integrity_check' AS pragma FROM pragma_integrity_check WHERE integrity_check <> 'ok'"
        : Sql;

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("pragma")}: {row.String("problem")}";

    protected override string Recommend(LiveRow row) => "Restore from a backup, or copy what is readable into a new file with the sqlite3 .recover command.";
}
