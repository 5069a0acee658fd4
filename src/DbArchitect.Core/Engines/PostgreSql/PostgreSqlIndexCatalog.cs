using System.Globalization;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// What the catalog and the statistics views say about the user tables: rows and pages (pg_class), column statistics
/// (pg_stats: n_distinct, null_frac, avg_width, correlation, most common values), existing indexes with their key
/// text as the server prints it (pg_get_indexdef), scans and size, foreign keys, and the age of the usage counters.
/// pg_stats is read per column through a LATERAL subquery (its LIMIT keeps the planner from flattening it): joined
/// as a whole, the view checks the login's privilege on every column of the database first (30 ms on an almost empty
/// one), for the few dozen columns of the user tables.
/// </summary>
internal static class PostgreSqlIndexCatalog
{
    private const string TablesSql = """
        SELECT c.oid::bigint AS oid, n.nspname AS schema_name, c.relname AS table_name,
               CASE WHEN c.reltuples < 0 THEN coalesce(s.n_live_tup, 0) ELSE c.reltuples END::bigint AS row_count,
               c.relpages::bigint AS pages,
               coalesce(s.n_tup_ins, 0) AS inserts, coalesce(s.n_tup_upd, 0) AS updates, coalesce(s.n_tup_del, 0) AS deletes
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname
        """;

    private const string ColumnsSql = """
        SELECT a.attrelid::bigint AS oid, a.attname AS column_name, t.typname AS type_name, t.typcategory::text AS category,
               coalesce(s.n_distinct, 0)::float8 AS n_distinct, coalesce(s.null_frac, 0)::float8 AS null_frac,
               coalesce(s.avg_width, 8) AS avg_width, coalesce(s.correlation, 0)::float8 AS correlation,
               s.most_common_vals::text::text[] AS common_values, s.most_common_freqs::float8[] AS common_freqs
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN LATERAL (SELECT * FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname ORDER BY s.inherited LIMIT 1) s ON true
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        ORDER BY a.attrelid, a.attnum
        """;

    private const string IndexesSql = """
        SELECT i.indrelid::bigint AS oid, ic.relname AS index_name, am.amname AS method, i.indisunique AS is_unique,
               i.indnkeyatts AS key_count,
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) AS backs_constraint,
               i.indisexclusion AS is_exclusion, i.indisreplident AS is_replica_identity,
               pg_get_expr(i.indpred, i.indrelid) AS predicate,
               ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k ORDER BY k) AS columns,
               ARRAY(SELECT coalesce(o.opcname, '') FROM unnest(i.indclass::oid[]) WITH ORDINALITY u(opc, k) LEFT JOIN pg_opclass o ON o.oid = u.opc ORDER BY u.k) AS opclasses,
               ARRAY(SELECT (u.opt & 1) = 1 FROM unnest(i.indoption::int2[]) WITH ORDINALITY u(opt, k) ORDER BY u.k) AS descending,
               coalesce(s.idx_scan, 0) AS scans, pg_relation_size(i.indexrelid) AS size_bytes
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
        ORDER BY i.indrelid, ic.relname
        """;

    private const string ForeignKeysSql = """
        SELECT con.conrelid::bigint AS oid, con.conname AS name, r.relname AS referenced,
               ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns
        FROM pg_constraint con
        JOIN pg_class r ON r.oid = con.confrelid
        WHERE con.contype = 'f'
        ORDER BY con.conrelid, con.conname
        """;

    private const string StatsAgeSql = """
        SELECT extract(epoch FROM now() - coalesce(stats_reset, pg_postmaster_start_time()))::float8 / 86400 AS days
        FROM pg_stat_database WHERE datname = current_database()
        """;

    /// <summary>The tables with their rows written since the counters were reset (inserts, updates, deletes).</summary>
    public sealed record Snapshot(IReadOnlyList<TableProfile> Tables, IReadOnlyDictionary<string, (long Inserts, long Updates, long Deletes)> Writes, double? StatsAgeDays);

    public static Snapshot Read(LiveSession session)
    {
        var tables = session.Query(TablesSql, "Reading the user tables");
        var columns = session.Query(ColumnsSql, "Reading column statistics (pg_stats)").GroupBy(r => r.Int64("oid")!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var indexes = session.Query(IndexesSql, "Reading the indexes").GroupBy(r => r.Int64("oid")!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var fks = session.Query(ForeignKeysSql, "Reading the foreign keys").GroupBy(r => r.Int64("oid")!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var age = session.Scalar(StatsAgeSql, "Reading the age of the statistics counters") is { } a ? Convert.ToDouble(a, CultureInfo.InvariantCulture) : (double?)null;
        var profiles = new List<TableProfile>();
        var writes = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var oid = table.Int64("oid")!.Value;
            var name = table.String("table_name")!;
            var rows = Math.Max(0, table.Int64("row_count") ?? 0);
            var cols = columns.TryGetValue(oid, out var c) ? c.Select(r => Column(r, rows)).ToList() : new List<ColumnProfile>();
            var ix = indexes.TryGetValue(oid, out var i) ? i.Select(r => Index(name, r)).ToList() : new List<ExistingIndex>();
            var fk = fks.TryGetValue(oid, out var f) ? f.Select(r => new ForeignKeyProfile(r.String("name")!, r.Strings("columns"), r.String("referenced")!)).ToList() : new List<ForeignKeyProfile>();
            profiles.Add(new TableProfile(table.String("schema_name")!, name, rows, table.Int64("pages") ?? 0, cols, ix, fk));
            writes[name] = (table.Int64("inserts") ?? 0, table.Int64("updates") ?? 0, table.Int64("deletes") ?? 0);
        }

        return new Snapshot(profiles, writes, age);
    }

    private static ColumnProfile Column(LiveRow row, long rows)
    {
        var nDistinct = row.Double("n_distinct") ?? 0;
        var distinct = nDistinct switch
        {
            < 0 => -nDistinct * rows,
            0 => Math.Max(1, rows / 10.0),
            _ => nDistinct,
        };
        var values = row.Strings("common_values");
        var freqs = row["common_freqs"] as double[] ?? Array.Empty<double>();
        var common = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < Math.Min(values.Count, freqs.Length); k++)
        {
            common[values[k]] = freqs[k];
        }

        var type = row.String("type_name") ?? string.Empty;
        var family = type is "json" or "jsonb" ? ColumnFamily.Json
            : row.String("category") == "S" ? ColumnFamily.Text
            : row.String("category") == "D" ? ColumnFamily.Time
            : ColumnFamily.Other;
        return new ColumnProfile(row.String("column_name")!, Math.Max(1, distinct), row.Double("null_frac") ?? 0, (int)(row.Int64("avg_width") ?? 8), row.Double("correlation") ?? 0, common, family);
    }

    private static ExistingIndex Index(string table, LiveRow row)
    {
        var columns = row.Strings("columns");
        var opclasses = row.Strings("opclasses");
        var descending = row["descending"] as bool[] ?? Array.Empty<bool>();
        var keyCount = (int)(row.Int64("key_count") ?? columns.Count);
        var keys = new List<AdvisedKey>();
        for (var k = 0; k < keyCount && k < columns.Count; k++)
        {
            var opclass = k < opclasses.Count ? opclasses[k] : string.Empty;
            var klass = opclass == "gin_trgm_ops" || opclass == "gist_trgm_ops" ? KeyMatch.Trigram : opclass == "jsonb_path_ops" ? KeyMatch.Containment : KeyMatch.Ordinary;
            var desc = k < descending.Length && descending[k];
            keys.Add(PostgreSqlPlanExpressions.Column(columns[k]) is { } c && c.Alias is null
                ? new AdvisedKey(c.Column, c.Function, c.Argument, desc, klass)
                : new AdvisedKey(columns[k], KeyFunction.Raw, null, desc, klass));
        }

        var method = row.String("method") switch
        {
            "gin" => IndexStructure.Inverted,
            "gist" => IndexStructure.Spatial,
            "brin" => IndexStructure.BlockRange,
            "hash" => IndexStructure.Hash,
            _ => IndexStructure.Ordered,
        };
        var definition = new IndexDefinition(table, keys, columns.Skip(keyCount).ToList(), method, Array.Empty<PredicateTest>(), row.Boolean("is_unique") ?? false, row.String("index_name"))
        {
            RawPredicate = row.String("predicate"),
        };
        var enforces = row.Boolean("is_exclusion") == true ? "exclusion constraint" : row.Boolean("is_replica_identity") == true ? "replica identity" : null;
        return new ExistingIndex(definition, row.Boolean("backs_constraint") ?? false, row.Int64("scans"), row.Int64("size_bytes")) { Enforces = enforces };
    }
}
