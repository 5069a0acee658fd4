using System.Globalization;
using DbArchitect.Core.Engines.SqlServer.Health;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Get-IndexRecommendation on a live SQL Server: the schema imported set-wise (row counts, existing indexes), the
/// workload from the files given or else from Query Store (the plan cache when Query Store is off, said so) together
/// with the missing-index DMVs, merged and read by the T-SQL workload parser against the imported catalog. SQL Server
/// offers no hypothetical indexes to an ordinary login, so the heuristic model costs the candidates over the real row
/// counts; the review of existing indexes reads their use since the server started. The schema read is the one holding
/// most tables (dbo as a rule); statements on others are skipped by name.
/// </summary>
internal sealed class SqlServerLiveIndexAdvisor : ILiveIndexAdvisor
{
    /// <summary>SERVERPROPERTY('EngineEdition') of Standard, Web and Express: ONLINE index operations are refused.</summary>
    private const int StandardEdition = 2;
    private const int ExpressEdition = 4;

    private readonly List<string> _notes = new();

    public Workload Read(LiveSession session, LiveAdviceOptions options, Action<string, int, int>? progress)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        progress?.Invoke("Reading the catalog", 0, 0);
        var catalog = new SqlServerInspector().Inspect(session, SchemaFilter.All).OrderByDescending(s => s.Tables.Count).ThenBy(s => s.Schema, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new Errors.DbArchitectException(new Errors.DbArchitectError("IndexAdviceNoTables", Errors.ErrorKind.ObjectNotFound,
                $"{session.Target.Description} has no user tables to advise indexes for.", "Connect to the application's database (-Database).", null, session.Target.Description));
        var statements = options.Statements ?? ServerWorkload(session);
        var parsed = new SqlServerWorkloadParser().Parse(statements, catalog);
        _notes.AddRange(parsed.Notes);
        UnplannedWorkload.ThrowIfNonePlanned(statements, parsed.Queries.Count + parsed.Writes.Count, parsed.Notes, catalog.Name);
        // The review of existing indexes counts their reads since the server started (sys.dm_db_index_usage_stats).
        var profiles = SqlServerWorkloadSources.WithUsage(catalog.Tables.Select(t => DesignWorkload.Profile(catalog, t)).ToList(),
            session.Query(SqlServerWorkloadSources.IndexUsageSql, "Reading index usage"));
        var countersAge = Convert.ToDouble(session.Scalar(SqlServerWorkloadSources.CountersAgeSql, "Reading the server's start time") ?? 0, CultureInfo.InvariantCulture);
        var origin = string.Join(", ", statements.Select(s => s.Source).Distinct(StringComparer.Ordinal));
        if (Edition(session) is StandardEdition or ExpressEdition)
        {
            _notes.Add("warning: this edition refuses ONLINE index operations: remove WITH (ONLINE = ON) from the scripts and build them in a maintenance window.");
        }

        return new Workload(parsed.Queries, parsed.Writes, profiles, "executions") { Origin = $"{session.Target.Description} ({origin})", StatsAgeDays = countersAge };
    }

    public IIndexCostModel CostModel(LiveSession session, Workload workload, LiveAdviceOptions options, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        notes.AddRange(_notes);
        _notes.Clear();
        return new HeuristicCostModel(workload, "heuristic cost model over the server's row counts (SQL Server has no what-if indexes for an ordinary login)");
    }

    /// <summary>Query Store's statements, or the plan cache's when Query Store is off, plus the missing-index suggestions.</summary>
    private List<WorkloadStatement> ServerWorkload(LiveSession session)
    {
        var state = Convert.ToString(session.Scalar(SqlServerWorkloadSources.QueryStoreStateSql, "Reading the Query Store state"), CultureInfo.InvariantCulture);
        List<WorkloadStatement> statements;
        if (SqlServerWorkloadSources.QueryStoreOn(state))
        {
            statements = SqlServerWorkloadSources.Statements(session.Query(SqlServerWorkloadSources.QueryStoreSql, "Reading Query Store"), "Query Store, last 7 days").ToList();
            _notes.Add($"The workload is Query Store's {statements.Count} heaviest statements of the last 7 days.");
        }
        else
        {
            statements = SqlServerWorkloadSources.Statements(session.Query(SqlServerWorkloadSources.PlanCacheSql, "Reading the plan cache"), "plan cache").ToList();
            _notes.Add($"warning: Query Store is {state ?? "off"} in this database, so the workload is the plan cache's {statements.Count} heaviest statements: only what is cached now, since the last restart or eviction. ALTER DATABASE … SET QUERY_STORE = ON gives a lasting history.");
        }

        var missing = SqlServerWorkloadSources.FromMissingIndexes(session.Query(SqlServerWorkloadSources.MissingIndexSql, "Reading the missing-index DMVs"));
        _notes.Add($"{missing.Count} missing-index suggestion(s) of the optimizer are part of the workload.");
        return SqlServerWorkloadSources.Merge(statements.Concat(missing)).ToList();
    }

    private static int Edition(LiveSession session) =>
        Convert.ToInt32(session.Scalar(SqlServerHealth.EngineEditionSql, "Reading the engine edition") ?? 0, CultureInfo.InvariantCulture);
}
