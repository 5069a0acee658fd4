namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// backup/table-checksums.sql: one line per table with its row count and an order-independent checksum (the sum of
/// each row's 64-bit md5 prefix), so a backup and its restore can be compared table by table in constant memory.
/// Output settings are pinned, because a row's text form depends on them.
/// </summary>
internal static class PostgreSqlBackupChecksums
{
    public const string RelativePath = "backup/table-checksums.sql";
    public const string Purpose = "Row count and checksum per table; backup.sh records them in the dump's snapshot, restore.sh and restore-drill.sh compare";

    public static string Write(string application, string engineDisplayName)
    {
        var writer = PostgreSqlWriter.ForReference(application, engineDisplayName, RelativePath, Purpose);
        writer.Statement("SET TimeZone = " + PostgreSqlWriter.String("UTC"));
        writer.Statement("SET DateStyle = " + PostgreSqlWriter.String("ISO, YMD"));
        writer.Statement("SET IntervalStyle = " + PostgreSqlWriter.String("postgres"));
        writer.Statement("SET extra_float_digits = 1");
        writer.Statement("SET bytea_output = " + PostgreSqlWriter.String("hex"));
        writer.BlankLine();
        writer.Comment("Every user table (partitioned tables once, through their parent), not those an extension owns; psql runs each generated query.");
        var perTable = "SELECT %L AS table_name, count(*) AS row_count, "
            + "coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint), 0) AS checksum FROM %I.%I AS t";
        writer.GexecStatement(string.Join("\n", new[]
        {
            "SELECT format(" + PostgreSqlWriter.String(perTable) + ", n.nspname || '.' || c.relname, n.nspname, c.relname)",
            "FROM pg_catalog.pg_class AS c",
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace",
            "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition",
            "    AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'",
            "    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS d",
            "        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')",
            "ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
        }));
        return writer.Finish();
    }
}
