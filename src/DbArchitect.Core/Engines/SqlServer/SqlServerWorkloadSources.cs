using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Where a live SQL Server's index workload comes from: Query Store when it is on (the statements of the last 7 days by
/// total duration), the plan cache when it is off (what is cached now, said so), and the missing-index DMVs, each
/// suggestion written as the statement it stands for. The rows become <see cref="WorkloadStatement"/>s, merged by text,
/// for the T-SQL workload parser. The mappings are pure, so they are tested on rows shaped like the views'.
/// </summary>
internal static partial class SqlServerWorkloadSources
{
    /// <summary>How many statements a live read takes, the heaviest first.</summary>
    public const int Limit = 200;

    public const string QueryStoreStateSql = """
        SELECT o.actual_state_desc AS state FROM sys.database_query_store_options AS o;
        """;

    public const string QueryStoreSql = """
        SELECT TOP (200) CAST(q.query_id AS nvarchar(20)) AS id, qt.query_sql_text AS text,
               SUM(rs.count_executions) AS executions, SUM(rs.avg_duration * rs.count_executions) / 1000.0 AS total_ms
        FROM sys.query_store_query AS q
        JOIN sys.query_store_query_text AS qt ON qt.query_text_id = q.query_text_id
        JOIN sys.query_store_plan AS p ON p.query_id = q.query_id
        JOIN sys.query_store_runtime_stats AS rs ON rs.plan_id = p.plan_id
        JOIN sys.query_store_runtime_stats_interval AS rsi ON rsi.runtime_stats_interval_id = rs.runtime_stats_interval_id
        WHERE rsi.start_time >= DATEADD(DAY, -7, SYSUTCDATETIME()) AND q.is_internal_query = 0
        GROUP BY q.query_id, qt.query_sql_text
        ORDER BY total_ms DESC;
        """;

    public const string PlanCacheSql = """
        SELECT TOP (200) CONVERT(nvarchar(64), qs.query_hash, 1) AS id,
               SUBSTRING(st.text, qs.statement_start_offset / 2 + 1,
                         (CASE qs.statement_end_offset WHEN -1 THEN DATALENGTH(st.text) ELSE qs.statement_end_offset END - qs.statement_start_offset) / 2 + 1) AS text,
               qs.execution_count AS executions, qs.total_elapsed_time / 1000.0 AS total_ms
        FROM sys.dm_exec_query_stats AS qs
        CROSS APPLY sys.dm_exec_sql_text(qs.sql_handle) AS st
        WHERE st.dbid = DB_ID()
        ORDER BY qs.total_elapsed_time DESC;
        """;

    public const string MissingIndexSql = """
        SELECT OBJECT_SCHEMA_NAME(mid.object_id) AS schema_name, OBJECT_NAME(mid.object_id) AS table_name,
               mid.equality_columns, mid.inequality_columns, mid.included_columns,
               migs.user_seeks + migs.user_scans AS uses, migs.avg_user_impact, migs.avg_total_user_cost
        FROM sys.dm_db_missing_index_details AS mid
        JOIN sys.dm_db_missing_index_groups AS mig ON mig.index_handle = mid.index_handle
        JOIN sys.dm_db_missing_index_group_stats AS migs ON migs.group_handle = mig.index_group_handle
        WHERE mid.database_id = DB_ID();
        """;

    /// <summary>Reads of each index since the server started (seeks, scans and lookups) and its size, for the review of existing indexes.</summary>
    public const string IndexUsageSql = """
        SELECT OBJECT_SCHEMA_NAME(i.object_id) AS schema_name, OBJECT_NAME(i.object_id) AS table_name, i.name AS index_name,
               ISNULL(MAX(us.user_seeks), 0) + ISNULL(MAX(us.user_scans), 0) + ISNULL(MAX(us.user_lookups), 0) AS reads,
               SUM(ps.used_page_count) * 8192 AS size_bytes
        FROM sys.indexes AS i
        JOIN sys.dm_db_partition_stats AS ps ON ps.object_id = i.object_id AND ps.index_id = i.index_id
        LEFT JOIN sys.dm_db_index_usage_stats AS us ON us.database_id = DB_ID() AND us.object_id = i.object_id AND us.index_id = i.index_id
        WHERE i.index_id > 0 AND i.name IS NOT NULL AND OBJECTPROPERTY(i.object_id, 'IsMsShipped') = 0
        GROUP BY i.object_id, i.name;
        """;

    /// <summary>Days the usage counters have been counting: they start empty when the server starts.</summary>
    public const string CountersAgeSql = """
        SELECT DATEDIFF(MINUTE, si.sqlserver_start_time, SYSDATETIME()) / 1440.0 AS days FROM sys.dm_os_sys_info AS si;
        """;

    public static IReadOnlyList<string> All { get; } = new[] { QueryStoreStateSql, QueryStoreSql, PlanCacheSql, MissingIndexSql, IndexUsageSql, CountersAgeSql };

    /// <summary>The tables' existing indexes with their reads and sizes from the usage rows (matched by table and index name), for the review.</summary>
    public static IReadOnlyList<TableProfile> WithUsage(IReadOnlyList<TableProfile> tables, IEnumerable<LiveRow> usage)
    {
        var byIndex = usage.Where(r => r.String("table_name") is not null && r.String("index_name") is not null)
            .GroupBy(r => (Schema: r.String("schema_name") ?? string.Empty, Table: r.String("table_name")!, Index: r.String("index_name")!))
            .ToDictionary(g => g.Key, g => g.First());
        return tables.Select(t => t with
        {
            Indexes = t.Indexes.Select(i => i.Definition.Name is { } name && byIndex.TryGetValue((t.Schema, t.Name, name), out var row)
                ? i with { Scans = row.Int64("reads"), SizeBytes = row.Int64("size_bytes") }
                : i).ToList(),
        }).ToList();
    }

    /// <summary>Query Store reads: READ_WRITE, or READ_ONLY when it is full but still holds the history.</summary>
    public static bool QueryStoreOn(string? state) => state is "READ_WRITE" or "READ_ONLY";

    /// <summary>Statements of Query Store or the plan cache; <paramref name="source"/> names where they came from.</summary>
    public static IReadOnlyList<WorkloadStatement> Statements(IEnumerable<LiveRow> rows, string source) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.String("text")))
            .Select(r => new WorkloadStatement(r.String("id") ?? "?", WithoutParameterList(r.String("text")!), Math.Max(1, r.Double("executions") ?? 1), source)
            {
                TotalMilliseconds = r.Double("total_ms"),
            })
            .ToList();

    /// <summary>
    /// A missing-index suggestion as the statement it stands for: the included columns read from the table with the
    /// equality columns compared to a parameter and the inequality ones ranged, weighted by its seeks and scans.
    /// </summary>
    public static IReadOnlyList<WorkloadStatement> FromMissingIndexes(IEnumerable<LiveRow> rows) =>
        rows.Select((r, i) =>
        {
            var equality = Columns(r.String("equality_columns"));
            var inequality = Columns(r.String("inequality_columns"));
            var included = Columns(r.String("included_columns"));
            var parameter = 0;
            var conditions = equality.Select(c => $"{W.Id(c)} = @p{++parameter}").Concat(inequality.Select(c => $"{W.Id(c)} > @p{++parameter}"));
            var selected = included.Count > 0 ? included : equality.Concat(inequality).ToList();
            var text = $"SELECT {string.Join(", ", selected.Select(W.Id))} FROM {W.Qualified(r.String("schema_name") ?? "dbo", r.String("table_name") ?? "?")} WHERE {string.Join(" AND ", conditions)}";
            return new WorkloadStatement($"missing-index-{(i + 1).ToString(CultureInfo.InvariantCulture)}", text, Math.Max(1, r.Double("uses") ?? 1), "missing-index DMVs");
        })
        .Where(s => !s.Text.EndsWith(" WHERE ", StringComparison.Ordinal))
        .ToList();

    /// <summary>The same statement from two sources once, its calls added, so Query Store and the plan cache never count it twice.</summary>
    public static IReadOnlyList<WorkloadStatement> Merge(IEnumerable<WorkloadStatement> statements) =>
        statements.GroupBy(s => Normalised(s.Text), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First() with
            {
                Weight = g.Sum(s => s.Weight),
                Source = string.Join(" + ", g.Select(s => s.Source).Distinct(StringComparer.Ordinal)),
                TotalMilliseconds = g.Any(s => s.TotalMilliseconds is not null) ? g.Sum(s => s.TotalMilliseconds ?? 0) : null,
            })
            .ToList();

    /// <summary>"[a], [b]" as the DMVs print column lists.</summary>
    internal static IReadOnlyList<string> Columns(string? list) =>
        list is null ? Array.Empty<string>() : Bracketed().Matches(list).Select(m => m.Groups["n"].Value.Replace("]]", "]", StringComparison.Ordinal)).ToList();

    /// <summary>Query Store keeps a parameterised statement with its declarations first: "(@p1 int,@p2 decimal(9,2))SELECT …".</summary>
    internal static string WithoutParameterList(string text)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith("(@", StringComparison.Ordinal))
        {
            return text;
        }

        var depth = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            depth += trimmed[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return trimmed[(i + 1)..].TrimStart();
            }
        }

        return text;
    }

    private static string Normalised(string text) => Spaces().Replace(text.Trim().TrimEnd(';'), " ");

    [GeneratedRegex(@"\[(?<n>(?:[^\]]|\]\])+)\]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
