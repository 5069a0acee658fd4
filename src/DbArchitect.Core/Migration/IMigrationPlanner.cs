using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Migration;

/// <summary>
/// An engine's migration idioms: turns schema differences into online steps (PostgreSQL: NOT VALID then VALIDATE,
/// CREATE INDEX CONCURRENTLY, lock_timeout with retries; MySQL: ALGORITHM=INSTANT/INPLACE, LOCK=NONE…) and frames
/// a group of steps as one migration file.
/// </summary>
public interface IMigrationPlanner
{
    IReadOnlyList<MigrationStep> Plan(SchemaComparison comparison, IReadOnlyList<SchemaDifference> differences, MigrationOptions options);

    /// <summary>The text of one migration file holding <paramref name="steps"/>; transactional files are wrapped in one transaction.</summary>
    string Frame(string title, IReadOnlyList<MigrationStep> steps, bool transactional, MigrationOptions options);

    /// <summary>
    /// Whether the planner knows how to migrate this difference; the others are refused with a message rather than
    /// planned wrongly. By default tables, columns, keys, checks and indexes (not partitioning, computed expressions or
    /// storage options, which change only by rebuilding the column or table).
    /// </summary>
    bool CanPlan(SchemaDifference difference) =>
        difference.ObjectKind <= SchemaObjectKind.Index
        && difference.Property is not (DifferenceProperty.RowSecurity or DifferenceProperty.Partitioning or DifferenceProperty.Computed or DifferenceProperty.StorageOptions);
}
