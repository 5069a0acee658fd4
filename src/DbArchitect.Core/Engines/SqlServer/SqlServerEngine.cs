namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>SQL Server 2022 (compatibility level 160): the wiring of this folder's parts.</summary>
public sealed class SqlServerEngine : IDatabaseEngine
{
    public string Id => "sqlserver";

    public string DisplayName => "SQL Server 2022";

    public IIdentifierRules Identifiers { get; } = new SqlServerIdentifiers();

    public ITypeMapper Types { get; } = new SqlServerTypes();

    public IScriptGenerator Scripts { get; } = new SqlServerScripts();

    public IEngineLimits Limits { get; } = new SqlServerLimits();

    public ICapacityModel Capacity { get; } = new SqlServerCapacity();

    public IMaintenancePlanner Maintenance { get; } = new SqlServerMaintenance();

    public ISecurityPlanner Security { get; } = new SqlServerSecurity();

    public IBackupPlanner Backup { get; } = new SqlServerBackup();

    public IScaleOut ScaleOut { get; } = new SqlServerScaleOut();

    public Partitioning.IPartitionEngine Partitioning { get; } = new SqlServerPartitioning();

    public IConfigAdvisor Config { get; } = new SqlServerConfigAdvisor();

    public EngineWording Wording => SqlServerWording.Wording;

    public IQueryWriter Queries { get; } = new SqlServerQueries();

    private static readonly SqlServerPhysicalAdapter Adapter = new();

    // The adapter both changes the model and says why; it is deterministic, so each hook runs it on the same input.
    public IReadOnlyList<Design.DesignDecision> Decisions(Requirements.DbRequirement requirement, Model.SchemaModel physical)
    {
        var decisions = new List<Design.DesignDecision>();
        Adapter.Adapt(physical, decisions);
        return decisions;
    }

    public Model.SchemaModel Adapt(Model.SchemaModel physical) => Adapter.Adapt(physical, new List<Design.DesignDecision>());

    public Live.ILiveDriver Live { get; } = new SqlServerLiveDriver();

    public Schema.ISchemaInspector Inspector { get; } = new SqlServerInspector();

    public Migration.IMigrationPlanner Migrations { get; } = new SqlServerMigrationPlanner();

    public Indexing.IIndexAdviceDdl IndexAdvice { get; } = new SqlServerIndexAdvice();
}
