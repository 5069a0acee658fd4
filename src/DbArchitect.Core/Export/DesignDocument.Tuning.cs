using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>Performance Tuning: every recommended server setting with its source and reason, and the files that apply them.</summary>
internal static partial class DesignDocument
{
    static partial void TuningDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        if (design.Configuration is not { } config)
        {
            return;
        }

        md.Paragraph(config.SettingsNote ?? "Server settings (source `derived`: computed from the stated hardware and workload by the rule in each reason):");
        md.Line(Row("Setting", "Value", "Source", "Restart", "Reason"));
        md.Line(Row("---", "---", "---", "---", "---"));
        foreach (var setting in config.Settings)
        {
            md.Line(Row(
                Cell(setting.Name) + (setting.PerRole ? " (per role)" : string.Empty),
                Cell(setting.Value),
                setting.Source == ConfigSource.Derived ? "derived" : config.ReferenceSource,
                setting.RequiresRestart ? "yes" : "no",
                Cell(setting.Reason)));
        }

        md.EndBlock();
        if (config.TableSettings.Count > 0)
        {
            md.Paragraph(config.TableSettingsLabel + ":");
            md.Line(Row("Table", "Storage parameters", "Reason"));
            md.Line(Row("---", "---", "---"));
            foreach (var table in config.TableSettings)
            {
                md.Line(Row(Cell(table.Table), Cell(string.Join(", ", table.Parameters.Select(p => p.Key + " = " + p.Value))), Cell(table.Reason)));
            }

            md.EndBlock();
        }

        var files = scripts.Where(s => s.Kind == ScriptKind.Config).Select(s => "`" + s.RelativePath + "`").ToList();
        md.Paragraph(config.FileLabel + (files.Count > 0 ? " (also as " + string.Join(", ", files) + ")" : string.Empty) + ":");
        md.Line("```" + config.FileLanguage);
        md.Raw(config.ConfigFile);
        md.Line("```");
        md.EndBlock();
    }
}
