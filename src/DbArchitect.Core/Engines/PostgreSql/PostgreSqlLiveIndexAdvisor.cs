using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's live index advice: the workload from a file's statements or from pg_stat_statements, each planned by
/// the server; table statistics from the catalog; HypoPG what-if costing when the extension is installed (created
/// only with -AllowExtensionCreate), the heuristic model otherwise; and -Validate Real builds in a rolled-back
/// transaction.
/// </summary>
internal sealed class PostgreSqlLiveIndexAdvisor : ILiveIndexAdvisor
{
    /// <summary>Most pg_stat_statements entries read, by total execution time.</summary>
    public const int MaxStatements = 500;

    private readonly PostgreSqlIndexAdvice _ddl;
    private readonly List<string> _notes = new();
    private PostgreSqlPreparedStatements? _statements;
    private bool _hypothetical;

    private static readonly string[] Clear = { "DEALLOCATE ALL" };
    private static readonly string[] ClearWithHypoPg = { "SELECT hypopg_reset()", "DEALLOCATE ALL" };

    public PostgreSqlLiveIndexAdvisor(PostgreSqlIndexAdvice ddl) => _ddl = ddl;

    public Workload Read(LiveSession session, LiveAdviceOptions options, Action<string, int, int>? progress)
    {
        progress?.Invoke("Reading the catalog and statistics", 0, 1);
        var snapshot = PostgreSqlIndexCatalog.Read(session);
        var fromServer = options.Statements is null;
        var statements = options.Statements ?? StatementStatistics(session);
        _statements = new PostgreSqlPreparedStatements(session);
        var queries = new List<WorkloadQuery>();
        var writes = new List<WorkloadWrite>();
        progress?.Invoke($"Planning {statements.Count} statements", 0, 1);
        var prepared = _statements.PrepareAll(statements, _notes);
        var plans = _statements.Plans(prepared, verbose: true);
        for (var i = 0; i < prepared.Count; i++)
        {
            var statement = prepared[i].Statement;
            var (scans, statementWrites) = PostgreSqlPlanWorkload.Read(plans[i], statement, snapshot.Tables);
            if (scans.Count > 0)
            {
                queries.Add(new WorkloadQuery(statement.Id, statement.Text, statement.Weight, scans, statement.Source));
            }

            if (!fromServer)
            {
                writes.AddRange(statementWrites);
            }
        }

        UnplannedWorkload.ThrowIfNonePlanned(options.Statements, _statements.All.Count, _notes, session.Target.Description);
        if (fromServer)
        {
            // Rows written since the counters were reset; updates that were not HOT changed an indexed column.
            foreach (var table in snapshot.Tables)
            {
                var (inserts, updates, deletes) = snapshot.Writes[table.Name];
                AddWrite(writes, table.Name, WriteKind.Insert, Array.Empty<string>(), inserts);
                AddWrite(writes, table.Name, WriteKind.Update, table.Columns.Select(c => c.Name).ToList(), updates);
                AddWrite(writes, table.Name, WriteKind.Delete, Array.Empty<string>(), deletes);
            }
        }

        _notes.Add($"{queries.Count} of {statements.Count} statements read scans from their plans; {snapshot.Tables.Count} tables in the catalog.");
        return new Workload(queries, writes, snapshot.Tables, fromServer ? "calls since the statistics were reset" : "weight")
        {
            StatsAgeDays = snapshot.StatsAgeDays,
            Origin = fromServer ? "pg_stat_statements" : string.Join(", ", statements.Select(s => s.Source).Distinct(StringComparer.Ordinal)),
        };
    }

    public IIndexCostModel CostModel(LiveSession session, Workload workload, LiveAdviceOptions options, List<string> notes)
    {
        notes.AddRange(_notes);
        if (options.Validate == ValidationMode.None)
        {
            notes.Add("-Validate None: costed by the heuristic model.");
            return new HeuristicCostModel(workload, "heuristic cost model (-Validate None)");
        }

        var installed = session.Scalar("SELECT extversion FROM pg_extension WHERE extname = 'hypopg'", "Looking for HypoPG") as string;
        if (installed is null)
        {
            var available = session.Scalar("SELECT default_version FROM pg_available_extensions WHERE name = 'hypopg'", "Looking for HypoPG") as string;
            if (available is not null && options.AllowExtensionCreate)
            {
                session.Execute("CREATE EXTENSION IF NOT EXISTS hypopg", "Creating the HypoPG extension (-AllowExtensionCreate)");
                notes.Add($"warning: created the extension hypopg {available} in this database (-AllowExtensionCreate); DROP EXTENSION hypopg removes it.");
                installed = available;
            }
            else
            {
                notes.Add(available is null
                    ? "warning: HypoPG is not available on this server: costs are the heuristic model's (Confidence Heuristic). Install the hypopg package for what-if plans."
                    : "warning: HypoPG is available but not installed in this database: costs are the heuristic model's (Confidence Heuristic). Run CREATE EXTENSION hypopg, or pass -AllowExtensionCreate.");
                return new HeuristicCostModel(workload, "heuristic cost model (HypoPG not installed)");
            }
        }

        notes.Add($"Costing with HypoPG {installed} what-if plans (hypothetical indexes exist only in this session).");
        _hypothetical = true;
        return new PostgreSqlHypoCostModel(session, Statements, _ddl, workload, installed);
    }

    public IReadOnlyList<IndexRecommendation> ValidateReal(LiveSession session, Workload workload, IReadOnlyList<IndexRecommendation> recommendations)
    {
        var statements = Statements;
        var queries = workload.Queries.Where(q => statements.Find(q.Id) is not null).ToList();
        var result = new List<IndexRecommendation>();
        session.Execute("BEGIN", "Starting the validation transaction");
        try
        {
            if (session.Scalar("SELECT to_regproc('hypopg_reset') IS NOT NULL", "Looking for HypoPG") is true)
            {
                session.Scalar("SELECT hypopg_reset()", "Clearing hypothetical indexes");
            }

            statements.DiscardPlans();
            var current = queries.ToDictionary(q => q.Id, q => statements.TotalCost(statements.Find(q.Id)!), StringComparer.Ordinal);
            foreach (var recommendation in recommendations)
            {
                if (recommendation.Action != RecommendationAction.Create || recommendation.Definition is not { } definition)
                {
                    result.Add(recommendation);
                    continue;
                }

                session.Execute(_ddl.Plain(definition, recommendation.Schema), $"Building {recommendation.IndexName} for validation");
                session.Execute($"ANALYZE {(string.IsNullOrEmpty(recommendation.Schema) ? W.Id(recommendation.Table) : W.Qualified(recommendation.Schema, recommendation.Table))}", "Analyzing for validation");
                statements.DiscardPlans();
                var touched = queries.Where(q => q.Touches(definition.Table)).ToList();
                var before = touched.Sum(q => q.Weight * current[q.Id]);
                foreach (var q in touched)
                {
                    current[q.Id] = statements.TotalCost(statements.Find(q.Id)!);
                }

                var after = touched.Sum(q => q.Weight * current[q.Id]);
                var benefit = before > 0 ? Math.Round(100 * (before - after) / before, 1) : 0;
                result.Add(recommendation with
                {
                    CostBefore = Math.Round(before, 2),
                    CostAfter = Math.Round(after, 2),
                    BenefitPercent = benefit,
                    Confidence = CostConfidence.Real.ToString(),
                    Reason = recommendation.Reason + FormattableString.Invariant($"; built for real in a rolled-back transaction: weighted cost {before:0.##} → {after:0.##}"),
                });
            }
        }
        finally
        {
            session.Execute("ROLLBACK", "Rolling the validation builds back");
        }

        return result;
    }

    public void Release(LiveSession session)
    {
        if (_statements is null || session.Connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            session.Batch(_hypothetical ? ClearWithHypoPg : Clear, "Clearing this run's hypothetical indexes and prepared statements");
        }
        catch (DbArchitectException)
        {
            // A lost or aborted session has nothing left to clear; the run's own error is the one that matters.
        }
    }

    private PostgreSqlPreparedStatements Statements => _statements ?? throw new InvalidOperationException("Read the workload before costing it.");

    private static void AddWrite(List<WorkloadWrite> writes, string table, WriteKind kind, IReadOnlyList<string> columns, long rows)
    {
        if (rows > 0)
        {
            writes.Add(new WorkloadWrite(table, kind, columns, rows, "pg_stat_user_tables"));
        }
    }

    private List<WorkloadStatement> StatementStatistics(LiveSession session)
    {
        var schema = session.Scalar("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'", "Looking for pg_stat_statements") as string
            ?? throw new DbArchitectException(new DbArchitectError("PgStatStatementsMissing", ErrorKind.ObjectNotFound,
                "pg_stat_statements is not installed in this database, so there is no workload to read.",
                "Run CREATE EXTENSION pg_stat_statements (with it in shared_preload_libraries), or give -Workload a file of statements.", null, session.Target.Description));
        var rows = session.Query(
            $"SELECT query, calls FROM {W.Qualified(schema, "pg_stat_statements")} "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel "
            + "AND query ~* '^\\s*(select|with|update|delete)\\s' AND query !~* '(pg_catalog|pg_stat|information_schema|hypopg|dbarchitect_ix_)' "
            + $"ORDER BY total_exec_time DESC LIMIT {MaxStatements.ToString(CultureInfo.InvariantCulture)}",
            "Reading pg_stat_statements");
        return rows.Select((r, i) => new WorkloadStatement("s" + (i + 1).ToString(CultureInfo.InvariantCulture), r.String("query")!, r.Int64("calls") ?? 1, "pg_stat_statements")).ToList();
    }
}
