using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The opening of every script that schedules with pg_cron. On a server where pg_cron is preloaded but CREATE EXTENSION
/// has not run yet, a bare cron.schedule fails with 'schema "cron" does not exist'; IF NOT EXISTS alone is not enough
/// either, because pg_cron may only be created in the database named by cron.database_name and only when it is in
/// shared_preload_libraries. So the script creates the extension where it may, and otherwise stops with the one thing
/// the DBA has to do, before any job is scheduled.
/// </summary>
internal static class PostgreSqlCronSetup
{
    public static void Ensure(W writer)
    {
        writer.Comment("Creates pg_cron when it is missing and may be created here; otherwise stops and says what to run.");
        writer.Statement("DO " + W.DollarQuoted(Body, "cron"));
    }

    // Only a superuser may read cron.database_name, and only a superuser may create pg_cron (it is not a trusted
    // extension), so the role is checked before the setting. cron.database_name is a placeholder (NULL from
    // current_setting(…, true), absent from pg_settings) until the library is loaded, which is how a server without
    // pg_cron in shared_preload_libraries shows itself.
    private const string Body =
        "DECLARE\n" +
        "    cron_database text;\n" +
        "BEGIN\n" +
        "    IF EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN\n" +
        "        RETURN;\n" +
        "    END IF;\n" +
        "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'pg_cron') THEN\n" +
        "        RAISE EXCEPTION 'pg_cron is not installed on this server'\n" +
        "            USING HINT = 'Install it (Debian: apt-get install postgresql-15-cron), add pg_cron to shared_preload_libraries, restart PostgreSQL and run this file again.';\n" +
        "    END IF;\n" +
        "    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN\n" +
        "        RAISE EXCEPTION 'pg_cron is not created yet, and only a superuser can create it'\n" +
        "            USING HINT = format('A superuser runs CREATE EXTENSION pg_cron once in the database named by cron.database_name (usually postgres) and GRANT USAGE ON SCHEMA cron TO %s; then run this file again.', current_user);\n" +
        "    END IF;\n" +
        "    cron_database := current_setting('cron.database_name', true);\n" +
        "    IF cron_database IS NULL OR NOT EXISTS (SELECT FROM pg_catalog.pg_settings WHERE name = 'cron.database_name') THEN\n" +
        "        RAISE EXCEPTION 'pg_cron is installed but not loaded: it is not in shared_preload_libraries'\n" +
        "            USING HINT = 'Add pg_cron to shared_preload_libraries (ALTER SYSTEM SET shared_preload_libraries = ''pg_cron'', keeping the libraries already there), restart PostgreSQL and run this file again.';\n" +
        "    END IF;\n" +
        "    IF cron_database <> current_database() THEN\n" +
        "        RAISE EXCEPTION 'pg_cron is created in the database named by cron.database_name (%), not in %', cron_database, current_database()\n" +
        "            USING HINT = format('Run this file there: psql -d %s -f <this file>, with the same -v variables.', cron_database);\n" +
        "    END IF;\n" +
        "    CREATE EXTENSION pg_cron;\n" +
        "    RAISE NOTICE 'created the extension pg_cron in %', current_database();\n" +
        "END;\n";
}
