namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The catalog queries of Import-DbSchema: one per kind of object over every wanted schema (@schemas, a text[]),
/// never one per table. Objects that belong to an extension (pg_depend deptype 'e') are left out.
/// </summary>
internal static class PostgreSqlCatalogQueries
{
    public const string Schemas = """
        SELECT n.nspname AS name
        FROM pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
        ORDER BY n.nspname
        """;

    /// <summary>Tables, with their oid: the other queries name their table by oid, and the client joins them by it.</summary>
    public const string Tables = """
        SELECT c.oid AS table_oid, n.nspname AS schema_name, c.relname AS table_name, ds.description AS comment,
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by, c.reltuples::bigint AS estimated_rows,
               c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE n.nspname = ANY(@schemas) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """;

    /// <summary>
    /// Columns of every table of the schemas. Comments come from a join on pg_description, not col_description(): that is
    /// a SQL function the server runs as a query of its own for each of the tens of thousands of rows.
    /// </summary>
    public const string Columns = """
        SELECT a.attrelid AS table_oid, a.attname AS column_name, a.attnum AS position,
               format_type(a.atttypid, a.atttypmod) AS native_type, a.attnotnull AS not_null, a.attidentity IN ('a', 'd') AS identity,
               a.attgenerated <> '' AS generated, pg_get_expr(d.adbin, d.adrelid) AS default_expression, ds.description AS comment
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
        WHERE n.nspname = ANY(@schemas) AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
        """;

    /// <summary>
    /// Keys and checks with their columns as attribute numbers: the client names them from the columns it read (a
    /// subquery per constraint and key list cost the server more than the rest of the query).
    /// </summary>
    public const string Constraints = """
        SELECT co.conrelid AS table_oid, co.conname AS name, co.contype::text AS kind, co.conkey AS columns,
               co.confrelid AS referenced_oid, rc.relname AS referenced_table, co.confkey AS referenced_columns,
               co.confdeltype::text AS on_delete, co.confdelsetcols AS set_null_columns,
               CASE WHEN co.contype = 'c' THEN pg_get_expr(co.conbin, co.conrelid, true) END AS expression,
               ds.description AS comment
        FROM pg_constraint co
        JOIN pg_class cl ON cl.oid = co.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = co.confrelid
        LEFT JOIN pg_description ds ON ds.objoid = co.oid AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0
        WHERE n.nspname = ANY(@schemas) AND co.contype IN ('p', 'u', 'f', 'c') AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
          AND co.conparentid = 0
        ORDER BY co.conrelid, co.conname
        """;

    /// <summary>
    /// Indexes that no constraint owns, one row per index: the server prints only what needs its deparser (each key's
    /// text, the raw text of expression keys, the predicate); directions, expression flags, columns and operator classes
    /// travel as numbers the client resolves.
    /// </summary>
    public const string Indexes = """
        SELECT x.indrelid AS table_oid, i.relname AS name, x.indisunique AS is_unique, am.amname AS method, x.indnkeyatts AS key_count,
               x.indkey::int2[] AS attributes, x.indoption::int2[] AS options, x.indclass::oid[] AS opclasses,
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k.i, true) FROM generate_series(1, x.indnkeyatts) k(i) ORDER BY k.i)::text[] AS keys,
               ARRAY(SELECT CASE WHEN x.indkey[k.i - 1] = 0 THEN pg_get_indexdef(x.indexrelid, k.i, false) END FROM generate_series(1, x.indnkeyatts) k(i) ORDER BY k.i)::text[] AS raw_expressions,
               pg_get_expr(x.indpred, x.indrelid, true) AS predicate, pg_get_expr(x.indpred, x.indrelid, false) AS raw_predicate,
               ds.description AS comment
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = i.relam
        LEFT JOIN pg_description ds ON ds.objoid = i.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE n.nspname = ANY(@schemas) AND t.relkind IN ('r', 'p') AND NOT t.relispartition
          AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = x.indexrelid AND co.contype IN ('p', 'u', 'x'))
        ORDER BY x.indrelid, i.relname
        """;

    /// <summary>Operator classes by oid (a few hundred rows), to name index keys' classes and tell the defaults.</summary>
    public const string OperatorClasses = "SELECT oc.oid, oc.opcname AS name, oc.opcdefault AS is_default FROM pg_opclass oc";

    /// <summary>Attribute names of tables the columns query did not read (a foreign key into another schema or a filtered-out table).</summary>
    public const string Attributes = "SELECT a.attrelid AS table_oid, a.attnum AS position, a.attname AS name FROM pg_attribute a WHERE a.attrelid = ANY(@tables::bigint[]::oid[])";

    /// <summary>Sequences that no identity or serial column owns (with their settings), and views.</summary>
    public const string SequencesAndViews = """
        SELECT n.nspname AS schema_name, c.relname AS name, c.relkind::text AS kind, format_type(s.seqtypid, NULL) AS data_type,
               s.seqstart AS start_value, s.seqincrement AS increment, s.seqmin AS minimum, s.seqmax AS maximum, s.seqcache AS cache, s.seqcycle AS cycle
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
        WHERE n.nspname = ANY(@schemas) AND c.relkind IN ('S', 'v', 'm')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>
    /// Policies with their command, roles (sorted; "public" for everyone) and expressions printed the way pg_policies
    /// prints them (pg_get_expr without pretty-printing), so a design spelled the same way compares equal.
    /// </summary>
    public const string Policies = """
        SELECT n.nspname AS schema_name, c.relname AS table_name, p.polname AS name, p.polpermissive AS permissive,
               CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
               CASE WHEN p.polroles = '{0}'::oid[] THEN ARRAY['public']
                    ELSE ARRAY(SELECT r.rolname::text FROM pg_roles r WHERE r.oid = ANY(p.polroles) ORDER BY r.rolname) END::text[] AS roles,
               pg_get_expr(p.polqual, p.polrelid) AS using_expression, pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,
               obj_description(p.oid, 'pg_policy') AS comment
        FROM pg_policy p
        JOIN pg_class c ON c.oid = p.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY(@schemas)
        ORDER BY n.nspname, c.relname, p.polname
        """;

    public const string Extensions = "SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname";
}
