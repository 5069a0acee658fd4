using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>SQLite 3.45 and later (as shipped with Microsoft.Data.Sqlite): the wiring of this folder's parts.</summary>
public sealed class SqliteEngine : IDatabaseEngine
{
    public string Id => "sqlite";

    public string DisplayName => "SQLite 3.45";

    public IIdentifierRules Identifiers { get; } = new SqliteIdentifiers();

    public ITypeMapper Types { get; } = new SqliteTypes();

    public IScriptGenerator Scripts { get; } = new SqliteScripts();

    public IEngineLimits Limits { get; } = new SqliteLimits();

    public ICapacityModel Capacity { get; } = new SqliteCapacity();

    public IMaintenancePlanner Maintenance { get; } = new SqliteMaintenance();

    public ISecurityPlanner Security { get; } = new SqliteSecurity();

    public IBackupPlanner Backup { get; } = new SqliteBackup();

    public IScaleOut ScaleOut { get; } = new SqliteScaleOut();

    public IConfigAdvisor Config { get; } = new SqliteConfigAdvisor();

    public EngineWording Wording => SqliteWording.Wording;

    public IQueryWriter Queries { get; } = new SqliteQueries();

    public IReadOnlyList<DesignDecision> Decisions(DbRequirement requirement, SchemaModel physical) => SqliteDecisions.For(requirement, physical);

    public SchemaModel Adapt(SchemaModel physical) => SqliteIndexDdl.Adapt(physical);

    public Live.ILiveDriver Live { get; } = new SqliteLiveDriver();

    public Schema.ISchemaInspector Inspector { get; } = new SqliteInspector();

    public Indexing.IIndexAdviceDdl IndexAdvice { get; } = new SqliteIndexAdvice();
}
