using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines;

/// <summary>A hard limit of an engine, with the manual's rule in words ("PostgreSQL allows at most 1600 columns per table").</summary>
public sealed record EngineLimit(int Figure, string Rule);

/// <summary>
/// The limits beyond which the engine's server refuses a table or index outright. The design checks them
/// (<see cref="Design.EngineLimitChecks"/>) so that a requirements file is refused with the engine's figure at design
/// time rather than by the server when the scripts are applied. Each engine states its own figures in its folder.
/// </summary>
public interface IEngineLimits
{
    /// <summary>The most columns one table may have.</summary>
    EngineLimit Columns { get; }

    /// <summary>
    /// Columns the engine's DDL adds to a table beyond the model's (MariaDB's virtual helper columns for lower() keys
    /// and partial unique indexes): they count against <see cref="Columns"/> and must not take a name the table has.
    /// </summary>
    IReadOnlyList<string> AddedColumns(Table table) => Array.Empty<string>();

    /// <summary>Names every table already has as system columns, so no column may take them (PostgreSQL: ctid, xmin …).</summary>
    IReadOnlyCollection<string> SystemColumns => Array.Empty<string>();

    /// <summary>The most columns one index may name; null when the engine has none below its column limit (SQLite).</summary>
    EngineLimit? IndexColumns { get; }

    /// <summary>Whether an index's INCLUDE columns count against <see cref="IndexColumns"/> (PostgreSQL: yes; SQL Server: no).</summary>
    bool IncludedColumnsCount => false;

    /// <summary>The most bytes of a row the engine counts at CREATE TABLE; null when it has no such hard limit.</summary>
    EngineLimit? RowBytes => null;

    /// <summary>The bytes <see cref="RowBytes"/> counts for a table (the engine's own rule; 0 when it has none).</summary>
    int RowBytesOf(Table table) => 0;

    /// <summary>The most bytes of fixed-width key columns a secondary index may have; null when the engine has no hard limit.</summary>
    EngineLimit? IndexKeyBytes => null;

    /// <summary>The bytes a column always takes as an index key, counted against <see cref="IndexKeyBytes"/> (0 for variable width).</summary>
    int FixedKeyBytesOf(Column column) => 0;
}
