namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>PostgreSQL 15 and later: the wiring of this folder's parts.</summary>
public sealed class PostgreSqlEngine : IDatabaseEngine
{
    public string Id => "postgresql";

    public string DisplayName => "PostgreSQL 15";

    public IIdentifierRules Identifiers { get; } = new PostgreSqlIdentifiers();

    public ITypeMapper Types { get; } = new PostgreSqlTypes();

    public IScriptGenerator Scripts { get; } = new PostgreSqlScripts();

    public IEngineLimits Limits { get; } = new PostgreSqlLimits();

    public ICapacityModel Capacity { get; } = new PostgreSqlCapacity();

    public IMaintenancePlanner Maintenance { get; } = new PostgreSqlMaintenance();

    public ISecurityPlanner Security { get; } = new PostgreSqlSecurity();

    public IBackupPlanner Backup { get; } = new PostgreSqlBackupPlanner();

    public IScaleOut ScaleOut { get; } = new PostgreSqlScaleOut();

    public IConfigAdvisor Config { get; } = new PostgreSqlConfigAdvisor();

    public EngineWording Wording => PostgreSqlWording.Wording;

    public IQueryWriter Queries { get; } = new PostgreSqlQueries(new PostgreSqlIdentifiers().MaxIdentifierBytes);

    /// <summary>The neutral model is PostgreSQL-shaped, so nothing is adapted; the engine's own decisions are its migration rules.</summary>
    public IReadOnlyList<Design.DesignDecision> Decisions(Requirements.DbRequirement requirement, Model.SchemaModel physical) =>
        PostgreSqlMigrationRules.For(requirement, physical);

    public Live.ILiveDriver Live { get; } = new PostgreSqlLiveDriver();

    public Schema.ISchemaInspector Inspector { get; } = new PostgreSqlInspector();

    public Migration.IMigrationPlanner Migrations { get; } = new PostgreSqlMigrationPlanner();

    public Indexing.IIndexAdviceDdl IndexAdvice { get; } = new PostgreSqlIndexAdvice();

    public Indexing.IStatementLogReader StatementLog { get; } = new PostgreSqlStatementLog();

    public Partitioning.IPartitionEngine Partitioning { get; } = new PostgreSqlPartitioning();
}
