using DbArchitect.Core.Model;
using Npgsql;
using static DbArchitect.Integration.Tests.AppliedDesign;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The security model on a real server, through login roles that are members of the generated group roles: the
/// application role of tenant A can neither see nor change tenant B's rows; the read-only and reporting roles can read
/// but not write; the reporting role reads the health views. (Cross-tenant inserts and foreign keys are covered in
/// <see cref="DesignBehaviourTests"/>.)
/// </summary>
public sealed class SecurityRoleTests
{
    private const string Password = "it_secret";

    [Fact]
    public void TenantAppRoleCannotReadOrWriteAnotherTenantAndReadersCannotWrite()
    {
        using var saas = new AppliedDesign("saas-projects.yaml");
        var tenant = saas.OfKind(TableKind.Tenant);
        var user = saas.Entity("user");
        using (var admin = saas.Database.Open())
        {
            Execute(admin, $"INSERT INTO {saas.Q(tenant)} ({saas.C(tenant, "name")}) VALUES ('one'), ('two')");
            Execute(admin, $"INSERT INTO {saas.Q(user)} ({saas.C(user, "tenant_id")}, {saas.C(user, "email")}, {saas.C(user, "display_name")}) VALUES (1, 'a@one.test', 'A'), (2, 'b@two.test', 'B')");
        }

        PostgresServer.ApplyWithPsql(saas.Database.Name, new[] { saas.File("monitoring/health.sql"), saas.File("monitoring/pg_stat_statements.sql") });
        var logins = new List<string>();
        try
        {
            using var app = Login(saas, Role(saas, "_app"), logins);
            var users = saas.Q(user);
            var tenantKey = saas.C(user, "tenant_id");
            Execute(app, "SET app.tenant_id = '1'");
            Assert.Equal(1L, Scalar(app, $"SELECT count(*) FROM {users}"));
            Assert.Equal(0L, Scalar(app, $"SELECT count(*) FROM {users} WHERE {tenantKey} = 2"));
            Assert.Equal(0, NonQuery(app, $"UPDATE {users} SET {saas.C(user, "display_name")} = 'X' WHERE {tenantKey} = 2"));
            Assert.Equal(0, NonQuery(app, $"DELETE FROM {users} WHERE {tenantKey} = 2"));
            Assert.Equal("42501", Assert.Throws<PostgresException>(() => Execute(app,
                $"INSERT INTO {users} ({tenantKey}, {saas.C(user, "email")}, {saas.C(user, "display_name")}) VALUES (2, 'c@two.test', 'C')")).SqlState);
            Assert.Equal("42501", Assert.Throws<PostgresException>(() => Execute(app, $"UPDATE {users} SET {tenantKey} = 2")).SqlState);
            Assert.Equal(1, NonQuery(app, $"UPDATE {users} SET {saas.C(user, "display_name")} = 'A2' WHERE {tenantKey} = 1"));

            using (var admin = saas.Database.Open())
            {
                Assert.Equal("B", Scalar(admin, $"SELECT {saas.C(user, "display_name")} FROM {users} WHERE {tenantKey} = 2"));
                Assert.Equal(2L, Scalar(admin, $"SELECT count(*) FROM {users}"));
            }

            using var readOnly = Login(saas, Role(saas, "_readonly"), logins);
            Execute(readOnly, "SET app.tenant_id = '1'");
            Assert.Equal(1L, Scalar(readOnly, $"SELECT count(*) FROM {users}"));
            AssertCannotWrite(readOnly, saas, user);

            using var reporting = Login(saas, Role(saas, "_reporting"), logins);
            Assert.Equal(2L, Scalar(reporting, $"SELECT count(*) FROM {users}")); // cross-tenant reports
            AssertCannotWrite(reporting, saas, user);
            var schema = saas.Quote(saas.Design.Physical.Schema);
            Assert.Equal(1L, Scalar(reporting, $"SELECT count(*) FROM {schema}.database_health"));
            Assert.IsType<long>(Scalar(reporting, $"SELECT count(*) FROM {schema}.top_statements"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.Throws<PostgresException>(() => Scalar(readOnly, $"SELECT count(*) FROM {schema}.database_health")).SqlState);
        }
        finally
        {
            DropLogins(saas, logins);
        }
    }

    [Fact]
    public void SingleTenantReadOnlyRoleReadsButCannotWrite()
    {
        using var shop = new AppliedDesign("ecommerce.yaml");
        var category = shop.Entity("category");
        using (var admin = shop.Database.Open())
        {
            Execute(admin, $"INSERT INTO {shop.Q(category)} ({shop.C(category, "name")}) VALUES ('Books')");
        }

        var logins = new List<string>();
        try
        {
            using var readOnly = Login(shop, Role(shop, "_readonly"), logins);
            Assert.Equal(1L, Scalar(readOnly, $"SELECT count(*) FROM {shop.Q(category)}"));
            AssertCannotWrite(readOnly, shop, category);
            using var app = Login(shop, Role(shop, "_app"), logins);
            Assert.Equal(1, NonQuery(app, $"INSERT INTO {shop.Q(category)} ({shop.C(category, "name")}) VALUES ('Games')"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.Throws<PostgresException>(() => Execute(app, $"DROP TABLE {shop.Q(category)}")).SqlState);
        }
        finally
        {
            DropLogins(shop, logins);
        }
    }

    private static void AssertCannotWrite(NpgsqlConnection connection, AppliedDesign applied, Table table)
    {
        var name = applied.Q(table);
        var column = applied.C(table, table.Columns.First(c => c.Role == ColumnRole.Attribute).Name);
        foreach (var sql in new[] { $"INSERT INTO {name} DEFAULT VALUES", $"UPDATE {name} SET {column} = {column}", $"DELETE FROM {name}" })
        {
            var denied = Assert.Throws<PostgresException>(() => Execute(connection, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            Assert.Contains("permission denied", denied.MessageText, StringComparison.Ordinal);
        }
    }

    private static string Role(AppliedDesign applied, string suffix) =>
        applied.Design.Security.Roles.Single(r => r.Name == applied.Design.Physical.Schema + suffix).Name;

    private static NpgsqlConnection Login(AppliedDesign applied, string groupRole, List<string> logins)
    {
        var login = "it_login_" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = applied.Database.Open())
        {
            Execute(admin, $"CREATE ROLE {login} LOGIN CONNECTION LIMIT 2 PASSWORD '{Password}' IN ROLE {applied.Quote(groupRole)}");
        }

        logins.Add(login);
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.For(applied.Database.Name)) { Username = login, Password = Password };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void DropLogins(AppliedDesign applied, List<string> logins)
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = applied.Database.Open();
        foreach (var login in logins)
        {
            Execute(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{login}'");
            Execute(admin, $"DROP OWNED BY {login}; DROP ROLE {login}");
        }
    }

    private static int NonQuery(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteNonQuery();
    }
}
