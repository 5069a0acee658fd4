using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Live mode without -Workload on MariaDB/MySQL: the server's own statement statistics from
/// performance_schema.events_statements_summary_by_digest (calls and total time per normalized statement of the current
/// schema). MySQL 8 keeps one real statement per digest (QUERY_SAMPLE_TEXT), which the server can explain as it ran;
/// MariaDB has only the digest text, whose ? placeholders become the literal '1' so EXPLAIN accepts it. When
/// performance_schema is off (it needs a restart to turn on) nothing can be read, and the note says so.
/// </summary>
public static class MySqlStatementDigests
{
    /// <summary>Most digests read; the ones with the most total time first.</summary>
    public const int Limit = 500;

    public static string Sql(bool sample) => $"""
        SELECT DIGEST_TEXT AS digest_text, {(sample ? "QUERY_SAMPLE_TEXT" : "NULL")} AS sample_text, COUNT_STAR AS calls,
               SUM_TIMER_WAIT / 1000000000 AS total_ms
        FROM performance_schema.events_statements_summary_by_digest
        WHERE SCHEMA_NAME = DATABASE() AND DIGEST_TEXT IS NOT NULL AND COUNT_STAR > 0
        ORDER BY SUM_TIMER_WAIT DESC, DIGEST_TEXT
        LIMIT {Limit.ToString(CultureInfo.InvariantCulture)}
        """;

    public const string SampleColumnSql = """
        SELECT COUNT(*) FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = 'performance_schema' AND TABLE_NAME = 'events_statements_summary_by_digest' AND COLUMN_NAME = 'QUERY_SAMPLE_TEXT'
        """;

    private static readonly string[] Verbs = { "SELECT", "WITH", "INSERT", "UPDATE", "DELETE" };

    public static IReadOnlyList<WorkloadStatement> Read(LiveSession session, List<string> notes)
    {
        if (Convert.ToInt64(session.Scalar("SELECT @@performance_schema", "Reading performance_schema"), CultureInfo.InvariantCulture) != 1)
        {
            notes.Add("warning: performance_schema is off on this server, so its statement digests (events_statements_summary_by_digest) cannot be read: "
                + "only the existing indexes are reviewed. Turn it on (performance_schema = ON in the server configuration; it needs a restart) or give -Workload.");
            return Array.Empty<WorkloadStatement>();
        }

        var sample = Convert.ToInt64(session.Scalar(SampleColumnSql, "Checking for statement samples"), CultureInfo.InvariantCulture) > 0;
        var rows = session.Query(Sql(sample), "Reading statement digests (performance_schema)");
        var statements = new List<WorkloadStatement>();
        foreach (var row in rows)
        {
            var digest = row.String("digest_text")!;
            var text = row.String("sample_text") is { Length: > 0 } real && !real.EndsWith("...", StringComparison.Ordinal) ? real : Explainable(digest);
            if (text is null || !Verbs.Any(v => text.StartsWith(v, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var calls = row.Int64("calls") ?? 1;
            var ms = row.Double("total_ms") ?? 0;
            statements.Add(new WorkloadStatement("d" + (statements.Count + 1).ToString(CultureInfo.InvariantCulture), text, calls,
                FormattableString.Invariant($"performance_schema digest: {calls} calls, {ms:0.###} ms")) { TotalMilliseconds = Math.Round(ms, 3) });
        }

        notes.Add(FormattableString.Invariant($"{statements.Count} statement digests read from performance_schema ({(sample ? "sample statements" : "digest text with ? as '1'")})."));
        return statements;
    }

    /// <summary>The digest with its placeholders as literals ('1', and IN (...) as ('1')); null when the digest was truncated.</summary>
    public static string? Explainable(string digest)
    {
        if (digest.EndsWith("...", StringComparison.Ordinal) && !digest.EndsWith("(...)", StringComparison.Ordinal))
        {
            return null;
        }

        var text = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < digest.Length; i++)
        {
            var c = digest[i];
            if (quote != '\0')
            {
                text.Append(c);
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
                text.Append(c);
            }
            else if (c == '?')
            {
                text.Append("'1'");
            }
            else if (string.CompareOrdinal(digest, i, "(...)", 0, 5) == 0)
            {
                text.Append("('1')");
                i += 4;
            }
            else
            {
                text.Append(c);
            }
        }

        // LIMIT and OFFSET take numbers, not strings.
        return Regex.Replace(text.ToString(), @"\b(LIMIT|OFFSET)\s+'1'(?:\s*,\s*'1')?", m => m.Value.Replace("'1'", "1", StringComparison.Ordinal), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }
}
