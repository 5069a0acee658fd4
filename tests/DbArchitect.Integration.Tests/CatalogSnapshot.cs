using Npgsql;

namespace DbArchitect.Integration.Tests;

internal sealed record CatalogColumn(string Table, string Name, int Position, string Type, bool NotNull, string? Comment, bool Identity, string? Default);

internal sealed record CatalogConstraint(string Table, string Name, char Type, string[] Columns, string? ReferencedTable, string[] ReferencedColumns, char DeleteAction, string? Comment);

internal sealed record CatalogIndex(string Table, string Name, bool Unique, bool Primary, bool BacksConstraint, string Method, bool Partial, string? Comment, string Definition);

/// <summary>
/// What the catalog of one schema says, read set-wise: one query per kind of object (never one per table).
/// </summary>
internal sealed class CatalogSnapshot
{
    public Dictionary<string, (string? Comment, bool RowSecurity, bool ForceRowSecurity)> Tables { get; } = new(StringComparer.Ordinal);

    public List<CatalogColumn> Columns { get; } = new();

    public List<CatalogConstraint> Constraints { get; } = new();

    public List<CatalogIndex> Indexes { get; } = new();

    public List<(string Table, string Trigger)> Triggers { get; } = new();

    public List<(string Table, string Policy)> Policies { get; } = new();

    public static CatalogSnapshot Read(NpgsqlConnection connection, string schema)
    {
        var snapshot = new CatalogSnapshot();
        Query(connection, schema, """
            SELECT c.relname, obj_description(c.oid, 'pg_class'), c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """, r => snapshot.Tables[r.GetString(0)] = (r.IsDBNull(1) ? null : r.GetString(1), r.GetBoolean(2), r.GetBoolean(3)));
        Query(connection, schema, """
            SELECT c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   col_description(c.oid, a.attnum), a.attidentity <> '', pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """, r => snapshot.Columns.Add(new CatalogColumn(r.GetString(0), r.GetString(1), r.GetInt16(2), r.GetString(3), r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7))));
        Query(connection, schema, """
            SELECT cl.relname, co.conname, co.contype::text,
                   ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n ORDER BY k.i)::text[],
                   rc.relname,
                   ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n ORDER BY k.i)::text[],
                   co.confdeltype::text, obj_description(co.oid, 'pg_constraint')
            FROM pg_constraint co
            JOIN pg_class cl ON cl.oid = co.conrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            LEFT JOIN pg_class rc ON rc.oid = co.confrelid
            WHERE n.nspname = @schema AND co.contype IN ('p', 'u', 'f', 'c')
            """, r => snapshot.Constraints.Add(new CatalogConstraint(r.GetString(0), r.GetString(1), r.GetString(2)[0],
                r.GetFieldValue<string[]>(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? Array.Empty<string>() : r.GetFieldValue<string[]>(5),
                r.GetString(6)[0], r.IsDBNull(7) ? null : r.GetString(7))));
        Query(connection, schema, """
            SELECT t.relname, i.relname, x.indisunique, x.indisprimary,
                   EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = x.indexrelid AND co.contype IN ('p', 'u')),
                   am.amname, x.indpred IS NOT NULL, obj_description(i.oid, 'pg_class'), pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE n.nspname = @schema
            """, r => snapshot.Indexes.Add(new CatalogIndex(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3), r.GetBoolean(4),
                r.GetString(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8))));
        Query(connection, schema, """
            SELECT c.relname, t.tgname FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND NOT t.tgisinternal
            """, r => snapshot.Triggers.Add((r.GetString(0), r.GetString(1))));
        Query(connection, schema, "SELECT tablename::text, policyname::text FROM pg_policies WHERE schemaname = @schema",
            r => snapshot.Policies.Add((r.GetString(0), r.GetString(1))));
        return snapshot;
    }

    private static void Query(NpgsqlConnection connection, string schema, string sql, Action<NpgsqlDataReader> row)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>
    /// The catalog's own spelling of native types (varchar(200) → character varying(200)), asked of the server by
    /// declaring a temporary table with them, so the comparison needs no hand-written alias table.
    /// </summary>
    public static Dictionary<string, string> CanonicalTypes(NpgsqlConnection connection, IEnumerable<string> nativeTypes)
    {
        var types = nativeTypes.Distinct(StringComparer.Ordinal).ToArray();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (types.Length == 0)
        {
            return result;
        }

        var columns = string.Join(", ", types.Select((t, i) => $"c{i} {t}"));
        using (var create = new NpgsqlCommand($"CREATE TEMP TABLE dbarch_types ({columns})", connection))
        {
            create.ExecuteNonQuery();
        }

        using var read = new NpgsqlCommand("SELECT attnum, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'dbarch_types'::regclass AND attnum > 0", connection);
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            result[types[reader.GetInt16(0) - 1]] = reader.GetString(1);
        }

        return result;
    }
}
