using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Scalability;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>design.md, Scalability Roadmap: the phases as a table and the sharding distribution plan.</summary>
internal static partial class DesignDocument
{
    static partial void RoadmapDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        if (design.Roadmap.Count > 0)
        {
            md.Heading(4, "Roadmap Phases");
            md.Paragraph("Months are counted from today at the stated growth; no calendar dates, so the same requirements give the same roadmap.");
            md.Line(Row("Phase", "Trigger", "Expected", "Step", "Reason"));
            md.Line(Row("---:", "---", "---", "---", "---"));
            foreach (var phase in design.Roadmap)
            {
                md.Line(Row(Number(phase.Order), Cell(phase.Trigger), Cell(phase.ExpectedIn), Cell(phase.Step), Cell(phase.Reason)));
            }

            md.EndBlock();
        }

        if (design.Distribution is { } plan)
        {
            md.Heading(4, "Distribution Plan");
            md.Paragraph($"{Escape(plan.Technology)}, distribution column **{Escape(plan.DistributionColumn)}**: {Escape(plan.Reason)}.");
            md.Line(Row("Table", "Role", "Column", "Co-location group", "Reason"));
            md.Line(Row("---", "---", "---", "---", "---"));
            foreach (var table in plan.Tables)
            {
                md.Line(Row(Cell(table.Table), Enum(table.Role), Cell(table.Column), Cell(table.ColocationGroup), Cell(table.Reason)));
            }

            md.EndBlock();
            var script = scripts.FirstOrDefault(s => s.Kind == ScriptKind.Reference && s.RelativePath.StartsWith("sharding/", StringComparison.Ordinal));
            if (script is not null)
            {
                md.Paragraph($"The reference script {Escape(script.RelativePath)} prepares the keys (plain SQL) and creates the distributed tables (needs {Escape(plan.Technology)}).");
            }
        }
    }
}
