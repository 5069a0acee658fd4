using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// PASSWORD_ENCRYPTION_MD5: password_encryption = md5 in this database's sessions, and roles whose stored password is
/// an MD5 hash. MD5 hashes are replayable (the hash is the secret for md5 authentication) and deprecated since 14.
/// </summary>
internal sealed class PostgreSqlPasswordEncryptionMd5 : PostgreSqlHealthCheck
{
    public override string Id => "PASSWORD_ENCRYPTION_MD5";

    public override string Title => "MD5 password hashing";

    public override string Category => "Security";

    public override string Description => "password_encryption = md5 as this database's sessions see it (server, database or role setting), and login roles whose stored password is an MD5 hash (visible to superusers). Whoever reads an MD5 hash (a backup, pg_authid) can log in with it over md5 authentication without knowing the password; SCRAM-SHA-256 is the default since PostgreSQL 14 and MD5 is deprecated.";

    public override string Needs => "read access to pg_settings; SELECT on pg_authid (superuser) for stored hashes";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT 'password_encryption' AS target, 'setting' AS kind, setting, source
        FROM pg_settings WHERE name = 'password_encryption' AND setting = 'md5'
        UNION ALL
        SELECT a.rolname, 'stored hash', 'md5', 'pg_authid'
        FROM pg_authid a
        WHERE a.rolcanlogin AND a.rolpassword LIKE 'md5%' AND has_table_privilege('pg_catalog.pg_authid', 'SELECT')
        """;

    protected override string QueryFor(HealthCheckContext context) =>
        context.Session.Scalar("SELECT has_table_privilege('pg_catalog.pg_authid', 'SELECT')", "Reading privileges") is true
            ? Sql
            : "SELECT 'password_encryption' AS target, 'setting' AS kind, setting, source FROM pg_settings WHERE name = 'password_encryption' AND setting = 'md5'";

    protected override string Describe(LiveRow row, double? measured) => row.String("kind") == "setting"
        ? $"password_encryption = md5 (set by {row.String("source")}): new passwords are stored as replayable MD5 hashes."
        : "The role's password is stored as an MD5 hash.";

    protected override string Recommend(LiveRow row) => row.String("kind") == "setting"
        ? "Set password_encryption = 'scram-sha-256' where it is set (postgresql.conf, ALTER DATABASE/ROLE … RESET), then have each role set its password again."
        : "Set the password again while password_encryption = 'scram-sha-256' (\\password in psql), then change md5 lines in pg_hba.conf to scram-sha-256.";
}
