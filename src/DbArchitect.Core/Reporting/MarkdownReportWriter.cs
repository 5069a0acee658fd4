using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// A Markdown summary for a CI job summary page ($GITHUB_STEP_SUMMARY, Azure's task.uploadsummary): counts per level,
/// then the problems worst first, then how many rows passed or were skipped.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(PipelineReport report)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(Cell(report.Title)).Append("\n\n");
        var counts = report.Counts().Where(c => c.Value > 0).OrderByDescending(c => c.Key).ToList();
        md.Append("| Level | Count |\n|---|---:|\n");
        foreach (var (level, count) in counts)
        {
            md.Append("| ").Append(level).Append(" | ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        md.Append("| **Total** | ").Append(report.Findings.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n\n");

        var problems = report.Findings.Where(f => ReportLevels.IsProblem(f.Level)).OrderByDescending(f => f.Level).ToList();
        if (problems.Count == 0)
        {
            md.Append("No problems found.\n");
        }
        else
        {
            md.Append("| Level | Rule | Target | Message | Recommendation |\n|---|---|---|---|---|\n");
            foreach (var f in problems)
            {
                md.Append("| ").Append(f.Level)
                  .Append(" | ").Append(Code(f.RuleId))
                  .Append(" | ").Append(Cell(f.Target ?? f.Location?.ToString()))
                  .Append(" | ").Append(Cell(f.Message))
                  .Append(" | ").Append(Cell(f.Recommendation))
                  .Append(" |\n");
            }
        }

        var passed = report.Findings.Count(f => f.Level == ReportLevel.Pass);
        var skipped = report.Findings.Where(f => f.Level == ReportLevel.Skipped).ToList();
        md.Append('\n').Append(passed.ToString(CultureInfo.InvariantCulture)).Append(" passed, ")
          .Append(skipped.Count.ToString(CultureInfo.InvariantCulture)).Append(" skipped.\n");
        if (skipped.Count > 0)
        {
            md.Append("\n<details><summary>Skipped</summary>\n\n");
            foreach (var s in skipped)
            {
                md.Append("- ").Append(Code(s.RuleId)).Append(": ").Append(Cell(s.Message)).Append('\n');
            }

            md.Append("\n</details>\n");
        }

        return md.ToString();
    }

    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    /// <summary>Text safe inside a table cell: pipes, HTML and line breaks neutralised.</summary>
    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '|' or '\\' or '<' or '>' or '*' or '[' or ']' or '`':
                    builder.Append('\\').Append(ch);
                    break;
                case '\r':
                    break;
                case '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(ch);
                    break;
            }
        }

        return builder.ToString();
    }
}
