using DbArchitect.Core.Design;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>design.md, Technology Selection: every known engine ranked with its top reasons, and the supporting technologies.</summary>
internal static partial class DesignDocument
{
    static partial void TechnologyDetails(MarkdownBuilder md, DbDesign design)
    {
        if (design.Technologies.Count > 0)
        {
            md.Heading(4, "Technology Ranking");
            md.Paragraph($"Every engine the requirements format knows, scored from a base of {Number(DbArchitect.Core.Technology.TechnologyScoring.BaseScore)}; the top reasons are the three factors that moved each score most, with their points:");
            md.Line(Row("Rank", "Engine", "Category", "Score", "Verdict", "Top reasons"));
            md.Line(Row("---:", "---", "---", "---:", "---", "---"));
            foreach (var r in design.Technologies)
            {
                md.Line(Row(Number(r.Rank), Cell(r.DisplayName), Cell(r.Category), Number(r.Score), Cell(r.Verdict), Cell(r.TopReasons)));
            }

            md.EndBlock();
            var first = design.Technologies[0];
            md.Paragraph($"Why {Escape(first.DisplayName)} ranks first:");
            foreach (var reason in first.Reasons)
            {
                md.Bullet($"{Escape(reason.Factor)} ({(reason.Points > 0 ? "+" : string.Empty)}{Number(reason.Points)}): {Escape(reason.Explanation)}"
                    + (reason.Source is { } source ? $" ([source]({source}))" : string.Empty));
            }

            md.EndBlock();
        }

        if (design.SupportingTechnologies.Count > 0)
        {
            md.Heading(4, "Supporting Technologies Considered");
            md.Line(Row("Role", "Needed", "Technology", "Reason"));
            md.Line(Row("---", "---", "---", "---"));
            foreach (var s in design.SupportingTechnologies)
            {
                md.Line(Row(Cell(s.Role), s.Needed ? "yes" : "no", Cell(s.Technology), Cell(s.Reason)));
            }

            md.EndBlock();
        }
    }
}
