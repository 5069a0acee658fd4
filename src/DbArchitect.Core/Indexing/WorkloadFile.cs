using System.Globalization;
using System.Text;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Indexing;

/// <summary>One statement of a workload file with its weight (from a "-- weight: N" or "-- calls: N" line before it; 1 otherwise).</summary>
public sealed record WorkloadStatement(string Id, string Text, double Weight, string Source)
{
    /// <summary>Total execution time in milliseconds over all calls, when the input states it (a server log); null otherwise.</summary>
    public double? TotalMilliseconds { get; init; }
}

/// <summary>
/// Reads a SQL workload file: statements split at semicolons outside quotes, comments and dollar quotes. A file with
/// no semicolon at all is one statement per line (the form Dexter reads and many query exports write): a line that
/// begins a statement (SELECT, WITH, INSERT …) at parenthesis depth 0 starts a new one, any other line continues the
/// one before. Weights come from annotation comments, so a file exported from pg_stat_statements keeps its call counts.
/// </summary>
public static class WorkloadFile
{
    public static IReadOnlyList<WorkloadStatement> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DbArchitectException(new DbArchitectError("WorkloadFileNotFound", ErrorKind.ObjectNotFound,
                $"The workload file '{Path.GetFileName(path)}' does not exist.", "Give -Workload the path of a .sql file of statements.", null));
        }

        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path);
        if (Engines.EngineRegistry.All.Select(e => e.StatementLog).FirstOrDefault(log => log is not null && log.Recognises(extension, text)) is { } serverLog)
        {
            return serverLog.Parse(text, name);
        }

        return string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase) ? ParseCsv(text, name) : Parse(text, name);
    }

    /// <summary>
    /// A pg_stat_statements export (psql: \copy (SELECT query, calls FROM pg_stat_statements) TO 'w.csv' CSV HEADER):
    /// a header naming a "query" column and optionally "calls", the weight.
    /// </summary>
    public static IReadOnlyList<WorkloadStatement> ParseCsv(string text, string source)
    {
        var rows = CsvRows(text).ToList();
        var header = rows.Count > 0 ? rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList() : new List<string>();
        var query = header.IndexOf("query");
        if (query < 0)
        {
            throw new DbArchitectException(new DbArchitectError("WorkloadCsvHeaderMissing", ErrorKind.InvalidData,
                $"The workload file '{source}' has no \"query\" column in its header.",
                "Give the file a header row naming a \"query\" column (the statement) and optionally a \"calls\" column (its weight), as a statement-statistics view exported with its header has.", null));
        }

        var calls = header.IndexOf("calls");
        return rows.Skip(1).Where(r => r.Count > query && r[query].Trim().Length > 0)
            .Select((r, i) => new WorkloadStatement("q" + (i + 1).ToString(CultureInfo.InvariantCulture), r[query].Trim().TrimEnd(';'),
                calls >= 0 && calls < r.Count && double.TryParse(r[calls], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 1, source))
            .ToList();
    }

    internal static IEnumerable<List<string>> CsvRows(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return row;
                row = new List<string>();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    private static readonly string[] StatementStarts = { "select", "with", "insert", "update", "delete", "values", "table", "merge", "explain" };

    /// <summary>Words that, ending a line, join the next line's SELECT to the same statement (set operations).</summary>
    private static readonly string[] Joiners = { "union", "intersect", "except", "all", "distinct", "(" };

    public static IReadOnlyList<WorkloadStatement> Parse(string text, string source)
    {
        var (statements, separators) = Parse(text, source, byLine: false);
        return separators == 0 && statements.Count == 1 ? Parse(text, source, byLine: true).Statements : statements;
    }

    private static (List<WorkloadStatement> Statements, int Separators) Parse(string text, string source, bool byLine)
    {
        var statements = new List<WorkloadStatement>();
        var separators = 0;
        var depth = 0;
        var current = new StringBuilder();
        double? weight = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                weight = Annotation(text[(i + 2)..end]) ?? weight;
                i = end;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                current.Append(' ');
                continue;
            }

            if (c is '\'' or '"' or '`')
            {
                var end = i + 1;
                while (end < text.Length && (text[end] != c || (end + 1 < text.Length && text[end + 1] == c && ++end > 0)))
                {
                    end++;
                }

                current.Append(text, i, Math.Min(text.Length, end + 1) - i);
                i = end + 1;
                continue;
            }

            if (c == '$' && DollarTag(text, i) is { } tag)
            {
                var end = text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + tag.Length;
                current.Append(text, i, end - i);
                i = end;
                continue;
            }

            if (c == ';')
            {
                Flush(statements, current, ref weight, source);
                separators++;
                depth = 0;
                i++;
                continue;
            }

            if (byLine && c == '\n' && depth == 0 && StartsStatement(text, i + 1) && !EndsWithJoiner(current))
            {
                Flush(statements, current, ref weight, source);
            }

            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            current.Append(c);
            i++;
        }

        Flush(statements, current, ref weight, source);
        return (statements, separators);
    }

    /// <summary>True when the next line that is neither blank nor a comment begins with a statement's first word.</summary>
    private static bool StartsStatement(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] == '-' && text[i + 1] == '-')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }

            var word = i;
            while (word < text.Length && char.IsLetter(text[word]))
            {
                word++;
            }

            return StatementStarts.Contains(text[i..word].ToLowerInvariant());
        }

        return false;
    }

    private static bool EndsWithJoiner(StringBuilder current)
    {
        var text = current.ToString().TrimEnd();
        return Joiners.Any(j => text.EndsWith(j, StringComparison.OrdinalIgnoreCase) && (j == "(" || text.Length == j.Length || !char.IsLetterOrDigit(text[^(j.Length + 1)])));
    }

    private static void Flush(List<WorkloadStatement> statements, StringBuilder current, ref double? weight, string source)
    {
        var statement = string.Join(" ", current.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        current.Clear();
        if (statement.Length == 0)
        {
            return;
        }

        statements.Add(new WorkloadStatement("q" + (statements.Count + 1).ToString(CultureInfo.InvariantCulture), statement, weight ?? 1, source));
        weight = null;
    }

    private static double? Annotation(string comment)
    {
        var text = comment.Trim();
        foreach (var key in new[] { "weight:", "calls:" })
        {
            if (text.StartsWith(key, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[key.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }
        }

        return null;
    }

    private static string? DollarTag(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end < text.Length && text[end] == '$' && (end == start + 1 || !char.IsDigit(text[start + 1])) ? text[start..(end + 1)] : null;
    }
}
