using DbArchitect.Core.Engines.PostgreSql;

namespace DbArchitect.Core.History;

/// <summary>
/// The statements of the health history (docs/health-history.md documents the tables). Every value travels as a
/// parameter; the only names are the fixed ones below, quoted by the PostgreSQL identifier rules.
/// </summary>
internal static class HealthHistorySql
{
    public const string SchemaName = "dbarchitect_history";

    public const string RunTableName = "health_run";

    public const string ResultTableName = "health_result";

    /// <summary>
    /// The advisory lock every writer takes before creating the tables: CREATE … IF NOT EXISTS is not safe against a
    /// concurrent CREATE of the same name (both pass the check, one fails on the catalog's unique index), and shards of
    /// one run start together. A fixed key (943412483927), documented in docs/health-history.md.
    /// </summary>
    public const long SchemaLockKey = 0x0DBA7C41757;

    private const string EmptyObject = "'{}'::jsonb";

    private static readonly PostgreSqlIdentifiers Names = new();

    public static string Schema => Names.Quote(SchemaName);

    public static string RunTable => Schema + "." + Names.Quote(RunTableName);

    public static string ResultTable => Schema + "." + Names.Quote(ResultTableName);

    /// <summary>
    /// True when both tables exist, so a writer with only INSERT rights needs no DDL. It reads pg_class with the
    /// statement's own snapshot: to_regclass goes through the backend's catalog cache, which does not see tables another
    /// runner committed while this one waited for an advisory lock.
    /// </summary>
    public static string TablesExist => """
        SELECT count(*) = 2
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relname IN (@run_table, @result_table) AND c.relkind = 'r'
        """;

    public static string LockSchema => "SELECT pg_advisory_xact_lock(@lock_key)";

    /// <summary>Created on first use, in one transaction, under <see cref="SchemaLockKey"/>.</summary>
    public static IReadOnlyList<string> CreateTables => new[]
    {
        $"CREATE SCHEMA IF NOT EXISTS {Schema}",
        $"""
        CREATE TABLE IF NOT EXISTS {RunTable} (
            run_id text PRIMARY KEY,
            run_label text,
            started_at timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL,
            module_version text NOT NULL,
            writes integer NOT NULL DEFAULT 0 CHECK (writes >= 0)
        )
        """,
        $"CREATE INDEX IF NOT EXISTS health_run_started_idx ON {RunTable} (started_at DESC)",
        $"""
        CREATE TABLE IF NOT EXISTS {ResultTable} (
            run_id text NOT NULL REFERENCES {RunTable} (run_id) ON DELETE CASCADE,
            finding_key text NOT NULL,
            started_at timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL,
            server text,
            port integer CHECK (port BETWEEN 1 AND 65535),
            database text,
            engine text,
            check_id text NOT NULL,
            severity text NOT NULL,
            target_object text NOT NULL,
            message text NOT NULL,
            evidence jsonb NOT NULL DEFAULT {EmptyObject},
            module_version text NOT NULL,
            PRIMARY KEY (run_id, finding_key)
        )
        """,
        $"CREATE INDEX IF NOT EXISTS health_result_target_idx ON {ResultTable} (server, port, database, check_id, target_object)",
        $"COMMENT ON TABLE {RunTable} IS 'DbArchitect.PS health history (schema 1): one row per run; shards of a run merge here. See docs/health-history.md.'",
        $"COMMENT ON TABLE {ResultTable} IS 'DbArchitect.PS health history (schema 1): one row per health-check result per run. See docs/health-history.md.'",
    };

    /// <summary>
    /// The run row, if no shard made it yet, committed on its own with no writes counted: it must exist before results
    /// refer to it, and committing it at once means no shard waits for another shard's whole write.
    /// </summary>
    public static string InsertRun => $"""
        INSERT INTO {RunTable} (run_id, run_label, started_at, recorded_at, module_version, writes)
        VALUES (@run_id, @run_label, @started_at, @recorded_at, @module_version, 0)
        ON CONFLICT (run_id) DO NOTHING
        """;

    /// <summary>
    /// This write merged into the run, as the last statement of the write's transaction (so the row lock, which
    /// serialises shards, is held only to the commit): the earliest start, the latest write, one more write; the first
    /// label given stays.
    /// </summary>
    public static string MergeRun => $"""
        UPDATE {RunTable} SET
            run_label = COALESCE(run_label, @run_label),
            started_at = LEAST(started_at, @started_at),
            recorded_at = GREATEST(recorded_at, @recorded_at),
            writes = writes + 1
        WHERE run_id = @run_id
        """;

    /// <summary>
    /// Every result of a write in one statement, from one jsonb parameter (an array of objects): no row count limit from
    /// parameters, one round trip. A result written again for the same run (a re-run job) replaces its row.
    /// </summary>
    public static string UpsertResults => $"""
        INSERT INTO {ResultTable} AS h (run_id, finding_key, started_at, recorded_at, server, port, database, engine, check_id, severity, target_object, message, evidence, module_version)
        SELECT @run_id, e.finding_key, @started_at, @recorded_at, e.server, e.port, e.database, e.engine, e.check_id, e.severity, e.target_object, e.message, COALESCE(e.evidence, {EmptyObject}), @module_version
        FROM jsonb_to_recordset(CAST(@rows AS jsonb)) AS e(finding_key text, server text, port integer, database text, engine text, check_id text, severity text, target_object text, message text, evidence jsonb)
        ON CONFLICT (run_id, finding_key) DO UPDATE SET
            started_at = EXCLUDED.started_at,
            recorded_at = EXCLUDED.recorded_at,
            severity = EXCLUDED.severity,
            message = EXCLUDED.message,
            evidence = EXCLUDED.evidence,
            module_version = EXCLUDED.module_version
        """;

    /// <summary>The last runs, newest first; a run whose every write failed (writes = 0) holds no results and is not one.</summary>
    public static string LastRuns => $"""
        SELECT run_id, run_label, started_at, recorded_at, module_version, writes
        FROM {RunTable}
        WHERE writes > 0
        ORDER BY started_at DESC, run_id DESC
        LIMIT @last
        """;

    /// <summary>The results of the given runs; messages of Pass rows are not needed (they only prove a check ran).</summary>
    public static string ResultsOfRuns => $"""
        SELECT run_id, server, port, database, engine, check_id, severity, target_object,
               CASE WHEN severity = 'Pass' THEN '' ELSE message END AS message
        FROM {ResultTable}
        WHERE run_id = ANY(@run_ids)
        """;
}
