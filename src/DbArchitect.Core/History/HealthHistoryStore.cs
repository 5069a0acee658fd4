using System.Text.Json;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.History;

/// <summary>
/// The health history in a PostgreSQL database: tables created on first use (under an advisory lock, so parallel CI
/// runners writing their first run together cannot collide), each write one transaction, every value a parameter.
/// </summary>
public static class HealthHistoryStore
{
    /// <summary>A writer waits for another runner's transaction (the same run row, or the table creation) rather than failing at once.</summary>
    private static readonly LiveSessionOptions WriteOptions = new()
    {
        ReadOnly = false,
        StatementTimeout = TimeSpan.FromMinutes(2),
        LockTimeout = TimeSpan.FromSeconds(30),
        ApplicationName = "DbArchitect.PS health history",
    };

    private static readonly LiveSessionOptions ReadOptions = new() { StatementTimeout = TimeSpan.FromMinutes(2), ApplicationName = "DbArchitect.PS health history" };

    /// <summary>The history database a connection string names (always PostgreSQL); its description never shows the password.</summary>
    public static LiveTarget Target(string connectionString) => LiveTarget.FromConnectionString("postgresql", connectionString);

    /// <summary>Opens the history database (PostgreSQL) for writing or reading; a failure names it as the history database, without the password.</summary>
    public static LiveSession Open(LiveTarget target, bool write)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            return LiveSession.Open(target, write ? WriteOptions : ReadOptions);
        }
        catch (DbArchitectException ex) when (ex.Errors.Count == 1 && ex.Errors[0].ErrorId == "ConnectionFailed")
        {
            throw new DbArchitectException(ex.Errors[0] with
            {
                ErrorId = "HealthHistoryConnectionFailed",
                Message = "The health history database could not be opened. " + ex.Errors[0].Message,
            });
        }
    }

    /// <summary>
    /// Writes <paramref name="entries"/> as (part of) run <paramref name="runId"/>: creates the tables when missing, makes
    /// the run row unless another shard did, then in one transaction writes the results (replacing a result written
    /// before for the same run and finding: a re-run job) and merges this write into the run row. Shards of one run
    /// write their results in parallel; only the final merge of the run row takes turns. Of two entries for the same
    /// finding the last wins.
    /// </summary>
    public static HealthHistoryWrite Save(
        LiveSession session, IReadOnlyList<HealthHistoryEntry> entries, string runId, string? runLabel, DateTimeOffset startedAt, DateTimeOffset recordedAt, string moduleVersion)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(entries);
        var created = EnsureTables(session);
        var unique = entries.GroupBy(e => e.FindingKey, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var values = new Dictionary<string, object?>
        {
            ["run_id"] = runId,
            ["run_label"] = runLabel,
            ["started_at"] = startedAt.ToUniversalTime(),
            ["recorded_at"] = recordedAt.ToUniversalTime(),
            ["module_version"] = moduleVersion,
        };
        session.Execute(HealthHistorySql.InsertRun, "Recording the run in the health history", values);
        using (var transaction = session.Connection.BeginTransaction())
        {
            values["rows"] = RowsJson(unique);
            session.Execute(HealthHistorySql.UpsertResults, "Writing the results to the health history", values);
            values.Remove("rows");
            session.Execute(HealthHistorySql.MergeRun, "Recording the run in the health history", values);
            transaction.Commit();
        }

        var targets = unique.Select(e => (e.Server, e.Port, e.Database, e.Engine)).Distinct().Count();
        return new HealthHistoryWrite(runId, runLabel, unique.Count, targets, session.Target.Description, created);
    }

    /// <summary>The last <paramref name="lastRuns"/> runs (by start) and their results.</summary>
    public static (IReadOnlyList<HealthHistoryRun> Runs, IReadOnlyList<HealthHistoryRow> Rows) Read(LiveSession session, int lastRuns)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastRuns, 1);
        if (!TablesExist(session))
        {
            throw new DbArchitectException(new DbArchitectError(
                "HealthHistoryNotFound", ErrorKind.ObjectNotFound,
                $"{session.Target.Description} holds no health history (no {HealthHistorySql.SchemaName}.{HealthHistorySql.RunTableName} table).",
                "Write a run first: Invoke-DbHealthCheck … | Save-DbHealthHistory -ConnectionString <this database>.", null, session.Target.Description));
        }

        var runs = session.Query(HealthHistorySql.LastRuns, "Reading the runs of the health history", new Dictionary<string, object?> { ["last"] = lastRuns })
            .Select(r => new HealthHistoryRun(
                r.String("run_id")!, r.String("run_label"), Utc(r["started_at"]), Utc(r["recorded_at"]), r.String("module_version") ?? string.Empty, checked((int)(r.Int64("writes") ?? 1))))
            .ToList();
        if (runs.Count == 0)
        {
            return (runs, Array.Empty<HealthHistoryRow>());
        }

        var rows = session.Query(HealthHistorySql.ResultsOfRuns, "Reading the results of the health history", new Dictionary<string, object?> { ["run_ids"] = runs.Select(r => r.RunId).ToArray() })
            .Select(r => new HealthHistoryRow(
                r.String("run_id")!, r.String("server"), r.Int64("port") is { } port ? checked((int)port) : null, r.String("database"), r.String("engine"),
                r.String("check_id")!, r.String("severity")!, r.String("target_object") ?? string.Empty, r.String("message") ?? string.Empty))
            .ToList();
        return (runs, rows);
    }

    /// <summary>Creates the schema and tables unless both tables exist (checked again under the lock); true when this call created them.</summary>
    private static bool EnsureTables(LiveSession session)
    {
        if (TablesExist(session))
        {
            return false;
        }

        using var transaction = session.Connection.BeginTransaction();
        session.Scalar(HealthHistorySql.LockSchema, "Locking the health history for its creation", new Dictionary<string, object?> { ["lock_key"] = HealthHistorySql.SchemaLockKey });

        // Another runner may have created them while this one waited for the lock.
        if (TablesExist(session))
        {
            return false;
        }

        foreach (var statement in HealthHistorySql.CreateTables)
        {
            session.Execute(statement, "Creating the health history tables");
        }

        transaction.Commit();
        return true;
    }

    private static bool TablesExist(LiveSession session) =>
        session.Scalar(HealthHistorySql.TablesExist, "Looking for the health history tables", new Dictionary<string, object?>
        {
            ["schema"] = HealthHistorySql.SchemaName,
            ["run_table"] = HealthHistorySql.RunTableName,
            ["result_table"] = HealthHistorySql.ResultTableName,
        }) is true;

    /// <summary>The entries as the JSON array jsonb_to_recordset reads: keys are the column names of the statement.</summary>
    private static string RowsJson(IReadOnlyList<HealthHistoryEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("finding_key", entry.FindingKey);
                json.WriteString("server", entry.Server);
                if (entry.Port is { } port)
                {
                    json.WriteNumber("port", port);
                }
                else
                {
                    json.WriteNull("port");
                }

                json.WriteString("database", entry.Database);
                json.WriteString("engine", entry.Engine);
                json.WriteString("check_id", entry.CheckId);
                json.WriteString("severity", entry.Severity);
                json.WriteString("target_object", entry.Target);
                json.WriteString("message", entry.Message);
                json.WriteStartObject("evidence");
                foreach (var (name, value) in entry.Evidence)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static DateTimeOffset Utc(object? value) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => throw new InvalidDataException("The health history holds a run without a time."),
    };
}
