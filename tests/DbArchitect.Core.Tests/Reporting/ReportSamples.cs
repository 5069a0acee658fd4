using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

/// <summary>A small run with every level, a file finding, an object finding and text that needs escaping.</summary>
internal static class ReportSamples
{
    public static IReadOnlyList<IReportFinding> Findings() => new IReportFinding[]
    {
        new ReportFinding("PG_FK_WITHOUT_INDEX", "Foreign key without an index", "Indexes", ReportLevel.Warning,
            "Foreign key orders_customer_fk has no index on (customer_id); 12000 rows.", "public.orders.orders_customer_fk",
            Recommendation: "CREATE INDEX CONCURRENTLY ON public.orders (customer_id);", HelpUri: "https://example.test/checks#PG_FK_WITHOUT_INDEX")
        {
            Properties = new Dictionary<string, string> { ["threshold"] = "0", ["measured"] = "12000" },
        },
        new ReportFinding("PG_FK_WITHOUT_INDEX", "Foreign key without an index", "Indexes", ReportLevel.Pass, "Indexed.", "public.items.items_order_fk"),
        new ReportFinding("PG_TXID_WRAPAROUND", "Transaction ID wraparound", "Vacuum", ReportLevel.Critical,
            "Age 1.6e9 of 2^31 <\"danger\"> & | pipes", "shop"),
        new ReportFinding("PG_AMCHECK", "Index integrity", "Integrity", ReportLevel.Skipped, "amcheck is not installed.", "shop"),
        new ReportFinding("LINT001", "Adding a NOT NULL column without a default", "Migration", ReportLevel.Error,
            "Line breaks\nand 50% ; ] , : survive", null, new ReportLocation("migrations\\001_init.sql", 3, 5)),
        new ReportFinding("PG_CACHE_HIT", "Cache hit ratio", "Performance", ReportLevel.Info, "Cache hit ratio 97.5%.", "shop"),
    };

    public static readonly DateTimeOffset StartedAt = new(2026, 12, 7, 14, 30, 5, TimeSpan.Zero);

    public static readonly TimeSpan Elapsed = TimeSpan.FromMilliseconds(1234);

    public static PipelineReport Report() => new("DbArchitect.PS", "1.0.0", "Health check of postgresql://127.0.0.1:5432/shop", Findings(), StartedAt, Elapsed);
}
