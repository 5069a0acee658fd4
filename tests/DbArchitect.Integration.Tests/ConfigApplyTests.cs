using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The generated configuration applied to real PostgreSQL 15: ALTER SYSTEM for every example on a scratch cluster
/// (values validated by the server), a restart with a small-memory configuration whose values SHOW then reports,
/// and the per-table autovacuum statements on each example's schema. The shared server's configuration is never changed.
/// </summary>
public sealed class ConfigApplyTests
{
    public static IEnumerable<object[]> Examples() =>
        new[] { "ecommerce", "saas-projects", "iot-telemetry", "social-content" }.Select(e => new object[] { e });

    private static DbDesign Design(string example) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements", example + ".yaml")), "postgresql");

    private static string WriteTemp(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), "dbarch-config-" + Guid.NewGuid().ToString("N") + ".sql");
        File.WriteAllText(file, text);
        return file;
    }

    private static List<(string Name, string? Error)> FileErrors(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(
            "SELECT f.name, f.error FROM pg_file_settings f LEFT JOIN pg_settings s ON s.name = f.name " +
            "WHERE f.error IS NOT NULL AND NOT (f.error = 'setting could not be applied' AND coalesce(s.pending_restart, false))", connection);
        using var reader = command.ExecuteReader();
        var errors = new List<(string, string?)>();
        while (reader.Read())
        {
            errors.Add((reader.IsDBNull(0) ? "(file)" : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return errors;
    }

    [Fact]
    public void EveryExamplesAlterSystemScriptIsAcceptedByTheServer()
    {
        using var cluster = new ScratchCluster();
        foreach (var example in Examples().Select(e => (string)e[0]))
        {
            var config = Design(example).Configuration!;
            var file = WriteTemp(config.AlterSystemScript);
            try
            {
                cluster.ApplyFile(file); // ALTER SYSTEM validates every value against the setting's type and range
            }
            finally
            {
                File.Delete(file);
            }

            using var connection = cluster.Open();
            Assert.Empty(FileErrors(connection));
            foreach (var setting in config.Settings.Where(s => !s.PerRole))
            {
                using var command = new NpgsqlCommand("SELECT setting FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf' AND name = $1", connection);
                command.Parameters.AddWithValue(setting.Name);
                Assert.Equal(setting.Value, command.ExecuteScalar() as string);
            }
        }
    }

    [Fact]
    public void ASmallServersSettingsTakeEffectAfterARestart()
    {
        var input = new ConfigInput(2, 2, StorageKind.Ssd, ConfigWorkload.Oltp, null)
        {
            ConcurrentUsers = 500, LatencyMs = 50, Tps = 100, ReadWriteRatio = new ReadWriteRatio(50, 50), RecordsPerDay = 20_000_000,
            HighWriteTables = new[] { new TableWriteRate("shop", "order", 20_000_000, 500_000_000), new TableWriteRate("shop", "event", 5_000_000, 100_000_000), new TableWriteRate("shop", "line", 1_000_000, 10_000_000) },
        };
        var config = new PostgreSqlConfigAdvisor().Recommend(input);
        Assert.Contains(config.Settings, s => s.RequiresRestart && s.Name == "autovacuum_max_workers");
        using var cluster = new ScratchCluster();
        var file = WriteTemp(config.AlterSystemScript);
        try
        {
            cluster.ApplyFile(file);
        }
        finally
        {
            File.Delete(file);
        }

        cluster.Restart();
        using var connection = cluster.Open();
        Assert.Empty(FileErrors(connection));
        foreach (var setting in config.Settings.Where(s => !s.PerRole))
        {
            using var show = new NpgsqlCommand("SELECT current_setting($1)", connection);
            show.Parameters.AddWithValue(setting.Name);
            Assert.True(setting.Value == show.ExecuteScalar() as string, $"{setting.Name}: recommended {setting.Value}, server shows {show.ExecuteScalar()}");
        }

        Assert.Equal(0L, AppliedDesign.Scalar(connection, "SELECT count(*) FROM pg_settings WHERE pending_restart"));
        AppliedDesign.Execute(connection, "CREATE EXTENSION pg_stat_statements");
        Assert.True((long)AppliedDesign.Scalar(connection, "SELECT count(*) FROM pg_stat_statements")! > 0);
    }

    [Fact]
    public void RestartFlagsMatchTheServersSettingContexts()
    {
        using var connection = new NpgsqlConnection(PostgresServer.For("postgres"));
        connection.Open();
        foreach (var (name, context) in PostgreSqlSettingContexts.All)
        {
            using var command = new NpgsqlCommand("SELECT context FROM pg_settings WHERE name = $1", connection);
            command.Parameters.AddWithValue(name);
            Assert.True(context == command.ExecuteScalar() as string, $"{name}: recorded {context}, server says {command.ExecuteScalar()}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void PerTableAutovacuumStatementsApplyToTheExamplesSchema(string example)
    {
        using var applied = new AppliedDesign(example + ".yaml");
        var config = applied.Design.Configuration!;
        var file = WriteTemp(config.TableScript);
        try
        {
            PostgresServer.ApplyWithPsql(applied.Database.Name, new[] { file });
        }
        finally
        {
            File.Delete(file);
        }

        using var connection = applied.Database.Open();
        foreach (var table in config.TableSettings)
        {
            var qualified = applied.Quote(table.Schema) + "." + applied.Quote(table.Table);
            if (table.Partitioned)
            {
                // A partitioned table's settings are on each partition, and a partition maintenance creates later copies them.
                AppliedDesign.Execute(connection, $"SELECT * FROM {applied.Quote(table.Schema)}.{applied.Quote(table.Table + "_partition_maintenance")}(now() + interval '60 days', p_expire => false)");
            }

            using var command = new NpgsqlCommand(table.Partitioned
                ? "SELECT array_to_string(c.reloptions, ',') FROM pg_partition_tree(to_regclass($1)) AS p JOIN pg_class AS c ON c.oid = p.relid WHERE p.isleaf"
                : "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = to_regclass($1)", connection);
            command.Parameters.AddWithValue(qualified);
            var all = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    all.Add(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
                }
            }

            Assert.True(table.Partitioned ? all.Count > 6 : all.Count == 1, $"{table.Table}: {all.Count} relations");
            foreach (var options in all)
            {
                foreach (var (key, value) in table.Parameters)
                {
                    Assert.Contains($"{key}={value}", options, StringComparison.Ordinal);
                }
            }
        }
    }
}
