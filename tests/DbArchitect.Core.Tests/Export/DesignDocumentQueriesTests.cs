using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.Export;

public sealed class DesignDocumentQueriesTests
{
    private static string Section()
    {
        var design = DesignEngine.Create(Spec.Shop());
        var scripts = EngineRegistry.Get("postgresql").Scripts.Generate(design);
        var document = DesignExporter.Plan(design, scripts).Single(f => f.RelativePath == "design.md").Content;
        var start = document.IndexOf("### Query Optimization", StringComparison.Ordinal);
        var end = document.IndexOf("### Performance Tuning", start, StringComparison.Ordinal);
        return document[start..end];
    }

    [Fact]
    public void QueryOptimizationShowsEachStatementAsSqlWithItsServingIndexAndParameters()
    {
        var section = Section();
        Assert.Contains("#### customer order history", section, StringComparison.Ordinal);
        Assert.Contains("Keyset pagination on `order`, served by `ix_order_customer_id_created_at`.", section, StringComparison.Ordinal);
        Assert.Contains("`customer_order_history_next` — Next page", section, StringComparison.Ordinal);
        Assert.Contains("```sql\nSELECT date_trunc('day', created_at) AS day, sum(total) AS sum_total,", section, StringComparison.Ordinal);
        Assert.Contains("- `$2` timestamptz: created_at of the last row of the previous page", section, StringComparison.Ordinal);
        Assert.Contains("queries/access_patterns.sql", section, StringComparison.Ordinal);
    }
}
