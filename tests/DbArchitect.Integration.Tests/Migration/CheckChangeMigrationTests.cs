using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using DbArchitect.Integration.Tests.MariaDb;
using DbArchitect.Integration.Tests.Schema;
using MySqlConnector;
using Npgsql;

namespace DbArchitect.Integration.Tests.Migration;

/// <summary>
/// Issue 13 data loss 2 on the real servers: an enum member added and a check narrowed are differences, the migration
/// replaces both constraints, and afterwards the new member inserts and a value the new check forbids fails; removing a
/// member is refused without -AllowDataLoss and, with it, moves the rows that held it to the default.
/// </summary>
public sealed class CheckChangeMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dbarch-checks-" + Guid.NewGuid().ToString("N"));

    public CheckChangeMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Spec(string version, string status, string points)
    {
        var path = Path.Combine(_folder, $"ticket-{version}.yaml");
        File.WriteAllText(path, $$"""
            format: 1
            application: { name: CheckShop, kind: oltp }
            conventions: { naming: snake_case, primaryKey: bigint, timestamps: false, audit: false }
            entities:
              - name: ticket
                attributes:
                  - { name: title, type: string(40), required: true }
                  - { name: status, type: "enum({{status}})", required: true, default: active }
                  - { name: points, type: int, check: "{{points}}" }
            """);
        return path;
    }

    private static IReadOnlyList<SchemaDifference> CheckChanges(IReadOnlyList<SchemaDifference> differences) =>
        differences.Where(d => d is { ObjectKind: SchemaObjectKind.Check, Property: DifferenceProperty.Definition }).ToArray();

    private string[] Files(MigrationPlan plan) => plan.ToScripts().Where(s => !s.RelativePath.Contains('/', StringComparison.Ordinal)).Select(s =>
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N")[..6] + "_" + s.RelativePath);
        File.WriteAllText(path, s.Text);
        return path;
    }).ToArray();

    [Fact]
    public void PostgreSqlReplacesChangedChecksSoTheNewMemberInsertsAndTheNarrowedRangeRefuses()
    {
        using var applied = new AppliedDesign(Spec("v1", "active, closed", ">= 0"));
        var schema = applied.Design.Physical.Schema;
        var ticket = applied.Q(applied.Entity("ticket"));
        using var db = applied.Database.Open();
        AppliedDesign.Execute(db, $"INSERT INTO {ticket} (title, status, points) VALUES ('old', 'closed', 5)");
        var v2 = DesignEngine.Create(RequirementsReader.Load(Spec("v2", "active, closed, archived", "between 0 and 10")), "postgresql");

        var differences = SchemaComparer.Compare(PostgreSqlRoundTripTests.Import(applied.Database.Name, schema), v2.Physical);
        Assert.Equal(2, CheckChanges(differences).Count);
        PostgresServer.ApplyWithPsql(applied.Database.Name, Files(MigrationPlanner.Create(differences)));

        AppliedDesign.Execute(db, $"INSERT INTO {ticket} (title, status, points) VALUES ('new', 'archived', 10)");
        var refused = Assert.Throws<PostgresException>(() => AppliedDesign.Execute(db, $"INSERT INTO {ticket} (title, points) VALUES ('big', 11)"));
        Assert.Equal("23514", refused.SqlState);
        Assert.Empty(SchemaComparer.Compare(PostgreSqlRoundTripTests.Import(applied.Database.Name, schema), v2.Physical));

        var v3 = DesignEngine.Create(RequirementsReader.Load(Spec("v3", "active, archived", "between 0 and 10")), "postgresql");
        var removal = SchemaComparer.Compare(PostgreSqlRoundTripTests.Import(applied.Database.Name, schema), v3.Physical);
        var error = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(removal));
        Assert.Contains(error.Errors, e => e.ErrorId == "MigrationLosesData" && e.Message.Contains("'closed'", StringComparison.Ordinal));
        PostgresServer.ApplyWithPsql(applied.Database.Name, Files(MigrationPlanner.Create(removal, new MigrationOptions { AllowDataLoss = true })));

        Assert.Equal("active", AppliedDesign.Scalar(db, $"SELECT status FROM {ticket} WHERE title = 'old'"));
        Assert.Equal("23514", Assert.Throws<PostgresException>(() => AppliedDesign.Execute(db, $"INSERT INTO {ticket} (title, status) VALUES ('x', 'closed')")).SqlState);
        Assert.Empty(SchemaComparer.Compare(PostgreSqlRoundTripTests.Import(applied.Database.Name, schema), v3.Physical));
    }

    [Fact]
    public void MariaDbReplacesChangedChecksSoTheNewMemberInsertsAndTheNarrowedRangeRefuses()
    {
        var v1 = DesignEngine.Create(RequirementsReader.Load(Spec("v1", "active, closed", ">= 0")), "mariadb");
        using var scratch = MariaDbRoundTripTests.Apply(v1, "checks");
        using var db = MariaDbServer.Open(scratch.Name);
        MariaDbServer.Execute(db, "INSERT INTO ticket (title, status, points) VALUES ('old', 'closed', 5)");
        var v2 = DesignEngine.Create(RequirementsReader.Load(Spec("v2", "active, closed, archived", "between 0 and 10")), "mariadb");

        var differences = SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v2.Physical);
        Assert.Equal(2, CheckChanges(differences).Count);
        MariaDbServer.ApplyWithClient(scratch.Name, Files(MigrationPlanner.Create(differences)));

        MariaDbServer.Execute(db, "INSERT INTO ticket (title, status, points) VALUES ('new', 'archived', 10)");
        Assert.Equal(4025, Assert.Throws<MySqlException>(() => MariaDbServer.Execute(db, "INSERT INTO ticket (title, points) VALUES ('big', 11)")).Number);
        Assert.Empty(SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v2.Physical));

        var v3 = DesignEngine.Create(RequirementsReader.Load(Spec("v3", "active, archived", "between 0 and 10")), "mariadb");
        var removal = SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v3.Physical);
        Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(removal));
        MariaDbServer.ApplyWithClient(scratch.Name, Files(MigrationPlanner.Create(removal, new MigrationOptions { AllowDataLoss = true })));

        Assert.Equal("active", MariaDbServer.Rows(db, "SELECT status FROM ticket WHERE title = 'old'")[0]["status"]);
        Assert.Equal(4025, Assert.Throws<MySqlException>(() => MariaDbServer.Execute(db, "INSERT INTO ticket (title, status) VALUES ('x', 'closed')")).Number);
        Assert.Empty(SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v3.Physical));
    }
}
