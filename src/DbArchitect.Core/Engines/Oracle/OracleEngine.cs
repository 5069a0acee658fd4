namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle Database 19c (the long-term release) with the 23ai differences in code: <see cref="OracleTarget.Oracle23ai"/>
/// adds BOOLEAN and the native JSON type. The registered engine "oracle" targets 19c, the release most sites run.
/// Not verified against a server here: the output is checked against Oracle's rules as text.
/// </summary>
public sealed class OracleEngine : IDatabaseEngine
{
    public OracleEngine(OracleTarget target = OracleTarget.Oracle19c)
    {
        var types = new OracleTypes(target);
        Target = target;
        Types = types;
        Scripts = new OracleScripts(types);
        Queries = new OracleQueries(types);
        Partitioning = new OraclePartitioning(types, target == OracleTarget.Oracle23ai ? "Oracle Database 23ai" : "Oracle Database 19c");
        DisplayName = target == OracleTarget.Oracle23ai ? "Oracle Database 23ai" : "Oracle Database 19c";
    }

    public OracleTarget Target { get; }

    public string Id => "oracle";

    public string DisplayName { get; }

    public IIdentifierRules Identifiers { get; } = new OracleIdentifiers();

    public ITypeMapper Types { get; }

    public IScriptGenerator Scripts { get; }

    public IEngineLimits Limits { get; } = new OracleLimits();

    public ICapacityModel Capacity { get; } = new OracleCapacity();

    public IMaintenancePlanner Maintenance { get; } = new OracleMaintenance();

    public ISecurityPlanner Security { get; } = new OracleSecurity();

    public IBackupPlanner Backup { get; } = new OracleBackupPlanner();

    public IScaleOut ScaleOut { get; } = new OracleScaleOut();

    public Partitioning.IPartitionEngine Partitioning { get; }

    public IConfigAdvisor Config { get; } = new OracleConfigAdvisor();

    public EngineWording Wording => OracleWording.Wording;

    public IQueryWriter Queries { get; }

    public IReadOnlyList<Design.DesignDecision> Decisions(Requirements.DbRequirement requirement, Model.SchemaModel physical) =>
        OracleAdaptations.For(requirement, physical, (OracleTypes)Types);

    public Migration.IMigrationPlanner Migrations => new OracleMigrationPlanner((OracleTypes)Types);

    public Indexing.IIndexAdviceDdl IndexAdvice { get; } = new OracleIndexAdvice();
}
