namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL 8.0+ and MariaDB 10.11: one engine parameterised by <see cref="MySqlDialect"/>, registered once per dialect.
/// </summary>
public sealed class MySqlEngine : IDatabaseEngine
{
    public MySqlEngine(MySqlDialect dialect)
    {
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        Identifiers = new MySqlIdentifiers();
        Types = new MySqlTypes(dialect);
        Scripts = new MySqlScripts(dialect);
        Limits = new MySqlLimits(dialect);
        Capacity = new MySqlCapacity(dialect);
        Maintenance = new MySqlMaintenance(dialect);
        Security = new MySqlSecurity(dialect);
        Backup = new MySqlBackup(dialect);
        ScaleOut = new MySqlScaleOut(dialect);
        Config = new MySqlConfigAdvisor(dialect);
        Queries = new MySqlQueries(dialect);
        Live = new MySqlLiveDriver(dialect);
        Inspector = new MySqlInspector(dialect);
        Migrations = new MySqlMigrationPlanner(dialect);
        Partitioning = new MySqlPartitioning(dialect);
    }

    public MySqlDialect Dialect { get; }

    public string Id => Dialect.Id;

    public string DisplayName => Dialect.DisplayName;

    public IIdentifierRules Identifiers { get; }

    public ITypeMapper Types { get; }

    public IScriptGenerator Scripts { get; }

    public IEngineLimits Limits { get; }

    public ICapacityModel Capacity { get; }

    public IMaintenancePlanner Maintenance { get; }

    public ISecurityPlanner Security { get; }

    public IBackupPlanner Backup { get; }

    public IScaleOut ScaleOut { get; }

    public IConfigAdvisor Config { get; }

    public EngineWording Wording => MySqlWording.Wording;

    public IQueryWriter Queries { get; }

    public Live.ILiveDriver Live { get; }

    public Schema.ISchemaInspector Inspector { get; }

    public Migration.IMigrationPlanner Migrations { get; }

    public Indexing.IIndexAdviceDdl IndexAdvice => new MySqlIndexAdvice(Dialect);

    public Partitioning.IPartitionEngine Partitioning { get; }
}
