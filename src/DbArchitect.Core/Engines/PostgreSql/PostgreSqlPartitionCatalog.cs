using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Reads an existing table for a partition plan: columns, keys, foreign keys both ways, indexes and volume.</summary>
internal static class PostgreSqlPartitionCatalog
{
    public static PartitionTarget Read(LiveSession session, string schema, string table, string? column)
    {
        var qualified = PostgreSqlWriter.Qualified(schema, table);
        var p = new Dictionary<string, object?> { ["rel"] = qualified };
        var exists = session.Scalar("SELECT to_regclass(@rel)::text", "find the table", p);
        if (exists is null)
        {
            throw new DbArchitectException(new DbArchitectError("PartitionTableNotFound", ErrorKind.ObjectNotFound,
                $"Table {schema}.{table} does not exist in the database.", "Check -Table and -Schema (schema.table).", null, table));
        }

        var partitioned = session.Scalar("SELECT relkind::text FROM pg_class WHERE oid = to_regclass(@rel)", "check the table kind", p) as string;
        if (partitioned == "p")
        {
            throw new DbArchitectException(new DbArchitectError("PartitionTableAlreadyPartitioned", ErrorKind.InvalidData,
                $"Table {schema}.{table} is already partitioned.", "Manage its partitions with the maintenance function or pg_partman instead.", null, table));
        }

        var columns = session.Query(
            "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typname AS base, t.typtype::text AS typtype, "
            + "ARRAY(SELECT e.enumlabel::text FROM pg_enum AS e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels "
            + ", a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') ~ '^(nextval|gen_random_uuid|uuid_generate)' AS generated "
            + "FROM pg_attribute AS a JOIN pg_type AS t ON t.oid = a.atttypid LEFT JOIN pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE a.attrelid = to_regclass(@rel) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            "read the columns", p);
        var generated = columns.Where(c => c.Boolean("generated") == true).Select(c => c.String("name")!).ToHashSet(StringComparer.Ordinal);
        var constraints = session.Query(
            "SELECT c.conname AS name, c.contype::text AS kind, cl.relname AS table_name, rf.relname AS referenced, "
            + "CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END AS on_delete, "
            + "ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i) JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols, "
            + "ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i) JOIN pg_attribute AS a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols "
            + "FROM pg_constraint AS c JOIN pg_class AS cl ON cl.oid = c.conrelid LEFT JOIN pg_class AS rf ON rf.oid = c.confrelid "
            + "WHERE (c.conrelid = to_regclass(@rel) AND c.contype IN ('p', 'u', 'f')) OR (c.confrelid = to_regclass(@rel) AND c.contype = 'f') ORDER BY c.conname",
            "read the keys", p);
        var indexes = session.Query(
            "SELECT c.relname AS name, i.indisunique AS is_unique, substring(pg_get_indexdef(i.indexrelid) from ' USING .*$') AS tail, "
            + "ARRAY(SELECT a.attname::text FROM unnest(i.indkey) AS k(n) JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = k.n) AS cols, "
            // Every column the index reads, expressions and predicate included: the catalog records a dependency on each.
            + "ARRAY(SELECT a.attname::text FROM pg_depend AS d JOIN pg_attribute AS a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
            + "WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid AND d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indrelid AND d.refobjsubid > 0 ORDER BY a.attnum) AS reads "
            + "FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(@rel) "
            + "AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = i.indexrelid) ORDER BY c.relname",
            "read the indexes", p);
        var size = session.Query("SELECT reltuples::bigint AS estimate, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE oid = to_regclass(@rel)", "read the size", p)[0];
        var rows = size.Int64("estimate") is { } estimate && estimate >= 0
            ? estimate
            : Convert.ToInt64(session.Scalar($"SELECT count(*) FROM {qualified}", "count the rows"), CultureInfo.InvariantCulture);
        var bytes = size.Int64("bytes") ?? 0;

        var targetColumns = columns.Select(c => (c.String("name")!, Kind(c.String("base")!, c.String("typtype")!), c.String("type")!)).ToList();
        var enums = columns.Where(c => c.String("typtype") == "e").ToDictionary(c => c.String("name")!, c => c.Strings("labels"), StringComparer.Ordinal);
        TargetKey? Key(LiveRow r) => new(r.String("name")!, r.Strings("cols"));
        var own = constraints.Where(c => c.String("table_name") == table).ToList();
        var target = new PartitionTarget(
            schema,
            table,
            targetColumns,
            own.Where(c => c.String("kind") == "p").Select(r => Key(r)! with { Generated = r.Strings("cols").Any(generated.Contains) }).FirstOrDefault(),
            own.Where(c => c.String("kind") == "u").Select(r => Key(r)!)
                .Concat(indexes.Where(i => i.Boolean("is_unique") == true).Select(i => new TargetKey(i.String("name")!, i.Strings("cols"))
                {
                    Definition = i.String("tail"),
                    ReadColumns = i.Strings("reads"),
                }))
                .ToList(),
            own.Where(c => c.String("kind") == "f").Select(r => new TargetForeignKey(r.String("name")!, table, r.Strings("cols"), r.String("referenced")!, r.Strings("ref_cols"))).ToList(),
            constraints.Where(c => c.String("kind") == "f" && c.String("referenced") == table)
                .Select(r => new TargetForeignKey(r.String("name")!, r.String("table_name")!, r.Strings("cols"), table, r.Strings("ref_cols")) { OnDelete = r.String("on_delete") }).ToList())
        {
            Exists = true,
            Rows = rows,
            TotalBytes = bytes,
            BytesPerRow = rows > 0 ? bytes / (double)rows : null,
            LiveIndexes = indexes.Select(i => (i.String("name")!, i.Strings("cols"), i.Boolean("is_unique") ?? false, i.String("tail") ?? string.Empty)).ToList(),
            EnumValues = enums,
            DefaultKey = column,
        };
        if (column is null || !target.HasColumn(column))
        {
            return target;
        }

        return target.KindOf(column) switch
        {
            PartitionKeyKind.Timestamp or PartitionKeyKind.Date => WithTimeRange(session, target, qualified, column, rows),
            PartitionKeyKind.Integer => WithNumberRange(session, target, qualified, column),
            _ => target,
        };
    }

    private static PartitionTarget WithTimeRange(LiveSession session, PartitionTarget target, string qualified, string column, long rows)
    {
        var id = PostgreSqlWriter.Id(column);
        // Boundaries are drawn in UTC; the session's time zone decides how timestamptz values print.
        session.Execute("SET TIME ZONE 'UTC'", "read the key range in UTC");
        var range = session.Query($"SELECT to_char(min({id}), 'YYYY-MM-DD\"T\"HH24:MI:SS') AS low, to_char(max({id}), 'YYYY-MM-DD\"T\"HH24:MI:SS') AS high FROM {qualified}", "read the key range")[0];
        if (range.String("low") is not { } low || range.String("high") is not { } high)
        {
            return target;
        }

        return target.WithTimeRange(DateTime.Parse(low, CultureInfo.InvariantCulture), DateTime.Parse(high, CultureInfo.InvariantCulture), rows, column);
    }

    private static PartitionTarget WithNumberRange(LiveSession session, PartitionTarget target, string qualified, string column)
    {
        var id = PostgreSqlWriter.Id(column);
        var range = session.Query($"SELECT min({id})::bigint AS low, max({id})::bigint AS high FROM {qualified}", "read the key range")[0];
        return target with { KeyMinNumber = range.Int64("low"), KeyMaxNumber = range.Int64("high"), VolumeBasis = "the live table" };
    }

    private static PartitionKeyKind Kind(string baseType, string typtype) => baseType switch
    {
        "timestamptz" or "timestamp" => PartitionKeyKind.Timestamp,
        "date" => PartitionKeyKind.Date,
        "int2" or "int4" or "int8" => PartitionKeyKind.Integer,
        "text" or "varchar" or "bpchar" or "citext" => PartitionKeyKind.Text,
        _ when typtype == "e" => PartitionKeyKind.Text,
        _ => PartitionKeyKind.Other,
    };

    public static int? PartmanMajorVersion(LiveSession session) =>
        session.Scalar("SELECT extversion FROM pg_extension WHERE extname = 'pg_partman'", "read the pg_partman version") is string version
            && int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
}
