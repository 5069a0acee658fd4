using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>Query Optimization: the ready query of each access pattern, with its parameters, serving index and why.</summary>
internal static partial class DesignDocument
{
    static partial void QueryDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        if (design.QueryTemplates.Count == 0)
        {
            return;
        }

        var file = scripts.FirstOrDefault(s => s.Kind == ScriptKind.Queries);
        if (file is not null)
        {
            md.Paragraph($"Every statement below is prepared by `{Escape(file.RelativePath)}` (run it to check them against the schema; EXECUTE them by name). Sorted pages continue from the last row (keyset), never with OFFSET.");
        }

        foreach (var template in design.QueryTemplates)
        {
            md.Heading(4, Escape(template.AccessPattern));
            if (template.Shape == QueryShape.Skipped)
            {
                md.Paragraph("No query: " + Escape(template.Reason));
                continue;
            }

            var served = template.ServingIndexes.Count > 0 ? string.Join(", ", template.ServingIndexes.Select(i => $"`{Escape(i)}`")) : "no index";
            md.Paragraph($"{Escape(Shape(template.Shape))} on `{Escape(template.Table)}`, served by {served}. {Escape(template.Reason)}");
            foreach (var statement in template.Statements)
            {
                md.Paragraph($"`{Escape(statement.Name)}` — {Escape(statement.Purpose)}");
                md.Line("```sql");
                md.Raw(statement.Sql + "\n");
                md.Line("```");
                md.EndBlock();
                foreach (var parameter in statement.Parameters)
                {
                    md.Bullet($"`{parameter.Placeholder}` {Escape(parameter.NativeType)}: {Escape(parameter.Meaning)}");
                }

                md.EndBlock();
            }
        }
    }

    private static string Shape(QueryShape shape) => shape switch
    {
        QueryShape.Lookup => "Index lookup",
        QueryShape.RangeScan => "Range scan in index order",
        QueryShape.KeysetPage => "Keyset pagination",
        QueryShape.TimeBuckets => "Time-bucket aggregate with window functions",
        QueryShape.Aggregate => "Grouped aggregate",
        QueryShape.FuzzySearch => "Trigram similarity search",
        QueryShape.FullTextSearch => "Full-text search",
        QueryShape.NearSearch => "Nearest rows inside a box around a point",
        _ => shape.ToString(),
    };
}
