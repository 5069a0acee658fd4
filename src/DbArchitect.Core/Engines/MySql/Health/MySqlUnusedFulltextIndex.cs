using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// UNUSED_FULLTEXT_INDEX: a FULLTEXT index no statement has searched since the statement statistics began. InnoDB
/// never counts a MATCH … AGAINST in table_io_waits_summary_by_index_usage (a searched FULLTEXT index reads 0 there,
/// so UNUSED_INDEX cannot judge one), but a FULLTEXT index is used only by MATCH over exactly its columns, and
/// performance_schema's statement digests keep the text of every distinct statement: an index whose table and column
/// list appear in no digest's MATCH, nor in a stored program or view of the database (whose inner statements have no
/// digest of their own), has not been used.
/// </summary>
internal sealed partial class MySqlUnusedFulltextIndex : MySqlHealthCheck
{
    public override string Id => "UNUSED_FULLTEXT_INDEX";

    public override string Title => "Unused FULLTEXT index";

    public override string Category => "Indexes";

    public override string Description => "FULLTEXT indexes of the current database that no MATCH … AGAINST has searched since performance_schema's statement digests began (server start or the last TRUNCATE of events_statements_summary_by_digest). InnoDB does not count FULLTEXT reads in table_io_waits_summary_by_index_usage, so the check reads the digests instead: an index is used when a digest names its table and has MATCH over exactly its columns; MATCH inside a procedure, function, trigger, event or view of the database counts as use too (statements inside stored programs have no digest). Every unused FULLTEXT index still costs on each write (the FTS cache, its auxiliary tables, OPTIMIZE TABLE). Skipped when performance_schema or the statements_digest consumer is off, or when digests were lost (Performance_schema_digest_lost > 0: a full digest table cannot vouch that a statement never ran).";

    public override string Needs => "performance_schema = ON with the statements_digest consumer; SELECT on performance_schema";

    public override bool NeedsPerformanceSchema => true;

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT CONCAT(table_name, '.', index_name) AS target, table_name, index_name,
               GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ',') AS columns
        FROM information_schema.statistics
        WHERE table_schema = DATABASE() AND index_type = 'FULLTEXT'
        GROUP BY table_name, index_name
        """;

    /// <summary>The statement digests that search a FULLTEXT index, and when the digest statistics began.</summary>
    public const string DigestSql = """
        SELECT schema_name, digest_text
        FROM performance_schema.events_statements_summary_by_digest
        WHERE digest_text LIKE '%MATCH%AGAINST%'
        """;

    /// <summary>When the digest statistics began: the oldest digest's first sighting (server start or the last TRUNCATE).</summary>
    private const string SinceSql = "SELECT DATE_FORMAT(MIN(first_seen), '%Y-%m-%d %H:%i') FROM performance_schema.events_statements_summary_by_digest";

    /// <summary>The bodies of the database's stored programs and views that search a FULLTEXT index.</summary>
    private const string ProgramSql = """
        SELECT routine_definition AS body FROM information_schema.routines WHERE routine_schema = DATABASE() AND routine_definition LIKE '%MATCH%AGAINST%'
        UNION ALL SELECT action_statement FROM information_schema.triggers WHERE trigger_schema = DATABASE() AND action_statement LIKE '%MATCH%AGAINST%'
        UNION ALL SELECT event_definition FROM information_schema.events WHERE event_schema = DATABASE() AND event_definition LIKE '%MATCH%AGAINST%'
        UNION ALL SELECT view_definition FROM information_schema.views WHERE table_schema = DATABASE() AND view_definition LIKE '%MATCH%AGAINST%'
        """;

    private const string LostSql = "SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'PERFORMANCE_SCHEMA_DIGEST_LOST'";

    protected override string? SkipReason(HealthCheckContext context)
    {
        if (!MySqlHealth.PerformanceSchemaOn(context))
        {
            return "performance_schema is off, so no statement digests are kept (set performance_schema = ON and restart).";
        }

        if (!(context.Query("SELECT enabled FROM performance_schema.setup_consumers WHERE name = 'statements_digest'", Title).SingleOrDefault()?.Boolean("enabled") ?? false))
        {
            return "The statements_digest consumer is disabled (UPDATE performance_schema.setup_consumers SET enabled = 'YES' WHERE name = 'statements_digest'; the check can judge from then on).";
        }

        var lost = Convert.ToInt64(context.Session.Scalar(MySqlHealth.StatusQuery(context, LostSql), "Reading Performance_schema_digest_lost") ?? 0L, CultureInfo.InvariantCulture);
        return lost > 0
            ? $"{lost.ToString(CultureInfo.InvariantCulture)} statement digest(s) were lost (the digest table is full), so an unlisted search cannot be ruled out; raise performance_schema_digests_size or TRUNCATE performance_schema.events_statements_summary_by_digest and run again later."
            : null;
    }

    protected override IReadOnlyList<LiveRow> Candidates(HealthCheckContext context)
    {
        var indexes = base.Candidates(context);
        if (indexes.Count == 0)
        {
            return indexes;
        }

        var digests = context.Query(DigestSql, "Reading the statement digests that use MATCH");
        var searches = digests.Where(d => d.String("schema_name") is null || string.Equals(d.String("schema_name"), context.Database, StringComparison.Ordinal) || Mentions(d.String("digest_text"), context.Database))
            .Select(d => d.String("digest_text") ?? string.Empty)
            .Concat(context.Query(ProgramSql, "Reading the stored programs and views that use MATCH").Select(p => p.String("body") ?? string.Empty))
            .ToList();
        var since = Convert.ToString(context.Session.Scalar(SinceSql, "Reading when the digests began"), CultureInfo.InvariantCulture) is { Length: > 0 } first ? first : "the server started";
        return indexes
            .Where(i => !searches.Any(s => Searches(s, i.String("table_name") ?? string.Empty, (i.String("columns") ?? string.Empty).Split(','))))
            .Select(i => WithSince(i, since))
            .ToList();
    }

    private static LiveRow WithSince(LiveRow row, string since)
    {
        var values = row.Columns.ToDictionary(c => c, c => row[c], StringComparer.OrdinalIgnoreCase);
        values["since"] = since;
        return new LiveRow(values);
    }

    /// <summary>True when the statement names the table and has a MATCH over exactly these columns (in any order, qualified or not).</summary>
    public static bool Searches(string statement, string table, IReadOnlyList<string> columns)
    {
        if (!Mentions(statement, table))
        {
            return false;
        }

        var wanted = columns.Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return MatchList().Matches(statement).Any(m =>
        {
            var listed = m.Groups[1].Value.Split(',').Select(c => Unquote(c.Split('.')[^1]).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            return listed.SetEquals(wanted);
        });
    }

    /// <summary>True when the identifier appears as a word, quoted or not (digests quote names and upper-case keywords).</summary>
    private static bool Mentions(string? statement, string identifier) =>
        statement is not null && Regex.IsMatch(statement, $"(?<![A-Za-z0-9_$]){Regex.Escape(identifier)}(?![A-Za-z0-9_$])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Unquote(string name) => name.Trim().Trim('`').Trim();

    [GeneratedRegex(@"MATCH\s*\(([^()]*)\)\s*AGAINST", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MatchList();

    protected override string Describe(LiveRow row, double? measured) =>
        $"No MATCH … AGAINST over ({row.String("columns")}) on {row.String("table_name")} among the statement digests since {row.String("since")}, nor in a stored program or view.";

    protected override string Recommend(LiveRow row) =>
        "Confirm over a full business cycle (and on replicas, whose digests are their own), then drop it: every write pays for it in the FTS cache and its auxiliary tables.";

    protected override string? Fix(LiveRow row) => $"ALTER TABLE {MySqlHealth.Table(row)} DROP INDEX {MySqlWriter.Id(row.String("index_name")!)};";
}
