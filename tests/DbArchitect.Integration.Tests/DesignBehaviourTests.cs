using DbArchitect.Core.Model;
using Npgsql;
using static DbArchitect.Integration.Tests.AppliedDesign;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The generated database behaves as the design says: triggers keep updated_at and the audit log, uniqueness is
/// case-insensitive and ignores soft-deleted rows, tenants are isolated by row-level security and cannot reference
/// each other's rows.
/// </summary>
public sealed class DesignBehaviourTests
{
    [Fact]
    public void UpdatedAtMovesOnChangeAndTheAuditLogKeepsOnlyChangedColumns()
    {
        using var shop = new AppliedDesign("ecommerce.yaml");
        using var db = shop.Database.Open();
        var category = shop.Entity("category");
        var audit = shop.OfKind(TableKind.Audit);
        var id = Scalar(db, $"INSERT INTO {shop.Q(category)} ({shop.C(category, "name")}) VALUES ('Books') RETURNING {shop.C(category, "id")}")!;
        Execute(db, "SELECT pg_sleep(0.01)");
        Execute(db, $"UPDATE {shop.Q(category)} SET {shop.C(category, "name")} = 'Old books' WHERE {shop.C(category, "id")} = '{id}'");
        Assert.Equal(true, Scalar(db, $"SELECT {shop.C(category, "updated_at")} > {shop.C(category, "created_at")} FROM {shop.Q(category)}"));

        Assert.Equal(2L, Scalar(db, $"SELECT count(*) FROM {shop.Q(audit)} WHERE {shop.C(audit, "record_id")} = '{id}'"));
        var changed = (string)Scalar(db, $"SELECT {shop.C(audit, "new_values")}::text FROM {shop.Q(audit)} WHERE {shop.C(audit, "action")} = 'UPDATE'")!;
        Assert.Contains("Old books", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("created_at", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailUniquenessIgnoresCase()
    {
        using var shop = new AppliedDesign("ecommerce.yaml");
        using var db = shop.Database.Open();
        var customer = shop.Entity("customer");
        string Insert(string email) => $"INSERT INTO {shop.Q(customer)} ({shop.C(customer, "email")}, {shop.C(customer, "full_name")}) VALUES ('{email}', 'Ann')";
        Execute(db, Insert("Ann@Example.com"));
        var ex = Assert.Throws<PostgresException>(() => Execute(db, Insert("ann@example.COM")));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        var bad = Assert.Throws<PostgresException>(() => Execute(db, Insert("not an address")));
        Assert.Equal(PostgresErrorCodes.CheckViolation, bad.SqlState);
    }

    [Fact]
    public void TenantsAreIsolatedByRowLevelSecurityAndCannotReferenceEachOther()
    {
        using var saas = new AppliedDesign("saas-projects.yaml");
        var tenant = saas.OfKind(TableKind.Tenant);
        var user = saas.Entity("user");
        var project = saas.Entity("project");
        var task = saas.Entity("task");
        var login = "it_app_" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = saas.Database.Open())
        {
            Execute(admin, $"CREATE ROLE {login} LOGIN PASSWORD 'it_secret' IN ROLE {saas.Quote(saas.Design.Physical.Schema + "_app")}");
            Execute(admin, $"INSERT INTO {saas.Q(tenant)} ({saas.C(tenant, "name")}) VALUES ('one'), ('two')");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresServer.For(saas.Database.Name)) { Username = login, Password = "it_secret" };
            using var app = new NpgsqlConnection(builder.ConnectionString);
            app.Open();
            string AddUser(long tenantId, string email) =>
                $"INSERT INTO {saas.Q(user)} ({saas.C(user, "tenant_id")}, {saas.C(user, "email")}, {saas.C(user, "display_name")}) VALUES ({tenantId}, '{email}', 'U')";

            Execute(app, "SET app.tenant_id = '1'");
            Execute(app, AddUser(1, "a@one.test"));
            var crossTenantWrite = Assert.Throws<PostgresException>(() => Execute(app, AddUser(2, "b@two.test")));
            Assert.Equal("42501", crossTenantWrite.SqlState); // new row violates row-level security policy

            Execute(app, "SET app.tenant_id = '2'");
            Execute(app, AddUser(2, "a@one.test")); // same address in another tenant is fine: uniqueness is per tenant
            Assert.Equal(1L, Scalar(app, $"SELECT count(*) FROM {saas.Q(user)}"));

            Execute(app, "RESET app.tenant_id");
            Assert.Equal(0L, Scalar(app, $"SELECT count(*) FROM {saas.Q(user)}")); // fails closed without a tenant

            // A task of tenant 2 cannot point at a project of tenant 1, even for a role that bypasses row-level security.
            using var admin = saas.Database.Open();
            var ownerOfOne = Scalar(admin, $"SELECT {saas.C(user, "id")} FROM {saas.Q(user)} WHERE {saas.C(user, "tenant_id")} = 1")!;
            var projectOfOne = Scalar(admin, $"INSERT INTO {saas.Q(project)} ({saas.C(project, "tenant_id")}, {saas.C(project, "name")}, {saas.C(project, "owner_id")}) VALUES (1, 'P', {ownerOfOne}) RETURNING {saas.C(project, "id")}")!;
            var crossTenantReference = Assert.Throws<PostgresException>(() => Execute(admin,
                $"INSERT INTO {saas.Q(task)} ({saas.C(task, "tenant_id")}, {saas.C(task, "project_id")}, {saas.C(task, "title")}) VALUES (2, {projectOfOne}, 'T')"));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, crossTenantReference.SqlState);
        }
        finally
        {
            using var admin = saas.Database.Open();
            Execute(admin, $"DROP OWNED BY {login}; DROP ROLE {login}");
        }
    }

    [Fact]
    public void SoftDeletedRowsReleaseTheirUniqueValues()
    {
        using var saas = new AppliedDesign("saas-projects.yaml");
        using var db = saas.Database.Open();
        var tenant = saas.OfKind(TableKind.Tenant);
        var user = saas.Entity("user");
        Execute(db, $"INSERT INTO {saas.Q(tenant)} ({saas.C(tenant, "name")}) VALUES ('one')");
        var insert = $"INSERT INTO {saas.Q(user)} ({saas.C(user, "tenant_id")}, {saas.C(user, "email")}, {saas.C(user, "display_name")}) VALUES (1, 'x@one.test', 'X')";
        Execute(db, insert);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.Throws<PostgresException>(() => Execute(db, insert)).SqlState);
        Execute(db, $"UPDATE {saas.Q(user)} SET {saas.C(user, "deleted_at")} = now()");
        Execute(db, insert);
        Assert.Equal(2L, Scalar(db, $"SELECT count(*) FROM {saas.Q(user)}"));
    }
}
