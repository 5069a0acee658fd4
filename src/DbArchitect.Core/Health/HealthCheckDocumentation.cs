using System.Text;

namespace DbArchitect.Core.Health;

/// <summary>
/// docs/health-checks.md, written from the catalog so the documentation of every check id is its class's own text.
/// A test keeps the committed file equal to this output.
/// </summary>
public static class HealthCheckDocumentation
{
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# Health checks\n\n")
          .Append("Every check Invoke-DbHealthCheck runs, by its stable CheckId. A check id means the same thing on every engine that has it; ")
          .Append("the engines' queries differ. Thresholds are the defaults: override them per check, database or object with ")
          .Append("`-Threshold @{ CHECK_ID = 20; 'CHECK_ID@database:schema.object' = @{ Warning = 10; Critical = 40 } }` or a settings file ")
          .Append("(`-SettingsPath`, JSON with `thresholds` and `exclusions`; every exclusion needs a `reason`).\n\n")
          .Append("This file is generated from the check classes (src/DbArchitect.Core/Engines/*/Health); a test fails when it is out of date.\n\n");
        md.Append("| CheckId | Category | Engines | Default threshold |\n|---|---|---|---|\n");
        foreach (var group in Groups())
        {
            var first = group.First();
            md.Append("| [").Append(first.Id).Append("](#").Append(first.Id.ToLowerInvariant()).Append(") | ").Append(first.Category).Append(" | ")
              .Append(string.Join(", ", group.SelectMany(c => c.Engines).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))).Append(" | ")
              .Append(Threshold(first)).Append(" |\n");
        }

        foreach (var group in Groups())
        {
            md.Append("\n## ").Append(group.Key).Append("\n\n");
            foreach (var check in group)
            {
                md.Append("**").Append(string.Join(", ", check.Engines)).Append("** — ").Append(check.Title)
                  .Append(check.Deep ? " (only with -Deep)" : string.Empty).Append(". ").Append(check.Description);
                if (!check.DefaultThreshold.IsNone)
                {
                    md.Append(" Default threshold: ").Append(check.DefaultThreshold).Append('.');
                }

                md.Append(" Needs: ").Append(check.Needs).Append('.');

                md.Append("\n\n");
            }
        }

        return md.ToString();
    }

    private static IEnumerable<IGrouping<string, HealthCheck>> Groups() =>
        HealthCheckCatalog.All.GroupBy(c => c.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);

    private static string Threshold(HealthCheck check) => check.DefaultThreshold.IsNone ? "presence" : check.DefaultThreshold.ToString();
}
