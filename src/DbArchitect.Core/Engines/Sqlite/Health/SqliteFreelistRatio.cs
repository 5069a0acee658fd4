using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>FREELIST_RATIO: free pages inside the file as a share of all pages.</summary>
internal sealed class SqliteFreelistRatio : SqliteHealthCheck
{
    public override string Id => "FREELIST_RATIO";

    public override string Title => "Free pages in the database file";

    public override string Category => "Vacuum";

    public override string Description => "freelist_count as a % of page_count, for files of 256 pages or more. Deleted data leaves free pages the file keeps (unless auto_vacuum is on); past 25 % the file is mostly air, past 50 % critical.";

    public override HealthThreshold DefaultThreshold => new(25, 50, "%");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT 'main' AS target, f.freelist_count AS free_pages, p.page_count AS pages,
               round(100.0 * f.freelist_count / p.page_count, 1) AS measured
        FROM pragma_freelist_count f, pragma_page_count p
        WHERE p.page_count >= 256
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("free_pages")} of {row.String("pages")} pages are free ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Run VACUUM at a quiet time (it rewrites the file), or PRAGMA auto_vacuum = INCREMENTAL with incremental_vacuum.";

    protected override string? Fix(LiveRow row) => "VACUUM;";
}
