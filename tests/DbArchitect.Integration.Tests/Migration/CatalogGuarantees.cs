using Npgsql;

namespace DbArchitect.Integration.Tests.Migration;

/// <summary>
/// What a schema promises beyond its shape, read from PostgreSQL's catalog as sorted lines: owners, table, column,
/// sequence, function and schema privileges, row-level security switches and policies, and SECURITY DEFINER
/// settings. Two databases built differently (a fresh build and a migration) must read the same.
/// </summary>
internal static class CatalogGuarantees
{
    private const string Query = """
        WITH ns AS (SELECT oid, nspname, nspowner, nspacl FROM pg_namespace WHERE nspname = @schema),
        rel AS (
            SELECT c.oid, c.relname, c.relkind, c.relowner, c.relacl, c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')),
        fn AS (
            SELECT p.oid, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name, p.proowner, p.proacl, p.prosecdef, p.proconfig
            FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace)
        SELECT 'schema owner=' || pg_get_userbyid(nspowner) FROM ns
        UNION ALL SELECT 'schema acl ' || coalesce(pg_get_userbyid(NULLIF(a.grantee, 0)), 'PUBLIC') || ' ' || a.privilege_type || ' grantable=' || a.is_grantable
            FROM ns, aclexplode(ns.nspacl) a
        UNION ALL SELECT 'relation ' || relname || ' kind=' || relkind::text || ' owner=' || pg_get_userbyid(relowner)
            || ' rls=' || relrowsecurity || ' force=' || relforcerowsecurity FROM rel
        UNION ALL SELECT 'relation acl ' || rel.relname || ' ' || coalesce(pg_get_userbyid(NULLIF(a.grantee, 0)), 'PUBLIC') || ' '
            || a.privilege_type || ' grantable=' || a.is_grantable FROM rel, aclexplode(rel.relacl) a
        UNION ALL SELECT 'column acl ' || rel.relname || '.' || att.attname || ' ' || coalesce(pg_get_userbyid(NULLIF(a.grantee, 0)), 'PUBLIC') || ' '
            || a.privilege_type FROM rel JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attnum > 0 AND NOT att.attisdropped,
            aclexplode(att.attacl) a
        UNION ALL SELECT 'policy ' || rel.relname || ' ' || pol.polname || ' cmd=' || pol.polcmd::text || ' permissive=' || pol.polpermissive
            || ' roles=' || (SELECT string_agg(coalesce(pg_get_userbyid(NULLIF(r, 0)), 'PUBLIC'), ',' ORDER BY 1) FROM unnest(pol.polroles) r)
            || ' using=' || coalesce(pg_get_expr(pol.polqual, pol.polrelid), '-') || ' check=' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '-')
            FROM pg_policy pol JOIN rel ON rel.oid = pol.polrelid
        UNION ALL SELECT 'function ' || name || ' owner=' || pg_get_userbyid(proowner) || ' definer=' || prosecdef
            || ' config=' || coalesce(array_to_string(proconfig, ';'), '-') FROM fn
        UNION ALL SELECT 'function acl ' || fn.name || ' ' || coalesce(pg_get_userbyid(NULLIF(a.grantee, 0)), 'PUBLIC') || ' ' || a.privilege_type
            FROM fn, aclexplode(fn.proacl) a
        """;

    public static IReadOnlyList<string> Read(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("schema", schema);
        var lines = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
