using DbArchitect.Core.Health;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Issue 7's proof on a real PostgreSQL 15: every planted fault is reported with its check id and target (recall), no
/// healthy control object is flagged by any check (precision), and no check crashes. Server-wide checks are asserted
/// only on this database's own sessions and objects, since other test runs share the server.
/// </summary>
public sealed class PostgresHealthCheckTests : IClassFixture<PostgresHealthFixture>
{
    private readonly PostgresHealthFixture _fixture;

    public PostgresHealthCheckTests(PostgresHealthFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("FK_WITHOUT_INDEX", "app.fault_child.fault_child_parent_fk")]
    [InlineData("TABLE_WITHOUT_PK", "app.fault_nopk")]
    [InlineData("NOT_VALID_CONSTRAINT", "app.fault_nopk.fault_nopk_a_check")]
    [InlineData("DUPLICATE_INDEX", "app.fault_dup_v_b")]
    [InlineData("REDUNDANT_INDEX", "app.fault_prefix_a")]
    [InlineData("SECURITY_DEFINER_SEARCH_PATH", "app.fault_definer()")]
    [InlineData("PUBLIC_CREATE_ON_SCHEMA", "open_schema")]
    [InlineData("DISABLED_TRIGGER", "app.fault_trg.fault_trg_audit")]
    [InlineData("INVALID_INDEX", "app.fault_invalid_v_key")]
    [InlineData("SEQUENCE_NEAR_MAX", "app.fault_seq.id")]
    [InlineData("SEQUENCE_NEAR_MAX", "app.fault_seq_default.id")]
    [InlineData("NEVER_ANALYZED", "app.fault_never_analyzed")]
    [InlineData("AUTOVACUUM_DISABLED", "app.fault_no_autovac")]
    [InlineData("UNUSED_INDEX", "app.fault_unused_v_idx")]
    [InlineData("DEAD_TUPLES", "app.fault_dead")]
    [InlineData("NEVER_VACUUMED", "app.fault_dead")]
    [InlineData("FK_TYPE_MISMATCH", "app.fault_typed.fault_typed_parent_fk")]
    [InlineData("UNLOGGED_TABLE", "app.fault_unlogged")]
    [InlineData("TABLE_BLOAT", "app.fault_bloat")]
    [InlineData("INDEX_BLOAT", "app.fault_bloat_pkey")]
    [InlineData("STALE_STATISTICS", "app.fault_stale")]
    [InlineData("SUPERUSER_OWNED_OBJECTS", "app (owner dbarchitect_test)")]
    public void Planted_fault_is_reported_with_its_check_id_and_target(string checkId, string target)
    {
        var found = _fixture.Results.Where(r => r.CheckId == checkId && r.Target == target).ToList();
        var result = Assert.Single(found);
        Assert.True(result.Status is HealthStatus.Info or HealthStatus.Warning or HealthStatus.Critical, $"{checkId} on {target} is {result.Status}: {result.Message}");
        Assert.Equal(_fixture.Database, result.Database);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.False(string.IsNullOrWhiteSpace(result.Recommendation));
    }

    [Fact]
    public void Sequence_near_its_integer_column_maximum_is_critical_with_the_measured_share()
    {
        var result = _fixture.Results.Single(r => r.CheckId == "SEQUENCE_NEAR_MAX" && r.Target == "app.fault_seq.id");
        Assert.Equal(HealthStatus.Critical, result.Status);
        Assert.Equal(97.79, result.Measured!.Value, 2);
        Assert.Equal("2147483647", result.Evidence["max_value"]);
    }

    [Fact]
    public void Sequence_that_only_the_column_default_calls_is_measured_against_the_column_type()
    {
        var result = _fixture.Results.Single(r => r.CheckId == "SEQUENCE_NEAR_MAX" && r.Target == "app.fault_seq_default.id");
        Assert.Equal(HealthStatus.Critical, result.Status);
        Assert.Equal(93.13, result.Measured!.Value, 2);
        Assert.Equal("2147483647", result.Evidence["max_value"]);
        Assert.Equal("default", result.Evidence["kind"]);
        Assert.Equal("app.fault_seq_default_seq", result.Evidence["sequence_name"]);
        Assert.Contains("not owned", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dead_tuples_are_measured_as_a_share_of_the_table()
    {
        var result = _fixture.Results.Single(r => r.CheckId == "DEAD_TUPLES" && r.Target == "app.fault_dead");
        Assert.Equal(HealthStatus.Critical, result.Status);
        Assert.Equal(60, result.Measured!.Value, 0);
        Assert.Equal("VACUUM (ANALYZE) app.fault_dead;", result.FixSql);
    }

    [Fact]
    public void Session_faults_of_this_database_are_reported_by_pid()
    {
        var suffix = $"@{_fixture.Database})";
        Assert.Contains(_fixture.Results, r => r.CheckId == "IDLE_IN_TRANSACTION" && r.Target == $"pid {_fixture.HolderPid} (dbarchitect_test{suffix}");
        Assert.Contains(_fixture.Results, r => r.CheckId == "LONG_RUNNING_TRANSACTION" && r.Target == $"pid {_fixture.HolderPid} (dbarchitect_test{suffix}");
        var blocked = Assert.Single(_fixture.Results, r => r.CheckId == "BLOCKED_SESSIONS" && r.Target == $"pid {_fixture.WaiterPid} (dbarchitect_test{suffix}");
        Assert.Contains(_fixture.HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture), blocked.Evidence["blocked_by"], StringComparison.Ordinal);
        var prepared = Assert.Single(_fixture.Results, r => r.CheckId == "ORPHANED_PREPARED_TRANSACTION" && r.Target == _fixture.Gid);
        Assert.Equal(_fixture.Database, prepared.Evidence["database"]);
    }

    [Theory]
    [InlineData("app.ok_parent")]
    [InlineData("app.ok_child")]
    [InlineData("app.ok_used")]
    [InlineData("app.ok_serial")]
    [InlineData("app.ok_seq_default")]
    [InlineData("app.ok_definer()")]
    [InlineData("app.ok_touch()")]
    [InlineData("closed_schema")]
    public void Healthy_control_is_not_flagged_by_any_check(string control)
    {
        var flagged = _fixture.Results
            .Where(r => r.Status is not (HealthStatus.Pass or HealthStatus.Skipped))
            .Where(r => r.Target == control || r.Target.StartsWith(control.TrimEnd('(', ')') + "_", StringComparison.Ordinal) || r.Target.StartsWith(control + ".", StringComparison.Ordinal))
            .Select(r => $"{r.CheckId} {r.Target}: {r.Message}")
            .ToList();
        Assert.Empty(flagged);
    }

    [Fact]
    public void Deep_amcheck_runs_only_when_asked_and_creates_its_extension_only_when_allowed()
    {
        Assert.Equal(HealthStatus.Skipped, _fixture.Results.Single(r => r.CheckId == "AMCHECK_INTEGRITY").Status);
        var amcheck = HealthCheckCatalog.For("postgresql").Single(c => c.Id == "AMCHECK_INTEGRITY");
        var connection = PostgresServer.For(_fixture.Database);
        using (var readOnly = DbArchitect.Core.Live.LiveSession.Open(DbArchitect.Core.Live.LiveTarget.FromConnectionString("postgresql", connection)))
        {
            var refused = Assert.Single(HealthCheckRunner.RunOne(amcheck, new HealthCheckContext(readOnly, _fixture.Database, new HealthRunOptions { Deep = true })));
            Assert.Equal(HealthStatus.Skipped, refused.Status);
            Assert.Contains("-AllowExtensionCreate", refused.Message, StringComparison.Ordinal);
        }

        using var writable = DbArchitect.Core.Live.LiveSession.Open(
            DbArchitect.Core.Live.LiveTarget.FromConnectionString("postgresql", connection), new DbArchitect.Core.Live.LiveSessionOptions { ReadOnly = false });
        var options = new HealthRunOptions { Deep = true, AllowExtensionCreate = true };
        var verified = Assert.Single(HealthCheckRunner.RunOne(amcheck, new HealthCheckContext(writable, _fixture.Database, options)));

        // The fixture's lock holder keeps app.fault_lock's index out of reach: named, not reported as corrupt.
        Assert.Equal(HealthStatus.Info, verified.Status);
        Assert.Matches("^([0-9]+) of ([0-9]+) b-tree indexes verified .*; 0 left .*not verified \\(locked or timed out\\): app\\.fault_lock_pkey\\.$", verified.Message);
    }

    [Fact]
    public void Table_bloat_is_estimated_by_default_and_measured_with_pgstattuple_under_Deep()
    {
        var estimated = _fixture.Results.Single(r => r.CheckId == "TABLE_BLOAT" && r.Target == "app.fault_bloat");
        Assert.Equal("estimate", estimated.Evidence["method"]);
        Assert.Equal(HealthStatus.Critical, estimated.Status);

        var bloat = HealthCheckCatalog.For("postgresql").Single(c => c.Id == "TABLE_BLOAT");
        using var session = DbArchitect.Core.Live.LiveSession.Open(DbArchitect.Core.Live.LiveTarget.FromConnectionString("postgresql", PostgresServer.For(_fixture.Database)));
        var results = HealthCheckRunner.RunOne(bloat, new HealthCheckContext(session, _fixture.Database, new HealthRunOptions { Deep = true }));
        var measured = Assert.Single(results, r => r.Target == "app.fault_bloat");
        Assert.Equal("pgstattuple_approx", measured.Evidence["method"]);
        Assert.True(measured.Measured >= 80, $"measured {measured.Measured} %");
        Assert.DoesNotContain(results, r => r.Target.StartsWith("app.ok_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TABLE_BLOAT", "app.fault_bloat")]
    [InlineData("INDEX_BLOAT", "app.fault_bloat_pkey")]
    public void Bloat_estimate_through_pg_stats_for_logins_that_cannot_read_pg_statistic_agrees(string checkId, string target)
    {
        // The test login is a superuser, so the run read pg_statistic; the documented query (pg_stats) must agree.
        var check = HealthCheckCatalog.For("postgresql").Single(c => c.Id == checkId);
        using var session = DbArchitect.Core.Live.LiveSession.Open(DbArchitect.Core.Live.LiveTarget.FromConnectionString("postgresql", PostgresServer.For(_fixture.Database)));
        var row = Assert.Single(session.Query(check.Sql!, checkId), r => r.String("target") == target);
        var fromCatalog = _fixture.Results.Single(r => r.CheckId == checkId && r.Target == target).Measured!.Value;
        Assert.Equal(fromCatalog, row.Double("measured")!.Value, 0);
    }

    [Fact]
    public void No_check_crashes_and_every_check_of_the_engine_reports()
    {
        Assert.DoesNotContain(_fixture.Results, r => r.Status == HealthStatus.Error);
        var ran = _fixture.Results.Select(r => r.CheckId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(HealthCheckCatalog.Ids("postgresql"), ran.Order(StringComparer.Ordinal).ToList());
        Assert.True(HealthCheckCatalog.Ids("postgresql").Count >= 40);
    }
}
