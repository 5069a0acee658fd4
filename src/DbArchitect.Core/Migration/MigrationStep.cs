namespace DbArchitect.Core.Migration;

/// <summary>
/// Expand/contract order: add what is new (nothing breaks), fill it, tighten it, remove what is old; destructive
/// steps run last and in files of their own.
/// </summary>
public enum MigrationPhase { Expand, Backfill, Tighten, Contract, Destructive }

public enum MigrationRisk
{
    /// <summary>Catalog-only or online: readers and writers are not blocked beyond a bounded lock wait.</summary>
    Low,

    /// <summary>Long-running but online (a scan or a backfill), or a brief strong lock taken with a timeout and retries.</summary>
    Medium,

    /// <summary>Blocks writers for the length of a table rewrite, breaks clients (rename), or can lose data.</summary>
    High,
}

/// <summary>
/// One step of a migration: its SQL, the lock it takes, whether it may share a transaction with other steps, how to
/// undo it, its risk and why it is written the way it is.
/// </summary>
public sealed record MigrationStep(
    int Order,
    MigrationPhase Phase,
    string Table,
    string Description,
    string Sql,
    string Lock,
    bool Transactional,
    string? RollbackSql,
    MigrationRisk Risk,
    bool LosesData,
    string Reason)
{
    /// <summary>
    /// The bare statements inside <see cref="Sql"/>'s wrapper (retry block, batch loop), so a linter that does not read
    /// procedural bodies can still judge them; empty when <see cref="Sql"/> is the statements themselves.
    /// </summary>
    public IReadOnlyList<string> Statements { get; init; } = Array.Empty<string>();
}
