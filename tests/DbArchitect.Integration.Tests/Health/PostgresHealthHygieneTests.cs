using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Issue 16 on a real PostgreSQL 15: money in floating point, rows in a DEFAULT partition, login roles without a
/// password or as superuser, MD5 password hashing, failing pg_cron jobs — each planted next to a healthy control.
/// Roles are made for this run (hcpg_&lt;run&gt;_…) and dropped afterwards; the scratch database is dropped.
/// </summary>
public sealed class PostgresHealthHygieneTests : IDisposable
{
    private readonly ScratchDatabase _scratch = PostgresServer.CreateScratch("healthhygiene");
    private readonly string _prefix;

    public PostgresHealthHygieneTests()
    {
        _prefix = "hcpg_" + _scratch.Name[^8..];
    }

    [Fact]
    public void Planted_faults_are_found_and_controls_draw_nothing()
    {
        using (var setup = _scratch.Open())
        {
            Run(setup, $"""
                CREATE TABLE ok_money (id int PRIMARY KEY, unit_price numeric(12,2), weight_kg double precision, latitude real);
                CREATE TABLE fault_money (id int PRIMARY KEY, unit_price double precision, total_amount real);
                CREATE TABLE ok_events (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
                CREATE TABLE ok_events_2025 PARTITION OF ok_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE ok_events_default PARTITION OF ok_events DEFAULT;
                INSERT INTO ok_events SELECT g, date '2025-01-01' + g % 300 FROM generate_series(1, 500) g;
                CREATE TABLE fault_events (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
                CREATE TABLE fault_events_2025 PARTITION OF fault_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE fault_events_default PARTITION OF fault_events DEFAULT;
                INSERT INTO fault_events SELECT g, date '2026-01-01' + g % 300 FROM generate_series(1, 500) g;
                ANALYZE ok_events, fault_events;
                CREATE TABLE ok_growth (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
                INSERT INTO ok_growth SELECT g, now() - make_interval(days => 101 - g) FROM generate_series(1, 100) g;
                SELECT setval('ok_growth_id_seq', 100);
                CREATE TABLE fault_growth (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
                INSERT INTO fault_growth SELECT 1000000000 + g * 1000000, now() - make_interval(hours => 100 - g) FROM generate_series(0, 99) g;
                SELECT setval('fault_growth_id_seq', 1099000000);
                ANALYZE ok_growth, fault_growth;
                CREATE ROLE {_prefix}_nopass LOGIN;
                CREATE ROLE {_prefix}_super LOGIN SUPERUSER PASSWORD 'Xq7-long-secret';
                CREATE ROLE {_prefix}_ok LOGIN PASSWORD 'Xq7-long-secret' VALID UNTIL '2100-01-01';
                CREATE ROLE {_prefix}_group NOLOGIN;
                SET password_encryption = 'md5';
                CREATE ROLE {_prefix}_md5 LOGIN PASSWORD 'Xq7-long-secret';
                ALTER DATABASE "{_scratch.Name}" SET password_encryption = 'md5';
                """);
        }

        var results = RunChecks(_scratch.Name, Array.Empty<string>());

        Assert.Single(results, r => r.CheckId == "FLOAT_FOR_MONEY" && r.Target == "public.fault_money.unit_price" && r.FixSql!.Contains("numeric(19,4)", StringComparison.Ordinal));
        Assert.Single(results, r => r.CheckId == "FLOAT_FOR_MONEY" && r.Target == "public.fault_money.total_amount");
        var inDefault = Assert.Single(results, r => r.CheckId == "DEFAULT_PARTITION_ROWS" && r.Target == "public.fault_events_default");
        Assert.Equal(HealthStatus.Warning, inDefault.Status);
        Assert.Equal(500, inDefault.Measured);
        Assert.Single(results, r => r.CheckId == "ACCOUNT_WITHOUT_PASSWORD" && r.Target == $"{_prefix}_nopass" && r.Status == HealthStatus.Warning);
        Assert.Single(results, r => r.CheckId == "SUPERUSER_LOGIN" && r.Target == $"{_prefix}_super" && r.FixSql!.Contains("NOSUPERUSER", StringComparison.Ordinal));
        Assert.Single(results, r => r.CheckId == "PASSWORD_ENCRYPTION_MD5" && r.Target == $"{_prefix}_md5");
        Assert.Contains("set by database", Assert.Single(results, r => r.CheckId == "PASSWORD_ENCRYPTION_MD5" && r.Target == "password_encryption").Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Skipped, Assert.Single(results, r => r.CheckId == "CRON_JOB_FAILING").Status);
        var growth = Assert.Single(results, r => r.CheckId == "SEQUENCE_NEAR_MAX" && r.Target == "public.fault_growth.id");
        Assert.True(growth.Status == HealthStatus.Critical && growth.Measured < 75, $"{growth.Status} at {growth.Measured} %: {growth.Message}");
        Assert.Equal("24000000", growth.Evidence["ids_per_day"]);
        Assert.Contains("runs out about", growth.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Pass, Assert.Single(results, r => r.CheckId == "SSL_OFF").Status);

        // Controls: numeric money and non-money floats, a default partition that is empty, roles with passwords or NOLOGIN.
        var controlRoles = new[] { $"{_prefix}_ok", $"{_prefix}_group" };
        var flagged = results.Where(r => r.Status is not (HealthStatus.Pass or HealthStatus.Skipped))
            .Where(r => r.Target.StartsWith("public.ok_", StringComparison.Ordinal) || controlRoles.Contains(r.Target)
                        || (r.CheckId == "ACCOUNT_WITHOUT_PASSWORD" && r.Target is var t && (t == $"{_prefix}_md5" || t == $"{_prefix}_super")))
            .Select(r => $"{r.CheckId} {r.Target}: {r.Message}")
            .ToList();
        Assert.True(flagged.Count == 0, string.Join("\n", flagged));
        Assert.Empty(results.Where(r => r.Status == HealthStatus.Error).Select(r => $"{r.CheckId}: {r.Message}"));
    }

    [Fact]
    public void An_extension_older_than_its_package_is_reported_with_its_update_and_a_current_one_is_not()
    {
        using (var setup = _scratch.Open())
        {
            // hstore created at an old version of its scripts (as after a package upgrade), citext at the package's own.
            Run(setup, "CREATE EXTENSION hstore VERSION '1.4'; CREATE EXTENSION citext");
        }

        var results = RunChecks(_scratch.Name, new[] { "EXTENSION_UPDATE_AVAILABLE" });
        var old = Assert.Single(results, r => r.Status != HealthStatus.Pass);
        Assert.Equal("hstore", old.Target);
        Assert.Equal(HealthStatus.Warning, old.Status);
        Assert.Contains("Installed version 1.4", old.Message, StringComparison.Ordinal);
        Assert.Equal("ALTER EXTENSION hstore UPDATE;", old.FixSql);

        using (var fix = _scratch.Open())
        {
            Run(fix, old.FixSql!);
        }

        Assert.All(RunChecks(_scratch.Name, new[] { "EXTENSION_UPDATE_AVAILABLE" }), r => Assert.Equal(HealthStatus.Pass, r.Status));
    }

    [Fact]
    public void An_extension_version_with_a_cve_is_reported_with_the_cve_and_its_update_and_a_fixed_one_is_not()
    {
        using (var setup = _scratch.Open())
        {
            // adminpack 1.0 grants pg_logfile_rotate() to PUBLIC (CVE-2018-1115, fixed by its 1.1 script); pg_partman
            // 4.7.2 is past its CVE-2021-33204 fix (4.5.1): the control.
            Run(setup, "CREATE EXTENSION adminpack VERSION '1.0'; CREATE EXTENSION pg_partman");
        }

        var results = RunChecks(_scratch.Name, new[] { "EXTENSION_CVE" });
        var finding = Assert.Single(results);
        Assert.Equal("adminpack (CVE-2018-1115)", finding.Target);
        Assert.Equal(HealthStatus.Critical, finding.Status);
        Assert.Contains("https://www.postgresql.org/support/security/CVE-2018-1115/", finding.Message, StringComparison.Ordinal);
        Assert.Equal("ALTER EXTENSION adminpack UPDATE;", finding.FixSql);

        using (var fix = _scratch.Open())
        {
            Run(fix, finding.FixSql!);
        }

        Assert.Equal(HealthStatus.Pass, Assert.Single(RunChecks(_scratch.Name, new[] { "EXTENSION_CVE" })).Status);
    }

    [Fact]
    public void A_failing_pg_cron_job_is_reported_in_the_database_that_holds_pg_cron()
    {
        using var admin = new NpgsqlConnection(PostgresServer.For("postgres"));
        admin.Open();
        // The test creates what it needs: on a brand-new cluster no other test may have created pg_cron yet
        // (start-postgres.sh preloads it and names postgres as cron.database_name; it is created here, idempotently).
        Run(admin, "CREATE EXTENSION IF NOT EXISTS pg_cron");

        // A job that never fires (30 February) with two failed runs recorded the way pg_cron records them.
        var job = Convert.ToInt64(new NpgsqlCommand($"SELECT cron.schedule('{_prefix}_purge', '0 0 30 2 *', 'DELETE FROM no_such_table')", admin).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Run(admin, $"""
                INSERT INTO cron.job_run_details (jobid, runid, job_pid, database, username, command, status, return_message, start_time, end_time)
                SELECT {job}, nextval('cron.runid_seq'), 0, 'postgres', current_user, 'DELETE FROM no_such_table', 'failed',
                       'ERROR:  relation "no_such_table" does not exist', now() - make_interval(hours => g), now() - make_interval(hours => g)
                FROM generate_series(1, 2) g
                """);
            var results = RunChecks("postgres", new[] { "CRON_JOB_FAILING" });
            var finding = Assert.Single(results, r => r.Target == $"cron job {job} ({_prefix}_purge)");
            Assert.Equal(HealthStatus.Critical, finding.Status);
            Assert.Contains("2 failed run(s)", finding.Message, StringComparison.Ordinal);
            Assert.Contains("no_such_table", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            Run(admin, $"DELETE FROM cron.job_run_details WHERE jobid = {job}; SELECT cron.unschedule({job})");
        }
    }

    public void Dispose()
    {
        _scratch.Dispose();
        using var admin = new NpgsqlConnection(PostgresServer.For("postgres"));
        admin.Open();
        Run(admin, string.Join("; ", new[] { "nopass", "super", "ok", "group", "md5" }.Select(r => $"DROP ROLE IF EXISTS {_prefix}_{r}")));
    }

    private static IReadOnlyList<HealthCheckResult> RunChecks(string database, IReadOnlyList<string> include)
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database)));
        return HealthCheckRunner.Run(session, new HealthRunOptions { Include = include });
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
