using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Reads the optional 'operations' section: recovery point and time objectives and the daily backup window.</summary>
internal static partial class OperationsReader
{
    private const string WindowExpected = "a daily UTC window \"HH:MM-HH:MM\" with two different times, such as \"01:00-05:00\" (it may cross midnight)";

    [GeneratedRegex(@"^\s*(?<sh>[01]\d|2[0-3]):(?<sm>[0-5]\d)\s*-\s*(?<eh>[01]\d|2[0-3]):(?<em>[0-5]\d)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();

    public static OperationsProfile Read(ReaderContext context, MappingReader root)
    {
        var node = root.Mapping("operations", "a mapping with rpoMinutes, rtoMinutes and backupWindow");
        if (node is null)
        {
            return OperationsProfile.Unspecified;
        }

        var operations = new MappingReader(context, node, "operations", RequirementKeys.Operations);
        var rpo = operations.Number("rpoMinutes", 0, minExclusive: true, 525_600, "a number of minutes above 0 and at most 525600 (one year) (the most data, in minutes of writes, a failure may lose)");
        var rto = operations.Number("rtoMinutes", 0, minExclusive: true, 525_600, "a number of minutes above 0 and at most 525600 (one year) (the longest a restore may take)");
        return new OperationsProfile(rpo, rto, ReadWindow(operations));
    }

    private static BackupWindow? ReadWindow(MappingReader operations)
    {
        var scalar = operations.Scalar("backupWindow", WindowExpected);
        if (scalar?.Value is null)
        {
            return null;
        }

        var match = WindowPattern().Match(scalar.Value);
        if (match.Success)
        {
            int Minute(string hour, string minute) =>
                (int.Parse(match.Groups[hour].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups[minute].Value, CultureInfo.InvariantCulture);
            var window = new BackupWindow(Minute("sh", "sm"), Minute("eh", "em"));
            if (window.DurationMinutes > 0)
            {
                return window;
            }
        }

        operations.Invalid("backupWindow", scalar, WindowExpected);
        return null;
    }
}
