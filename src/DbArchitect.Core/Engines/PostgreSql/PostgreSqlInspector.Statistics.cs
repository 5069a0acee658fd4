using DbArchitect.Core.Design;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql;

public sealed partial class PostgreSqlInspector
{
    // pg_stats holds ANALYZE's sample: avg_width is the average stored size of a non-null value (its varlena header
    // included), null_frac the share of NULLs. A partitioned table has both its own (inherited) row and its
    // partitions'; the inherited row describes the whole table. pg_stats only shows columns the login may read.
    private const string StatisticsQuery = """
        SELECT DISTINCT ON (s.tablename, s.attname) s.tablename AS table_name, s.attname AS column_name, s.avg_width, s.null_frac
        FROM pg_catalog.pg_stats AS s
        WHERE s.schemaname = @schema
        ORDER BY s.tablename, s.attname, s.inherited DESC
        """;

    public IReadOnlyList<ColumnStatistic> ColumnStatistics(LiveSession session, string schema)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(schema);
        return session.Query(StatisticsQuery, "Reading column statistics (pg_stats)", new Dictionary<string, object?> { ["schema"] = schema })
            .Select(r => new ColumnStatistic(r.String("table_name")!, r.String("column_name")!, (int)(r.Int64("avg_width") ?? 0), r.Double("null_frac") ?? 0))
            .ToArray();
    }
}
