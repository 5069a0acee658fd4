using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using DbArchitect.Core.Indexing;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// A PostgreSQL server log written with log_min_duration_statement (or log_statement) as a workload: the stderr format
/// with any log_line_prefix (continuation lines of a multi-line statement start with a tab) or the csvlog format. The
/// "statement:" entries of the simple protocol and the "execute &lt;name&gt;:" entries of the extended protocol count as calls
/// (parse and bind entries do not); a following "DETAIL:  parameters: $1 = '…'" fills the placeholders so the server
/// can explain the statement. Calls and total time are aggregated per normalized statement (literals and parameters
/// replaced by ?), with the first concrete text kept for explaining.
/// </summary>
public sealed partial class PostgreSqlStatementLog : IStatementLogReader
{
    private sealed class Entry
    {
        public Entry(string text, double? milliseconds, bool execute, string process)
        {
            Text = text;
            Milliseconds = milliseconds;
            Execute = execute;
            Process = process;
        }

        public string Text { get; set; }

        public double? Milliseconds { get; }

        public bool Execute { get; }

        public string Process { get; }
    }

    private static readonly string[] Reads = { "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "TABLE", "VALUES" };

    /// <summary>True when the text is a csvlog file (no header; the twelfth field is the severity).</summary>
    public static bool IsCsvLog(string text)
    {
        var first = WorkloadFile.CsvRows(text[..Math.Min(text.Length, 65536)]).FirstOrDefault();
        return first is { Count: >= 23 } && Severity().IsMatch(first[11]) && DateTime.TryParse(first[0].Replace(" UTC", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>A .log file is read as the stderr format; a csvlog file is recognised by its fields whatever its name.</summary>
    public bool Recognises(string extension, string text) =>
        string.Equals(extension, ".log", StringComparison.OrdinalIgnoreCase) || IsCsvLog(text);

    public IReadOnlyList<WorkloadStatement> Parse(string text, string source)
    {
        var entries = new List<Entry>();
        foreach (var (process, severity, message) in IsCsvLog(text) ? CsvMessages(text) : StderrMessages(text))
        {
            if (severity == "LOG" && Duration().Match(message) is { Success: true } logged)
            {
                var milliseconds = logged.Groups["ms"].Success ? double.Parse(logged.Groups["ms"].Value, CultureInfo.InvariantCulture) : (double?)null;
                entries.Add(new Entry(logged.Groups["text"].Value, milliseconds, logged.Groups["kind"].Value.StartsWith("execute", StringComparison.Ordinal), process));
            }
            else if (severity == "DETAIL" && message.StartsWith("parameters: ", StringComparison.Ordinal)
                && entries.LastOrDefault(e => e.Process == process) is { Execute: true } execute)
            {
                var values = Parameter().Matches(message).ToDictionary(m => m.Groups["n"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
                execute.Text = Placeholder().Replace(execute.Text, m => values.TryGetValue(m.Groups["n"].Value, out var v) ? v : m.Value);
            }
        }

        var groups = new Dictionary<string, (string Text, int Calls, double? Total, int Order)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var statement in WorkloadFile.Parse(entry.Text, source).Select(s => s.Text).Where(IsWorkload))
            {
                var key = Normalize(statement);
                var (first, calls, total, order) = groups.TryGetValue(key, out var g) ? g : (statement, 0, (double?)null, groups.Count);
                groups[key] = (first, calls + 1, entry.Milliseconds is { } ms ? (total ?? 0) + ms : total, order);
            }
        }

        return groups.Values.OrderBy(g => g.Order)
            .Select((g, i) => new WorkloadStatement("l" + (i + 1).ToString(CultureInfo.InvariantCulture), g.Text, g.Calls,
                g.Total is { } t ? FormattableString.Invariant($"{source}: {g.Calls} calls, {t:0.###} ms") : FormattableString.Invariant($"{source}: {g.Calls} calls"))
            { TotalMilliseconds = g.Total is { } ms ? Math.Round(ms, 3) : null })
            .ToList();
    }

    /// <summary>The statement with literals, parameters and IN lists replaced, so calls with different values aggregate.</summary>
    public static string Normalize(string statement)
    {
        var text = Literal().Replace(statement, "?");
        text = InList().Replace(text, "(?)");
        return string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsWorkload(string statement) => Reads.Any(r => statement.StartsWith(r, StringComparison.OrdinalIgnoreCase)
        && (statement.Length == r.Length || !char.IsLetterOrDigit(statement[r.Length])));

    private static IEnumerable<(string Process, string Severity, string Message)> CsvMessages(string text)
    {
        foreach (var row in WorkloadFile.CsvRows(text).Where(r => r.Count >= 15))
        {
            yield return (row[3], row[11], row[13]);
            if (row[14].Length > 0)
            {
                yield return (row[3], "DETAIL", row[14]);
            }
        }
    }

    private static IEnumerable<(string Process, string Severity, string Message)> StderrMessages(string text)
    {
        (string Process, string Severity, StringBuilder Message)? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('\t') && current is { } open)
            {
                open.Message.Append('\n').Append(line, 1, line.Length - 1);
                continue;
            }

            if (current is { } done)
            {
                yield return (done.Process, done.Severity, done.Message.ToString());
                current = null;
            }

            if (Line().Match(line) is { Success: true } match)
            {
                var process = Process().Match(match.Groups["prefix"].Value) is { Success: true } pid ? pid.Groups[1].Value : string.Empty;
                current = (process, match.Groups["severity"].Value, new StringBuilder(match.Groups["message"].Value));
            }
        }

        if (current is { } last)
        {
            yield return (last.Process, last.Severity, last.Message.ToString());
        }
    }

    [GeneratedRegex(@"^(?<prefix>.*?)\b(?<severity>LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|NOTICE|INFO|FATAL|PANIC|DEBUG[1-5]?):  (?<message>.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"^(LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|NOTICE|INFO|FATAL|PANIC|DEBUG[1-5]?)$")]
    private static partial Regex Severity();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Process();

    [GeneratedRegex(@"^(?:duration: (?<ms>[0-9.]+) ms  )?(?<kind>statement|execute [^:]*): (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\$(?<n>\d+) = (?<value>'(?:[^']|'')*'|NULL)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\$(?<n>\d+)\b")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"'(?:[^']|'')*'|\$\d+|(?<![\w.])-?\d+(?:\.\d+)?\b")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\(\s*\?(?:\s*,\s*\?)*\s*\)")]
    private static partial Regex InList();
}
