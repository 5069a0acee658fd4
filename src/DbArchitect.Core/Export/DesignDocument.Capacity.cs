using DbArchitect.Core.Design;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>design.md, Partitioning Strategy: the capacity forecast the partitioning decisions rest on.</summary>
internal static partial class DesignDocument
{
    static partial void PartitioningDetails(MarkdownBuilder md, DbDesign design)
    {
        var forecast = design.CapacityForecast;
        if (forecast.Tables.Count == 0)
        {
            return;
        }

        md.Heading(4, "Capacity forecast");
        md.Line(Row("Table", "Row bytes", "Rows today", "Rows +1 year", "Rows +3 years", "Rows at retention", "Heap at retention", "Indexes at retention", "Total today", "Total +1 year", "Total +3 years", "Total at retention"));
        md.Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var t in forecast.Tables)
        {
            md.Line(Row(Cell(t.Table), Number(t.RowBytes), Number(t.Rows.Today), Number(t.Rows.OneYear), Number(t.Rows.ThreeYears), Number(t.Rows.AtRetention),
                Capacity.Bytes(t.HeapBytes.AtRetention + t.ToastBytes.AtRetention), Capacity.Bytes(t.IndexBytes.AtRetention),
                Capacity.Bytes(t.TotalBytes.Today), Capacity.Bytes(t.TotalBytes.OneYear), Capacity.Bytes(t.TotalBytes.ThreeYears), Capacity.Bytes(t.TotalBytes.AtRetention)));
        }

        var total = forecast.TotalBytes;
        md.Line(Row("**All tables**", "–", Number(forecast.Rows.Today), Number(forecast.Rows.OneYear), Number(forecast.Rows.ThreeYears), Number(forecast.Rows.AtRetention),
            Capacity.Bytes(forecast.HeapBytes.AtRetention), Capacity.Bytes(forecast.IndexBytes.AtRetention),
            Capacity.Bytes(total.Today), Capacity.Bytes(total.OneYear), Capacity.Bytes(total.ThreeYears), Capacity.Bytes(total.AtRetention)));
        md.EndBlock();

        md.Line(Row("Index", "Table", "Method", "Entry bytes", "Today", "At retention", "Basis"));
        md.Line("|---|---|---|---:|---:|---:|---|");
        foreach (var i in forecast.Tables.SelectMany(t => t.Indexes))
        {
            md.Line(Row(Cell(i.Index), Cell(i.Table), i.Method + (i.Estimate ? " (estimate)" : string.Empty), Number(i.EntryBytes),
                Capacity.Bytes(i.Bytes.Today), Capacity.Bytes(i.Bytes.AtRetention), Cell(i.Basis)));
        }

        md.EndBlock();
        foreach (var assumption in forecast.Assumptions)
        {
            md.Bullet(Escape(assumption));
        }

        md.EndBlock();
    }
}
