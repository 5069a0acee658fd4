using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>Data Migration Strategy: points at the playbook script and shows its sequence.</summary>
internal static partial class DesignDocument
{
    static partial void MigrationDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        var playbook = scripts.FirstOrDefault(s => s.RelativePath.StartsWith("migrations/", StringComparison.Ordinal));
        if (playbook is null)
        {
            return;
        }

        md.Paragraph($"`{Escape(playbook.RelativePath)}` installs the online schema-change helpers and works the sequence out for this design. The steps, each run on its own:");
        md.Line("```sql");
        md.Raw(string.Join("\n", playbook.Text.Split('\n')
            .SkipWhile(line => !line.StartsWith("-- Worked example", StringComparison.Ordinal))
            .Where(line => line.StartsWith("--", StringComparison.Ordinal))) + "\n");
        md.Line("```");
        md.EndBlock();
    }
}
