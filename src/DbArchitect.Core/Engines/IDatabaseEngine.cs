using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>
/// One relational database engine. Each engine lives in its own folder (Engines/&lt;Engine&gt;/) with the same file
/// names, its technology-ranking profile (&lt;Engine&gt;Profile.cs) among them, and is registered by one line in
/// <see cref="EngineRegistry"/>; nothing else changes when an engine is added (EngineRegistrationTests checks that no
/// file outside the folder and the registry names its id).
/// </summary>
public interface IDatabaseEngine
{
    /// <summary>Stable lower-case id used on the command line and in requirements files: "postgresql".</summary>
    string Id { get; }

    /// <summary>Name and minimum version the generated SQL targets: "PostgreSQL 15".</summary>
    string DisplayName { get; }

    IIdentifierRules Identifiers { get; }

    ITypeMapper Types { get; }

    IScriptGenerator Scripts { get; }

    /// <summary>The table and index limits beyond which the engine's server refuses the DDL, checked at design time.</summary>
    IEngineLimits Limits { get; }

    /// <summary>The engine's storage rules for the capacity forecast.</summary>
    ICapacityModel Capacity { get; }

    IMaintenancePlanner Maintenance { get; }

    ISecurityPlanner Security { get; }

    IBackupPlanner Backup { get; }

    IScaleOut ScaleOut { get; }

    /// <summary>Server configuration for the stated hardware and workload (memory, parallelism, autovacuum, logging).</summary>
    IConfigAdvisor Config { get; }

    /// <summary>The ready, parameterised query of each access pattern, shaped so the pattern's index serves it.</summary>
    IQueryWriter Queries { get; }

    /// <summary>
    /// The engine's own decisions about a physical model: where it does something differently from the neutral,
    /// PostgreSQL-shaped model (types, keys, constraints, indexes, triggers, tenancy) and why. Shown in design.md.
    /// </summary>
    IReadOnlyList<DesignDecision> Decisions(DbRequirement requirement, Model.SchemaModel physical) => Array.Empty<DesignDecision>();

    /// <summary>
    /// The physical model as the engine builds it, when that differs from the neutral one (an index kind the engine
    /// does not have becomes its nearest equivalent or is left out); <see cref="Decisions"/> explains each change.
    /// </summary>
    Model.SchemaModel Adapt(Model.SchemaModel physical) => physical;

    /// <summary>How to reach a live server of this engine (driver, session setup); null when live work is not supported.</summary>
    Live.ILiveDriver? Live => null;

    /// <summary>
    /// How the shared design code words the neutral model's PostgreSQL-shaped features for this engine (tenant comment,
    /// index reasons, scans, per-partition maintenance, index method names); neutral unless the engine has its own words.
    /// </summary>
    EngineWording Wording => EngineWording.Neutral;

    /// <summary>Reads a live catalog into the neutral model (Import-DbSchema); null when the engine has no inspector.</summary>
    Schema.ISchemaInspector? Inspector => null;

    /// <summary>Turns schema differences into ordered, online migration steps; null when the engine has no planner.</summary>
    Migration.IMigrationPlanner? Migrations => null;

    /// <summary>The online DDL and index kinds for Get-IndexRecommendation; null when the engine has no index advice.</summary>
    Indexing.IIndexAdviceDdl? IndexAdvice => null;

    /// <summary>Reads the engine's server log as a workload (Get-IndexRecommendation -Workload server.log); null when it has none.</summary>
    Indexing.IStatementLogReader? StatementLog => null;

    /// <summary>How the engine partitions a table (rules, plan steps, live reading); null when it has no declarative partitioning.</summary>
    Partitioning.IPartitionEngine? Partitioning => null;
}

/// <summary>How the engine spells names: quoting, case folding, reserved words and length limits.</summary>
public interface IIdentifierRules
{
    /// <summary>Longest identifier the engine keeps, in UTF-8 bytes (PostgreSQL: 63).</summary>
    int MaxIdentifierBytes { get; }

    /// <summary>True when the name must be quoted to keep its exact spelling (reserved word, mixed case, odd characters).</summary>
    bool NeedsQuoting(string identifier);

    /// <summary>The identifier as it must appear in SQL: quoted (with embedded quotes doubled) only where needed.</summary>
    string Quote(string identifier);

    /// <summary>
    /// Whether two names that differ only in case are different objects. When false, the physical designer keeps
    /// names unique ignoring case (SQL Server's default collations, MySQL column and index names, SQLite).
    /// </summary>
    bool CaseSensitive => true;
}

/// <summary>A native type chosen for a logical type, with the trade-off behind the choice.</summary>
public sealed record NativeType(string Sql, string? Reason);

public interface ITypeMapper
{
    NativeType Map(LogicalType type);
}

/// <summary>Turns a physical design into the ordered SQL scripts that build it.</summary>
public interface IScriptGenerator
{
    IReadOnlyList<SqlScript> Generate(DbDesign design);
}
