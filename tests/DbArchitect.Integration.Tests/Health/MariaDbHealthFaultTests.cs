using DbArchitect.Core.Health;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Issue 16 on a real MariaDB 10.11: each planted fault is reported under its check id with its target and a fix,
/// roles and locked or socket accounts draw no password finding, the controls draw nothing, and -Deep adds the scans
/// the default run does not do.
/// </summary>
public sealed class MariaDbHealthFaultTests : IClassFixture<MariaDbHealthFaultFixture>
{
    private readonly MariaDbHealthFaultFixture _fixture;

    public MariaDbHealthFaultTests(MariaDbHealthFaultFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("BROKEN_VIEW", "fault_view_dropped", HealthStatus.Warning)]
    [InlineData("DEFINER_MISSING", "fault_view_ghost", HealthStatus.Critical)]
    [InlineData("DEFINER_MISSING", "fault_trg_ghost", HealthStatus.Critical)]
    [InlineData("BROKEN_TRIGGER", "fault_trg.fault_trg_audit", HealthStatus.Critical)]
    [InlineData("DISABLED_EVENT", "fault_event_off", HealthStatus.Warning)]
    [InlineData("FK_WITHOUT_INDEX", "fault_fk_child.fault_fk_child_fk", HealthStatus.Warning)]
    [InlineData("CHARSET_MISMATCH", "fault_mb3.name", HealthStatus.Warning)]
    [InlineData("CHARSET_MISMATCH", "fault_latin1", HealthStatus.Warning)]
    [InlineData("FLOAT_FOR_MONEY", "fault_money.unit_price", HealthStatus.Warning)]
    [InlineData("FLOAT_FOR_MONEY", "fault_money.total_amount", HealthStatus.Warning)]
    [InlineData("INDEX_KEY_NEAR_LIMIT", "fault_widekey.fault_widekey_code", HealthStatus.Warning)]
    [InlineData("SEQUENCE_NEAR_MAX", "fault_ai_date.id", HealthStatus.Critical)]
    [InlineData("AUTO_INCREMENT_GAPS", "fault_gaps.id", HealthStatus.Critical)]
    [InlineData("PARTITION_CATCHALL_FULL", "fault_part.pmax", HealthStatus.Critical)]
    public void Planted_fault_is_reported_with_its_target_and_a_fix(string checkId, string target, HealthStatus status)
    {
        var result = Assert.Single(_fixture.Results, r => r.CheckId == checkId && r.Target == target);
        Assert.Equal(status, result.Status);
        Assert.Equal(_fixture.Database, result.Database);
        Assert.False(string.IsNullOrWhiteSpace(result.Recommendation), $"{checkId} on {target} has no fix");
    }

    [Theory]
    [InlineData("WEAK_PASSWORD", "same", "localhost", "user name")]
    [InlineData("WEAK_PASSWORD", "common", "localhost", "most common")]
    [InlineData("ACCOUNT_WITHOUT_PASSWORD", "nopass", "localhost", "no password")]
    [InlineData("WILDCARD_HOST_WRITER", "wild", "%", ".*")]
    [InlineData("WILDCARD_HOST_WRITER", "wildrole", "%", "(role ")]
    public void Account_fault_is_reported_for_the_account(string checkId, string name, string host, string said)
    {
        var result = Assert.Single(_fixture.Results, r => r.CheckId == checkId && r.Target == _fixture.Account(name, host));
        Assert.True(result.Status is HealthStatus.Warning or HealthStatus.Critical, $"{checkId}: {result.Status}");
        Assert.Contains(said, result.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Recommendation);
    }

    [Fact]
    public void A_common_password_is_never_named_in_the_finding()
    {
        var result = Assert.Single(_fixture.Results, r => r.CheckId == "WEAK_PASSWORD" && r.Target == _fixture.Account("common"));
        Assert.DoesNotContain("changeme", result.Message + result.Recommendation + string.Join(" ", result.Evidence.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_locked_accounts_and_socket_accounts_never_draw_a_password_finding()
    {
        var passwordFindings = _fixture.Results.Where(r => r.CheckId is "ACCOUNT_WITHOUT_PASSWORD" or "WEAK_PASSWORD" && r.Status != HealthStatus.Pass).Select(r => r.Target).ToList();
        Assert.DoesNotContain(passwordFindings, t => t.StartsWith("'mariadb.sys'", StringComparison.Ordinal));
        Assert.DoesNotContain(passwordFindings, t => t.EndsWith("@''", StringComparison.Ordinal));
        foreach (var role in _fixture.Roles)
        {
            Assert.DoesNotContain($"'{role}'@''", passwordFindings);
        }

        Assert.DoesNotContain(_fixture.Account("locked"), passwordFindings);
        Assert.DoesNotContain(_fixture.Account("sock"), passwordFindings);
    }

    [Fact]
    public void Control_accounts_draw_nothing()
    {
        var controls = new[] { _fixture.Account("strong", "10.0.0.5"), _fixture.Account("reader", "%"), _fixture.Account("locked"), _fixture.Account("sock"), $"'{_fixture.Prefix}_role'@''" };
        Assert.Empty(_fixture.DeepResults.Where(r => controls.Contains(r.Target) && r.Status is not (HealthStatus.Pass or HealthStatus.Skipped)).Select(r => $"{r.CheckId} {r.Target}: {r.Message}"));
    }

    [Fact]
    public void Healthy_controls_draw_nothing_in_the_default_or_the_deep_run()
    {
        var flagged = _fixture.Results.Concat(_fixture.DeepResults)
            .Where(r => r.Status is not (HealthStatus.Pass or HealthStatus.Skipped))
            .Where(r => r.Target.StartsWith("ok_", StringComparison.Ordinal))
            .Select(r => $"{r.CheckId} {r.Target}: {r.Message}")
            .ToList();
        Assert.Empty(flagged);
    }

    [Fact]
    public void A_missing_definer_is_reported_once_not_also_as_a_broken_view()
    {
        Assert.DoesNotContain(_fixture.Results, r => r.CheckId == "BROKEN_VIEW" && r.Target == "fault_view_ghost");
        Assert.Contains("doesn't exist", Assert.Single(_fixture.Results, r => r.CheckId == "BROKEN_VIEW" && r.Target == "fault_view_dropped").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exhaustion_is_dated_from_the_growth_of_the_newest_rows()
    {
        var result = Assert.Single(_fixture.Results, r => r.CheckId == "SEQUENCE_NEAR_MAX" && r.Target == "fault_ai_date.id");
        Assert.True(result.Measured < 75, $"{result.Measured} % alone would not be reported");
        Assert.Equal("24000000", result.Evidence["ids_per_day"]);
        var runsOut = DateTime.ParseExact(result.Evidence["runs_out_on"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((runsOut - DateTime.UtcNow.Date).TotalDays, 40, 45);
    }

    [Fact]
    public void Enabled_events_while_the_scheduler_is_off_are_one_finding_naming_them()
    {
        var rows = _fixture.Results.Where(r => r.CheckId == "EVENT_SCHEDULER_OFF").ToList();
        if (_fixture.EventSchedulerOn)
        {
            Assert.Equal(HealthStatus.Pass, Assert.Single(rows).Status);
            return;
        }

        var row = Assert.Single(rows);
        Assert.Equal(HealthStatus.Warning, row.Status);
        Assert.Contains("fault_event_idle", row.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fault_event_off", row.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Performance_schema_off_is_one_finding_that_lists_the_checks_it_blinds()
    {
        var row = Assert.Single(_fixture.Results, r => r.CheckId == "PERFORMANCE_SCHEMA_OFF");
        if (_fixture.PerformanceSchemaOn)
        {
            Assert.Equal(HealthStatus.Pass, row.Status);
            return;
        }

        Assert.Equal(HealthStatus.Info, row.Status);
        Assert.Contains("UNUSED_INDEX", row.Message, StringComparison.Ordinal);
        Assert.Contains("restart", row.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_scans_for_orphans_with_count_and_sample_and_runs_check_table()
    {
        Assert.Equal(HealthStatus.Skipped, Assert.Single(_fixture.Results, r => r.CheckId == "FOREIGN_KEY_VIOLATION").Status);
        Assert.Equal(HealthStatus.Skipped, Assert.Single(_fixture.Results, r => r.CheckId == "INTEGRITY_CHECK").Status);

        var orphans = Assert.Single(_fixture.DeepResults, r => r.CheckId == "FOREIGN_KEY_VIOLATION" && r.Status != HealthStatus.Pass);
        Assert.Equal("fault_orphan.fault_orphan_fk", orphans.Target);
        Assert.Equal(3, orphans.Measured);
        Assert.Equal("2", orphans.Evidence["sample_key"]);
        Assert.Equal("77", orphans.Evidence["sample_ref"]);

        var checkTable = Assert.Single(_fixture.DeepResults, r => r.CheckId == "INTEGRITY_CHECK");
        Assert.Equal(HealthStatus.Pass, checkTable.Status);
        Assert.Matches("CHECK TABLE found nothing on [0-9]+ table", checkTable.Message);
    }

    [Fact]
    public void Deep_measures_fragmentation_from_the_pages_where_metadata_sees_little()
    {
        Assert.DoesNotContain(_fixture.Results, r => r.CheckId == "TABLE_BLOAT" && r.Target == "fault_frag");

        var deep = Assert.Single(_fixture.DeepResults, r => r.CheckId == "TABLE_BLOAT" && r.Target == "fault_frag");
        Assert.Equal("page_fill", deep.Evidence["method"]);
        Assert.InRange(deep.Measured ?? 0, 60, 100);
        var needed = long.Parse(deep.Evidence["needed_bytes"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(needed, 3L << 20, 6L << 20);
        Assert.Contains("rebuild would return", deep.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.DeepResults, r => r.CheckId == "TABLE_BLOAT" && r.Target is "ok_dense" or "ok_blob");
    }

    [Fact]
    public void Unused_fulltext_is_skipped_and_named_among_the_blind_checks_while_performance_schema_is_off()
    {
        if (_fixture.PerformanceSchemaOn)
        {
            return;
        }

        Assert.Equal(HealthStatus.Skipped, Assert.Single(_fixture.Results, r => r.CheckId == "UNUSED_FULLTEXT_INDEX").Status);
        Assert.Contains("UNUSED_FULLTEXT_INDEX", Assert.Single(_fixture.Results, r => r.CheckId == "PERFORMANCE_SCHEMA_OFF").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_check_errors_in_either_run()
    {
        Assert.Empty(_fixture.Results.Concat(_fixture.DeepResults).Where(r => r.Status == HealthStatus.Error).Select(r => $"{r.CheckId}: {r.Message}"));
    }
}
