using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.MariaDb;

/// <summary>
/// The MariaDB plans on the real server after the build scripts: the maintenance event scheduler jobs are created in
/// the scratch database and each job's statement runs; the security script's roles hold their grants on it; every
/// option-file setting exists on MariaDB 10.11 with a value the server accepts, and every SET GLOBAL names a dynamic
/// variable. Settings are checked against information_schema.SYSTEM_VARIABLES, never set: other tests share the server.
/// </summary>
public sealed partial class MariaDbPlansTests
{
    [Theory]
    [MemberData(nameof(ExampleSpecs.All), MemberType = typeof(ExampleSpecs))]
    public void Maintenance_events_and_role_grants_apply_after_the_build_scripts(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mariadb");
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-maria-plans-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            using var scratch = MariaDbServer.CreateScratch("plans_" + Path.GetFileNameWithoutExtension(spec));
            var build = result.Files
                .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .Select(f => Path.Combine(folder, f.RelativePath)).ToList();
            MariaDbServer.ApplyWithClient(scratch.Name, build);

            var events = Path.Combine(folder, "maintenance", "events.sql");
            MariaDbServer.ApplyWithClient(scratch.Name, new[] { events });
            using var connection = MariaDbServer.Open(scratch.Name);
            var created = MariaDbServer.Rows(connection,
                "SELECT EVENT_NAME, STATUS, EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = @db ORDER BY EVENT_NAME", ("@db", scratch.Name));
            var written = EventName().Matches(File.ReadAllText(events)).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(written);
            Assert.Equal(written, created.Select(r => (string)r["EVENT_NAME"]!).Order(StringComparer.Ordinal));
            Assert.All(created, r => Assert.Equal("ENABLED", r["STATUS"]));
            Assert.Equal(design.Maintenance.Jobs.Count, created.Count);

            // Each job's statement runs now on the built tables (ANALYZE/OPTIMIZE report per table; none is an error).
            foreach (var job in created)
            {
                var messages = MariaDbServer.Rows(connection, (string)job["EVENT_DEFINITION"]!);
                Assert.DoesNotContain(messages, m => string.Equals(m.GetValueOrDefault("Msg_type") as string, "error", StringComparison.OrdinalIgnoreCase));
            }

            // The security script's roles hold their privileges on this database.
            var security = build.Single(f => Path.GetFileName(f).EndsWith("_security.sql", StringComparison.Ordinal));
            var roles = RoleName().Matches(File.ReadAllText(security)).Select(m => m.Groups["name"].Value).ToList();
            Assert.NotEmpty(roles);
            foreach (var role in roles)
            {
                var grants = MariaDbServer.Rows(connection, $"SHOW GRANTS FOR {role}").Select(r => (string)r.Values.First()!).ToList();
                Assert.Contains(grants, g => g.Contains($"ON `{scratch.Name}`.*", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs.All), MemberType = typeof(ExampleSpecs))]
    public void Config_settings_exist_with_values_the_server_accepts(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mariadb");
        var config = design.Configuration ?? throw new InvalidOperationException($"{spec} states no hardware, so it has no configuration to check.");
        using var connection = MariaDbServer.Open();
        var options = OptionLine().Matches(config.ConfigFile).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)).ToList();
        Assert.NotEmpty(options);
        foreach (var (name, value) in options)
        {
            // The option default_time_zone sets the server variable time_zone.
            var variable = Variable(connection, name == "default_time_zone" ? "time_zone" : name);
            AssertAccepted(connection, variable, name, value.Trim('\''));
        }

        var runtime = SetGlobal().Matches(config.AlterSystemScript).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)).ToList();
        Assert.NotEmpty(runtime);
        foreach (var (name, value) in runtime)
        {
            var variable = Variable(connection, name);
            Assert.True((string)variable["READ_ONLY"]! == "NO", $"SET GLOBAL {name}: the variable is read-only on MariaDB 10.11 (needs the option file and a restart).");
            AssertAccepted(connection, variable, name, value.Trim('\''));
        }
    }

    private static Dictionary<string, object?> Variable(MySqlConnection connection, string name) =>
        MariaDbServer.Rows(connection,
            "SELECT VARIABLE_NAME, VARIABLE_TYPE, NUMERIC_MIN_VALUE, NUMERIC_MAX_VALUE, ENUM_VALUE_LIST, READ_ONLY FROM information_schema.SYSTEM_VARIABLES WHERE VARIABLE_NAME = @n",
            ("@n", name.ToUpperInvariant())).SingleOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"{name} is not a MariaDB 10.11 server variable.");

    private static void AssertAccepted(MySqlConnection connection, Dictionary<string, object?> variable, string name, string value)
    {
        var type = (string)variable["VARIABLE_TYPE"]!;
        if (type.Contains("INT", StringComparison.Ordinal) || type == "DOUBLE")
        {
            var number = Number(value);
            var min = decimal.Parse(Convert.ToString(variable["NUMERIC_MIN_VALUE"], CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
            var max = decimal.Parse(Convert.ToString(variable["NUMERIC_MAX_VALUE"], CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
            Assert.True(number >= min && number <= max, $"{name} = {value}: outside {min}..{max}");
        }
        else if (variable["ENUM_VALUE_LIST"] is string list)
        {
            Assert.True(list.Split(',').Contains(value, StringComparer.OrdinalIgnoreCase), $"{name} = {value}: not one of {list}");
        }
        else if (name.StartsWith("collation_", StringComparison.Ordinal))
        {
            // 10.10+ lists the UCA 14 collations once, character-set free (uca1400_ai_ci): let the server resolve the name.
            Assert.Matches("^[a-z0-9_]+$", value);
            Assert.Single(MariaDbServer.Rows(connection, $"SELECT _utf8mb4'a' COLLATE {value} AS a"));
        }
        else if (name.StartsWith("character_set_", StringComparison.Ordinal))
        {
            Assert.Single(MariaDbServer.Rows(connection, "SELECT 1 FROM information_schema.CHARACTER_SETS WHERE CHARACTER_SET_NAME = @v", ("@v", value)));
        }
        else if (name.EndsWith("time_zone", StringComparison.Ordinal))
        {
            Assert.NotNull(MariaDbServer.Rows(connection, "SELECT CONVERT_TZ('2024-01-01 00:00:00', '+00:00', @v) AS t", ("@v", value)).Single()["t"]);
        }
    }

    /// <summary>An option-file number: plain, or with the K/M/G suffix the server reads as powers of 1024.</summary>
    private static decimal Number(string value)
    {
        var multiplier = char.ToUpperInvariant(value[^1]) switch { 'K' => 1024m, 'M' => 1024m * 1024, 'G' => 1024m * 1024 * 1024, _ => 1m };
        var digits = multiplier == 1m ? value : value[..^1];
        return decimal.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture) * multiplier;
    }

    [GeneratedRegex(@"^CREATE EVENT IF NOT EXISTS (?<name>\w+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EventName();

    [GeneratedRegex(@"^CREATE ROLE IF NOT EXISTS (?<name>[^;\s]+);", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^(?<name>[a-z_]+) = (?<value>\S+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^SET GLOBAL (?<name>\w+) = (?<value>[^;]+);$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SetGlobal();
}
