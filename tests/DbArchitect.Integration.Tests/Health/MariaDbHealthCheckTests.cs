using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>A scratch MariaDB 10.11 database with planted faults, healthy controls and a connection idle in a transaction.</summary>
public sealed class MariaDbHealthFixture : IDisposable
{
    private readonly MariaDbScratch _scratch;
    private readonly MySqlConnection _holder;

    public MariaDbHealthFixture()
    {
        _scratch = MariaDbServer.CreateScratch("health");
        using (var setup = MariaDbServer.Open(_scratch.Name))
        {
            foreach (var statement in new[]
            {
                "CREATE TABLE ok_parent (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                "CREATE TABLE ok_child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL, note VARCHAR(40), KEY ok_child_parent_idx (parent_id), KEY ok_child_note_idx (note), CONSTRAINT ok_child_parent_fk FOREIGN KEY (parent_id) REFERENCES ok_parent (id))",
                "CREATE TABLE fault_nopk (a INT, b VARCHAR(20)) ENGINE=InnoDB",
                "CREATE TABLE fault_dup (id INT PRIMARY KEY, v INT, KEY fault_dup_v_a (v), KEY fault_dup_v_b (v))",
                "CREATE TABLE fault_prefix (id INT PRIMARY KEY, a INT, b INT, KEY fault_prefix_a (a), KEY fault_prefix_ab (a, b))",
                "CREATE TABLE fault_ai (id INT AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT = 2100000000",
                "CREATE TABLE fault_myisam (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE fault_lock (id INT PRIMARY KEY)",
                "INSERT INTO ok_parent VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO ok_child (parent_id, note) VALUES (1, 'x'), (2, 'y')",
            })
            {
                MariaDbServer.Execute(setup, statement);
            }
        }

        _holder = MariaDbServer.Open(_scratch.Name);
        MariaDbServer.Execute(_holder, "START TRANSACTION");
        MariaDbServer.Execute(_holder, "INSERT INTO fault_lock VALUES (1)");
        HolderId = _holder.ServerThread;
        Thread.Sleep(TimeSpan.FromSeconds(2.5));

        var builder = new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = _scratch.Name };
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", builder.ConnectionString));
        Results = HealthCheckRunner.Run(session, new HealthRunOptions
        {
            Settings = HealthSettings.FromDictionary(new Dictionary<string, object>
            {
                [$"IDLE_IN_TRANSACTION@{_scratch.Name}"] = 1,
                [$"LONG_RUNNING_TRANSACTION@{_scratch.Name}"] = 1,
            }),
        });
    }

    public string Database => _scratch.Name;

    public int HolderId { get; }

    public IReadOnlyList<HealthCheckResult> Results { get; }

    public void Dispose()
    {
        MariaDbServer.Execute(_holder, "ROLLBACK");
        _holder.Dispose();
        _scratch.Dispose();
    }
}

/// <summary>Issue 7's proof on a real MariaDB 10.11: planted faults found under the shared check ids, controls clean.</summary>
public sealed class MariaDbHealthCheckTests : IClassFixture<MariaDbHealthFixture>
{
    private readonly MariaDbHealthFixture _fixture;

    public MariaDbHealthCheckTests(MariaDbHealthFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("TABLE_WITHOUT_PK", "fault_nopk")]
    [InlineData("DUPLICATE_INDEX", "fault_dup.fault_dup_v_b")]
    [InlineData("REDUNDANT_INDEX", "fault_prefix.fault_prefix_a")]
    [InlineData("SEQUENCE_NEAR_MAX", "fault_ai.id")]
    [InlineData("NON_TRANSACTIONAL_TABLE", "fault_myisam")]
    public void Planted_fault_is_reported_with_its_check_id_and_target(string checkId, string target)
    {
        var result = Assert.Single(_fixture.Results, r => r.CheckId == checkId && r.Target == target);
        Assert.True(result.Status is HealthStatus.Info or HealthStatus.Warning or HealthStatus.Critical, $"{checkId} on {target} is {result.Status}: {result.Message}");
        Assert.Equal("mariadb", result.Engine);
        Assert.Equal(_fixture.Database, result.Database);
    }

    [Fact]
    public void Connection_idle_in_a_transaction_is_reported_by_thread_id()
    {
        var target = $"id {_fixture.HolderId} (dbarchitect_test@{_fixture.Database})";
        Assert.Single(_fixture.Results, r => r.CheckId == "IDLE_IN_TRANSACTION" && r.Target == target && r.Status == HealthStatus.Warning);
        Assert.Single(_fixture.Results, r => r.CheckId == "LONG_RUNNING_TRANSACTION" && r.Target == target);
    }

    [Fact]
    public void Auto_increment_near_the_int_maximum_is_critical()
    {
        var result = Assert.Single(_fixture.Results, r => r.CheckId == "SEQUENCE_NEAR_MAX" && r.Target == "fault_ai.id");
        Assert.Equal(HealthStatus.Critical, result.Status);
        Assert.Equal(97.79, result.Measured!.Value, 2);
    }

    [Theory]
    [InlineData("ok_parent")]
    [InlineData("ok_child")]
    public void Healthy_control_is_not_flagged_by_any_check(string control)
    {
        var flagged = _fixture.Results
            .Where(r => r.Status is not (HealthStatus.Pass or HealthStatus.Skipped))
            .Where(r => r.Target == control || r.Target.StartsWith(control + ".", StringComparison.Ordinal))
            .Select(r => $"{r.CheckId} {r.Target}: {r.Message}")
            .ToList();
        Assert.Empty(flagged);
    }

    [Fact]
    public void No_check_crashes_and_every_check_of_the_engine_reports()
    {
        Assert.DoesNotContain(_fixture.Results, r => r.Status == HealthStatus.Error);
        Assert.Equal(HealthCheckCatalog.Ids("mariadb"), _fixture.Results.Select(r => r.CheckId).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
