using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Script 5: the roles of the security plan and their grants on the current database (ON * is the database the
/// script runs in, so the build scripts never hard-code the database name). Roles are server-wide, hence IF NOT EXISTS.
/// </summary>
internal static class MySqlSecurityDdl
{
    public const string Purpose = "Creates the reader, writer and migrator roles and grants them privileges on this database; logins are created by the DBA (see design.md).";

    public static void Write(W writer, SchemaModel model, MySqlDialect dialect)
    {
        var reader = MySqlSecurity.RoleName(model, "reader");
        var appWriter = MySqlSecurity.RoleName(model, "writer");
        var migrator = MySqlSecurity.RoleName(model, "migrator");
        writer.BlankLine();
        foreach (var role in new[] { reader, appWriter, migrator })
        {
            writer.Statement($"CREATE ROLE IF NOT EXISTS {W.Id(role)}");
        }

        writer.BlankLine();
        writer.Statement($"GRANT SELECT ON * TO {W.Id(reader)}");
        writer.Statement($"GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON * TO {W.Id(appWriter)}");
        writer.Statement($"GRANT ALL PRIVILEGES ON * TO {W.Id(migrator)}");
        writer.BlankLine();
        writer.Comment(dialect.IsMariaDb
            ? "MariaDB: GRANT <role> TO 'user'@'host'; SET DEFAULT ROLE <role> FOR 'user'@'host'; create logins WITH REQUIRE SSL."
            : "MySQL 8: GRANT <role> TO 'user'@'host'; SET DEFAULT ROLE <role> TO 'user'@'host' (or activate_all_roles_on_login = ON); create logins WITH REQUIRE SSL.");
    }
}
