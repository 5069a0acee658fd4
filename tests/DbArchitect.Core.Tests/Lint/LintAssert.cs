using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Tests.Lint;

internal static class LintAssert
{
    public static IReadOnlyList<LintFinding> Lint(string engine, string sql, LintOptions? options = null) =>
        MigrationLinter.Lint(new LintSource("m.sql", sql), options ?? new LintOptions(engine)).Where(f => !f.Suppressed).ToArray();

    /// <summary>The ids of the findings, for compact assertions.</summary>
    public static string[] Rules(string engine, string sql, LintOptions? options = null) =>
        Lint(engine, sql, options).Select(f => f.RuleId).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToArray();
}
