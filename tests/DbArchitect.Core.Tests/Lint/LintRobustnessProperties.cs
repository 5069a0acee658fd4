using DbArchitect.Core.Lint;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DbArchitect.Core.Tests.Lint;

/// <summary>Whatever a migration file holds, the linter reports findings inside the file and never throws.</summary>
public sealed class LintRobustnessProperties
{
    private static readonly string[] Fragments =
    {
        "ALTER", "TABLE", "t", "ADD", "COLUMN", "c", "int", "NOT", "NULL", "DEFAULT", "(", ")", ",", ";", "'", "\"", "$$", "$x$",
        "--", "/*", "*/", "\n", " ", "CREATE", "INDEX", "ON", "DROP", "BEGIN", "COMMIT", "CONCURRENTLY", "`", "[", "]", "GO\n",
        "DELIMITER $$\n", "#", "TYPE", "RENAME", "TO", "CONSTRAINT", "FOREIGN", "KEY", "REFERENCES", "UNIQUE", "CHECK", ".",
    };

    private static Gen<string> Scripts() =>
        Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts));

    [Property(MaxTest = 300)]
    public Property Any_text_lints_without_throwing_and_findings_point_inside_the_file() =>
        Prop.ForAll(Scripts().ToArbitrary(), text =>
        {
            var lines = text.Count(c => c == '\n') + 1;
            foreach (var engine in new[] { "postgresql", "mysql", "sqlserver" })
            {
                var findings = MigrationLinter.Lint(new LintSource("f.sql", text), new LintOptions(engine));
                if (findings.Any(f => f.Line < 1 || f.Line > lines || f.Column < 1))
                {
                    return false;
                }
            }

            return true;
        });
}
