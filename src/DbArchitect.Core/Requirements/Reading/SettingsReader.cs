using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Reads the file-wide sections: format, application, workload, hardware, engine and conventions.</summary>
internal static partial class SettingsReader
{
    public const string AutoEngine = "auto";

    [GeneratedRegex(@"^\s*(?<read>\d{1,9})\s*:\s*(?<write>\d{1,9})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RatioPattern();

    [GeneratedRegex(@"^\s*(?<amount>\d{1,9})\s*(?<unit>[dwmyDWMY])\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RetentionPattern();

    public static int Format(ReaderContext context, MappingReader root)
    {
        var scalar = root.Scalar("format", "the number 1");
        if (scalar is null)
        {
            return 1;
        }

        if (!int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var format))
        {
            root.Invalid("format", scalar, "the number 1");
        }
        else if (format != 1)
        {
            context.Report(ErrorIds.UnsupportedFormat, ErrorKind.InvalidData, $"Format {format} is not supported; this version reads format 1.",
                "Write format: 1 (or remove the key), or update DbArchitect.PS.", scalar, format);
        }

        return 1;
    }

    public static ApplicationInfo? Application(ReaderContext context, MappingReader root)
    {
        var node = root.Mapping("application", "a mapping with name, description, kind, tenancy and schema");
        if (node is null)
        {
            if (root.Value("application") is null)
            {
                root.ReportMissing("application", "Add an 'application' section with at least a name, e.g. application: { name: ShopFast }.");
            }

            return null;
        }

        var app = new MappingReader(context, node, "application", RequirementKeys.Application);
        var name = app.RequiredString("name", "Add 'name:' with the application's name under 'application'.")?.Trim();
        if (name is { Length: 0 })
        {
            app.Invalid("name", app.Value("name")!, "a non-empty name");
            name = null;
        }

        var description = app.String("description");
        var kind = app.Enum("kind", EnumValues.ApplicationKinds) ?? ApplicationKind.Oltp;
        var tenancy = app.Enum("tenancy", EnumValues.Tenancies) ?? Tenancy.Single;
        var schema = app.String("schema");
        if (schema is not null && !IdentifierRules.Check(context, schema, "schema name", app.Value("schema")!))
        {
            schema = null;
        }

        return name is null ? null : new ApplicationInfo(name, description, kind, tenancy, schema, app.Location);
    }

    public static WorkloadProfile Workload(ReaderContext context, MappingReader root)
    {
        var node = root.Mapping("workload", "a mapping of volumes and targets");
        if (node is null)
        {
            return WorkloadProfile.Unspecified;
        }

        var workload = new MappingReader(context, node, "workload", RequirementKeys.Workload);
        var records = workload.Volume("records");
        var recordsPerDay = workload.Volume("recordsPerDay");
        var ratio = ReadRatio(workload);
        var latency = workload.Number("latencyMs", 0, minExclusive: true, 3_600_000, "a number of milliseconds above 0 and at most 3600000 (one hour)");
        var users = workload.Integer("concurrentUsers", 0, 10_000_000, "a whole number from 0 to 10000000");
        var tps = workload.Number("tps", 0, minExclusive: false, 10_000_000, "a number of transactions per second from 0 to 10000000");
        var retention = ReadRetention(workload);
        return new WorkloadProfile(records, recordsPerDay, ratio, latency, users is null ? null : (int)users.Value, tps, retention);
    }

    public static HardwareProfile Hardware(ReaderContext context, MappingReader root)
    {
        var node = root.Mapping("hardware", "a mapping with memoryGb, cpus and storage");
        if (node is null)
        {
            return HardwareProfile.Unspecified;
        }

        var hardware = new MappingReader(context, node, "hardware", RequirementKeys.Hardware);
        var memory = hardware.Number("memoryGb", 0, minExclusive: true, 65_536, "a number of gigabytes above 0 and at most 65536 (64 TB)");
        var cpus = hardware.Integer("cpus", 1, 4_096, "a whole number of CPUs from 1 to 4096");
        var storage = hardware.Enum("storage", EnumValues.Storages);
        return new HardwareProfile(memory, cpus is null ? null : (int)cpus.Value, storage);
    }

    public static string Engine(ReaderContext context, MappingReader root)
    {
        var scalar = root.Scalar("engine", "an engine name");
        if (scalar?.Value is not { } written)
        {
            return AutoEngine;
        }

        var id = written.Trim().ToLowerInvariant();
        if (id == AutoEngine || EngineRegistry.IsKnown(id))
        {
            return id;
        }

        var choices = new[] { AutoEngine }.Concat(EngineRegistry.KnownEngineIds).ToArray();
        context.Report(ErrorIds.UnknownEngine, ErrorKind.InvalidArgument, $"Unknown engine '{written}'." + Suggestions.DidYouMean(written, choices),
            $"Use one of: {string.Join(", ", choices)} (auto lets DbArchitect choose).", scalar, written);
        return AutoEngine;
    }

    public static Conventions Conventions(ReaderContext context, MappingReader root)
    {
        var node = root.Mapping("conventions", "a mapping with naming, primaryKey, timestamps, softDelete and audit");
        var defaults = Requirements.Conventions.Default;
        if (node is null)
        {
            return defaults;
        }

        var conventions = new MappingReader(context, node, "conventions", RequirementKeys.Conventions);
        return new Conventions(
            conventions.Enum("naming", EnumValues.NamingStyles) ?? defaults.Naming,
            conventions.Enum("primaryKey", EnumValues.PrimaryKeys) ?? defaults.PrimaryKey,
            conventions.Bool("timestamps") ?? defaults.Timestamps,
            conventions.Bool("softDelete") ?? defaults.SoftDelete,
            conventions.Bool("audit") ?? defaults.Audit);
    }

    private static ReadWriteRatio? ReadRatio(MappingReader workload)
    {
        const string expected = "a ratio of reads to writes such as \"80:20\" (two whole numbers, not both 0)";
        var scalar = workload.Scalar("readWriteRatio", expected);
        if (scalar?.Value is null)
        {
            return null;
        }

        var match = RatioPattern().Match(scalar.Value);
        if (match.Success)
        {
            var read = int.Parse(match.Groups["read"].Value, CultureInfo.InvariantCulture);
            var write = int.Parse(match.Groups["write"].Value, CultureInfo.InvariantCulture);
            if (read + write > 0)
            {
                return new ReadWriteRatio(read, write);
            }
        }

        workload.Invalid("readWriteRatio", scalar, expected);
        return null;
    }

    private static Retention? ReadRetention(MappingReader workload)
    {
        const string expected = "a positive whole number followed by d, w, m or y, such as 90d or 5y, of at most 100 years (36525d, 5218w, 1200m, 100y)";
        var scalar = workload.Scalar("retention", expected);
        if (scalar?.Value is null)
        {
            return null;
        }

        var match = RetentionPattern().Match(scalar.Value);
        if (match.Success)
        {
            var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var unit = char.ToLowerInvariant(match.Groups["unit"].Value[0]);
            var max = unit switch { 'd' => 36_525, 'w' => 5_218, 'm' => 1_200, _ => 100 };
            if (amount > 0 && amount <= max)
            {
                return new Retention(amount, unit switch
                {
                    'd' => RetentionUnit.Day,
                    'w' => RetentionUnit.Week,
                    'm' => RetentionUnit.Month,
                    _ => RetentionUnit.Year,
                });
            }
        }

        workload.Invalid("retention", scalar, expected);
        return null;
    }
}
