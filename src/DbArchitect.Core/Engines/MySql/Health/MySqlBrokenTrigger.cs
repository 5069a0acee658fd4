using System.Text.RegularExpressions;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// BROKEN_TRIGGER: triggers whose body writes to or reads from a table that does not exist. The server resolves a
/// trigger's tables only when it fires, so dropping an audit table leaves a trigger that fails every INSERT, UPDATE
/// or DELETE on its own table. The body's table references are read from information_schema.triggers
/// (comments and string literals removed first) and looked up in information_schema.tables.
/// </summary>
internal sealed partial class MySqlBrokenTrigger : HealthCheck
{
    public override string Id => "BROKEN_TRIGGER";

    public override string Title => "Trigger that uses a dropped table";

    public override string Category => "Schema";

    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public override string Description => "Triggers of the current database whose body inserts into, updates, deletes from or selects from a table (or view) that does not exist: every statement that fires the trigger fails with error 1146, so the trigger's own table can no longer be written. Table references are read from the trigger text (INSERT/REPLACE INTO, UPDATE, DELETE FROM, FROM, JOIN), comments and literals removed.";

    public override string Needs => "TRIGGER (or SELECT on the tables) to see the triggers' bodies";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT t.trigger_name, t.event_object_table, t.event_manipulation, t.action_timing, t.action_statement,
               (SELECT GROUP_CONCAT(CONCAT(x.table_schema, '.', x.table_name) SEPARATOR '\n') FROM information_schema.tables x WHERE x.table_schema = DATABASE()) AS known_tables
        FROM information_schema.triggers t
        WHERE t.trigger_schema = DATABASE()
        ORDER BY t.trigger_name
        """;

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        var triggers = context.Query(Sql, Title);
        var results = new List<HealthCheckResult>();
        foreach (var trigger in triggers)
        {
            var known = (trigger.String("known_tables") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = References(trigger.String("action_statement") ?? string.Empty)
                .Select(r => r.Contains('.', StringComparison.Ordinal) ? r : $"{context.Database}.{r}")
                .Where(r => !known.Contains(r) && !ExistsElsewhere(context, r))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var name = trigger.String("trigger_name") ?? string.Empty;
            var table = trigger.String("event_object_table") ?? string.Empty;
            results.Add(context.Finding(this, HealthStatus.Critical, $"{table}.{name}",
                $"The {trigger.String("action_timing")?.ToLowerInvariant()} {trigger.String("event_manipulation")} trigger uses {string.Join(", ", missing)}, which does not exist: every {trigger.String("event_manipulation")} on {table} fails.",
                "Re-create the missing table, or drop or rewrite the trigger (DROP TRIGGER, then CREATE TRIGGER against the tables that exist).") with
            {
                Evidence = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["missing_tables"] = string.Join(", ", missing) },
            });
        }

        return results.Count > 0 ? results : new[] { context.Pass(this, $"All {triggers.Count} trigger(s) use existing tables.") };
    }

    /// <summary>The tables a trigger body names (schema.table or table), without quotes.</summary>
    internal static IReadOnlyList<string> References(string body)
    {
        var text = Noise().Replace(body, " ");
        var ctes = CteName().Matches(text).Select(m => Unquote(m.Groups["name"].Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TableReference().Matches(text)
            .Where(m => !InsideFunction(text, m.Index))
            .Select(m => m.Groups["part"].Captures.Select(c => Unquote(c.Value)).ToList())
            .Where(parts => !(parts.Count == 2 && (parts[0].Equals("NEW", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("OLD", StringComparison.OrdinalIgnoreCase))))
            .Select(parts => string.Join('.', parts))
            .Where(r => !ctes.Contains(r) && !r.Equals("DUAL", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>True when the keyword at <paramref name="index"/> sits in EXTRACT(… FROM x), TRIM(… FROM x) or SUBSTRING(x FROM n), not a query.</summary>
    private static bool InsideFunction(string text, int index)
    {
        var depth = 0;
        for (var i = index - 1; i >= 0; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(' && depth-- == 0)
            {
                var before = text[..i].TrimEnd();
                return FunctionWithFrom().IsMatch(before);
            }
        }

        return false;
    }

    /// <summary>A table named with another schema is looked up there (the known set holds only the current schema's).</summary>
    private static bool ExistsElsewhere(HealthCheckContext context, string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        var schema = qualified[..dot];
        if (schema.Equals(context.Database, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return context.Query(
            $"SELECT 1 AS found FROM information_schema.tables WHERE table_schema = {MySqlWriter.String(schema)} AND table_name = {MySqlWriter.String(qualified[(dot + 1)..])}",
            "Looking up a table a trigger uses").Count > 0;
    }

    private static string Unquote(string part) => part.Length > 1 && part[0] == '`' ? part[1..^1].Replace("``", "`", StringComparison.Ordinal) : part;

    // Comments and string literals, which may contain any word.
    [GeneratedRegex(@"--[^\n]*|#[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.|'')*'|""(?:[^""\\]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex Noise();

    [GeneratedRegex(@"\b(?:EXTRACT|TRIM|SUBSTRING|SUBSTR|POSITION|OVERLAY)$", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionWithFrom();

    [GeneratedRegex(@"(?:\bWITH(?:\s+RECURSIVE)?|,)\s*(?<name>`[^`]+`|\w+)\s*(?:\([^)]*\)\s*)?AS\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CteName();

    // INSERT/REPLACE [modifiers] [INTO] t; UPDATE [modifiers] t (not ON DUPLICATE KEY UPDATE, FOR UPDATE); DELETE … FROM t; FROM t; JOIN t.
    [GeneratedRegex(@"(?:\b(?:INSERT|REPLACE)(?:\s+(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE))*(?:\s+INTO)?|(?<!\bKEY\s+|\bFOR\s+)\bUPDATE(?:\s+(?:LOW_PRIORITY|IGNORE))*|\bFROM|\bJOIN)\s+(?!SELECT\b|\()(?<part>`(?:[^`]|``)+`|[A-Za-z_$][\w$]*)(?:\s*\.\s*(?<part>`(?:[^`]|``)+`|[A-Za-z_$][\w$]*))?", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}
