using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>
/// Generated hostile files (deep brackets, anchors and aliases, huge and odd figures, wide entities): the reader never
/// throws, reports at most the capped number of errors, every one inside the file; valid ones design without a raw
/// exception or a wrapped-around figure.
/// </summary>
public sealed class RequirementsRobustnessProperties
{
    private static readonly string[] Fragments =
    {
        "[", "]", "{", "}", ",", ":", " ", "\n", "  ", "- ", "&a ", "*a", "&b ", "*b", "[*a, *a, *a, *a]", "&a [*b, *b, *b, *b, *b]",
        "'", "\"", "#", "rows: ", "retention: ", "memoryGb: ", "9223372036854775807", "-1", "1e308", "99999999y", "0", "1e18",
        "name: ", "type: ", "json", "int", "default: ", "entities:", "attributes:", "application: { name: x }", "\t", "?", "|", ">",
        "!!str ", "!!binary ", "---", "...", "%YAML 1.2\n", "é", "\uFFFD", "\u0000", "😀",
    };

    private static readonly string[] Figures =
    {
        "0", "1", "-1", "9223372036854775807", "-9223372036854775808", "4611686018427387904", "10000000000000", "10000000000001",
        "2147483647", "2147483648", "1e18", "1e308", "-1e308", "NaN", ".inf", "0.0000001", "65536", "65537", "4096", "4097", "3.5",
    };

    /// <summary>Figures inside every range (or near the top of one), so that most generated files design.</summary>
    private static readonly string[] Plausible = { "1", "16", "4096", "65536", "1000000", "10000000", "10000000000000" };

    private static readonly string[] Retentions = { "1d", "36525d", "36526d", "100y", "101y", "99999999y", "1200m", "5218w", "0y", "1y" };

    private static Gen<string> HostileText() =>
        Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts));

    private static Gen<string> Nested() =>
        Gen.Choose(1, 5_000).Select(depth => "application: { name: x }\nentities: " + new string('[', depth) + new string(']', depth) + "\n");

    private static Gen<string> Figure() => Gen.Frequency((4, Gen.Elements(Plausible)), (1, Gen.Elements(Figures)));

    private static Gen<string> FigureSpec() =>
        from records in Figure()
        from perDay in Figure()
        from rows in Figure()
        from memory in Figure()
        from cpus in Figure()
        from tps in Figure()
        from users in Figure()
        from retention in Gen.Elements(Retentions)
        from engine in Gen.Elements("auto", "postgresql", "mysql", "sqlserver", "oracle", "sqlite")
        select string.Create(CultureInfo.InvariantCulture, $$"""
            application: { name: x }
            workload: { records: {{records}}, recordsPerDay: {{perDay}}, tps: {{tps}}, concurrentUsers: {{users}}, retention: {{retention}} }
            hardware: { memoryGb: {{memory}}, cpus: {{cpus}} }
            engine: {{engine}}
            entities:
              - name: thing
                rows: {{rows}}
                rowsPerDay: {{perDay}}
                attributes:
                  - { name: a, type: string(200) }
            """);

    private static bool ReadsWithinBounds(string yaml)
    {
        var result = Read(yaml);
        var lines = yaml.Count(c => c == '\n') + 1;
        return result.Errors.Count <= 101
            && result.Errors.Count == 0 == result.IsValid
            && result.Errors.All(e => e.Location is { Line: >= 1, Column: >= 1 } l && l.Line <= lines + 1 && !string.IsNullOrWhiteSpace(e.Fix));
    }

    [Property(MaxTest = 1000)]
    public Property Hostile_text_is_read_without_throwing_and_every_error_points_inside_the_file() =>
        Prop.ForAll(HostileText().ToArbitrary(), ReadsWithinBounds);

    [Property(MaxTest = 200)]
    public Property Any_nesting_depth_is_read_without_throwing() =>
        Prop.ForAll(Nested().ToArbitrary(), ReadsWithinBounds);

    [Property(MaxTest = 300)]
    public Property Any_figure_is_refused_with_a_located_error_or_designs_with_sane_figures() =>
        Prop.ForAll(FigureSpec().ToArbitrary(), yaml =>
        {
            if (!ReadsWithinBounds(yaml))
            {
                return false;
            }

            var result = Read(yaml);
            if (!result.IsValid)
            {
                return true;
            }

            try
            {
                var design = DesignEngine.Create(result.Requirement!);
                return design.CapacityForecast!.Tables.All(t => t.TotalToday >= 0 && t.TotalAtRetention >= 0 && t.RowsAtRetention >= 0)
                    && design.Decisions.All(d => !d.Decision.Contains("-21474", StringComparison.Ordinal) && !d.Reason.Contains("-21474", StringComparison.Ordinal));
            }
            catch (DbArchitectException)
            {
                return true;
            }
        });
}
