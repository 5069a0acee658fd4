using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// EXTENSION_UPDATE_AVAILABLE: an extension runs an older version of its SQL objects than the server's installed
/// package provides. Upgrading the package (apt) replaces the library at once, but the objects a database created
/// stay at the old version until ALTER EXTENSION … UPDATE runs in that database, so fixes to those objects — security
/// fixes among them — do not apply until then.
/// </summary>
internal sealed class PostgreSqlExtensionUpdate : PostgreSqlHealthCheck
{
    public override string Id => "EXTENSION_UPDATE_AVAILABLE";

    public override string Title => "Extension update available";

    public override string Category => "Security";

    public override string Description => "Extensions whose installed version (pg_extension.extversion) is older than the default version of the package on the server (pg_available_extensions.default_version). The package was upgraded but the database still runs the old extension scripts: their bug and security fixes apply only after ALTER EXTENSION … UPDATE in each database. Read the extension's release notes for the fixes between the two versions.";

    public override string Sql => """
        SELECT e.extname AS target, e.extname AS extension_name, e.extversion AS installed, a.default_version AS available
        FROM pg_extension e
        JOIN pg_available_extensions a ON a.name = e.extname
        WHERE a.default_version IS DISTINCT FROM e.extversion
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Installed version {row.String("installed")}; the server's package provides {row.String("available")}.";

    protected override string Recommend(LiveRow row) =>
        "Read the extension's release notes between the two versions, then run ALTER EXTENSION … UPDATE in this database (and in every other database that has it) in a maintenance window; it takes locks on the objects it changes.";

    protected override string? Fix(LiveRow row) => $"ALTER EXTENSION {PostgreSqlWriter.Id(row.String("extension_name")!)} UPDATE;";
}
