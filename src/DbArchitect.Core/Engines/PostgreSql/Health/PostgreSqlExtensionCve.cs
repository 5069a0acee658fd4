using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// EXTENSION_CVE: an installed extension version with a published CVE that a later version fixes, from the curated
/// advisories shipped with the module (<see cref="PostgreSqlExtensionAdvisory"/>): the CVE, where it is described, and
/// whether ALTER EXTENSION … UPDATE here reaches the fix or the package must be upgraded first.
/// </summary>
internal sealed class PostgreSqlExtensionCve : PostgreSqlHealthCheck
{
    public override string Id => "EXTENSION_CVE";

    public override string Title => "Extension version with a known CVE";

    public override string Category => "Security";

    public override string Description => "Installed extensions (pg_extension.extversion) in the affected range of a published CVE, from the curated list shipped with the module (extension-cves.tsv: extension, affected range, fixed-in version, CVE, source, and whether the fix is in the extension's objects — then it applies only after ALTER EXTENSION … UPDATE in each database — or in the package's library, fixed by upgrading the package). Critical, with the CVE and its source; the fix is the UPDATE when the server's package (pg_available_extensions.default_version) already has the fixed version, else the package upgrade first. The list covers what it names (adminpack, pg_partman, timescaledb, pgvector so far), not every extension: EXTENSION_UPDATE_AVAILABLE reports every other lagging extension.";

    public override HealthPriority Priority => HealthPriority.High;

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    public override string Sql => """
        SELECT e.extname AS extension_name, e.extversion AS installed, a.default_version AS available
        FROM pg_extension e
        LEFT JOIN pg_available_extensions a ON a.name = e.extname
        """;

    protected override IReadOnlyList<LiveRow> Candidates(HealthCheckContext context) =>
        base.Candidates(context).SelectMany(row => Findings(row, PostgreSqlExtensionAdvisory.All)).ToList();

    /// <summary>One row per advisory that applies to the installed extension.</summary>
    public static IEnumerable<LiveRow> Findings(LiveRow extension, IReadOnlyList<PostgreSqlExtensionAdvisory> advisories)
    {
        var name = extension.String("extension_name") ?? string.Empty;
        var installed = extension.String("installed") ?? string.Empty;
        var available = extension.String("available");
        return advisories
            .Where(a => string.Equals(a.Extension, name, StringComparison.Ordinal) && a.Applies(installed, available))
            .Select(a => new LiveRow(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["target"] = $"{name} ({a.Cve})",
                ["extension_name"] = name,
                ["installed"] = installed,
                ["available"] = available,
                ["cve"] = a.Cve,
                ["fixed_in"] = a.FixedIn,
                ["source"] = a.Source,
                ["impact"] = a.Impact,
                ["fix_by"] = a.UpdateAvailable(available) && a.FixedByUpdate ? "ALTER EXTENSION UPDATE" : "package upgrade",
            }));
    }

    protected override string PassMessage(IReadOnlyList<LiveRow> rows, HealthThreshold threshold) =>
        $"No installed extension version is affected by the {PostgreSqlExtensionAdvisory.All.Count} advisories shipped ({string.Join(", ", PostgreSqlExtensionAdvisory.All.Select(a => a.Extension).Distinct(StringComparer.Ordinal))}).";

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("extension_name")} {row.String("installed")} is affected by {row.String("cve")} ({row.String("impact")}); fixed in {row.String("fixed_in")}. Source: {row.String("source")}.";

    protected override string Recommend(LiveRow row) => row.String("fix_by") == "ALTER EXTENSION UPDATE"
        ? $"The server's package already provides {row.String("available")}: run ALTER EXTENSION … UPDATE in this database (and in every other database that has the extension) in a maintenance window."
        : $"Upgrade the server's {row.String("extension_name")} package to {row.String("fixed_in")} or later (the server provides {row.String("available") ?? "no package"}), then run ALTER EXTENSION … UPDATE in each database that has it.";

    protected override string? Fix(LiveRow row) => row.String("fix_by") == "ALTER EXTENSION UPDATE"
        ? $"ALTER EXTENSION {PostgreSqlWriter.Id(row.String("extension_name")!)} UPDATE;"
        : null;
}
