using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>Monitoring &amp; Maintenance: the scheduled jobs (name, schedule, command, why) and the health views.</summary>
internal static partial class DesignDocument
{
    static partial void MonitoringDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        var plan = design.Maintenance;
        if (plan.Jobs.Count > 0)
        {
            md.Heading(4, "Maintenance jobs");
            md.Line(Row("Job", "Schedule", "Runs", "Command", "Why"));
            md.Line(Row("---", "---", "---", "---", "---"));
            foreach (var job in plan.Jobs)
            {
                md.Line(Row(Cell(job.Name), Code(job.Schedule), Cell(job.Runner), Code(job.Command), Cell(job.Reason)));
            }

            md.EndBlock();
        }

        if (plan.Views.Count > 0)
        {
            md.Heading(4, "Health views");
            md.Line(Row("View", "Shows", "Created by"));
            md.Line(Row("---", "---", "---"));
            foreach (var view in plan.Views)
            {
                md.Line(Row(Code(view.Name), Cell(view.Purpose), Cell(view.File)));
            }

            md.EndBlock();
        }

        var files = scripts.Where(s => s.RelativePath.StartsWith("monitoring/", StringComparison.Ordinal) || s.RelativePath.StartsWith("maintenance/", StringComparison.Ordinal)).ToList();
        if (files.Count > 0)
        {
            if (plan.FilesNote is { } note)
            {
                md.Paragraph(note);
            }
            else
            {
                md.Paragraph("Apply after the build, in the design's database:");
            }

            foreach (var file in files)
            {
                md.Bullet(Escape(file.RelativePath) + " — " + Escape(file.Description));
            }

            md.EndBlock();
        }
    }

    /// <summary>Inline code in a table cell: backticks keep SQL and cron text literal; pipes are escaped for the table.</summary>
    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";
}
