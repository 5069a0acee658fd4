using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>
/// What every engine's <see cref="IQueryWriter"/> does the same way: find each access pattern's table, plan its query
/// once (<see cref="QueryPlan"/>), let the engine's renderer write it, and record a skipped template with the reason
/// when the entity or a column is missing.
/// </summary>
internal static class QueryTemplates
{
    /// <summary>One template per access pattern, in the requirements' order.</summary>
    public static IReadOnlyList<QueryTemplate> Write(
        DbRequirement requirement, SchemaModel physical, NameScope names, Func<string, string> statementName, Func<QueryPlan, QueryRenderer> renderer)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var byEntity = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var candidate in physical.Tables)
        {
            byEntity.TryAdd(ImplicitColumns.MatchKey(candidate.SourceEntity ?? candidate.Name), candidate);
        }

        var templates = new List<QueryTemplate>();
        foreach (var pattern in requirement.AccessPatterns)
        {
            var table = byEntity.GetValueOrDefault(ImplicitColumns.MatchKey(pattern.Entity));
            if (table is null)
            {
                templates.Add(Skipped(pattern, null, $"No table for entity {pattern.Entity}."));
                continue;
            }

            try
            {
                templates.Add(renderer(QueryPlan.For(table, pattern)).Build(statementName(pattern.Name), names.Claim));
            }
            catch (KeyNotFoundException ex)
            {
                templates.Add(Skipped(pattern, table.Name, char.ToUpperInvariant(ex.Message[0]) + ex.Message[1..]));
            }
        }

        return templates;
    }

    /// <summary>"customer order history" → customer_order_history (q_ before a leading digit or for an empty name).</summary>
    /// <summary>
    /// The procedure name of an access pattern on engines that store templates as routines (SQL Server, MySQL):
    /// "q_" and the pattern's words in snake_case, any character other than a letter or digit made an underscore. A
    /// pattern name is free text; a line break kept inside a bracketed or back-quoted name put "GO" on a line of its
    /// own, which sqlcmd takes as the end of a batch (issue 13).
    /// </summary>
    public static string RoutineName(string patternName)
    {
        var chars = Naming.Apply(NamingStyle.SnakeCase, patternName).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return "q_" + string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string StatementName(string patternName)
    {
        var chars = patternName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var name = string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "q_" + name : name;
    }

    /// <summary>
    /// The comment lines above a template in a queries file: the pattern (with its rate), then "Skipped: why", or the
    /// serving index and the reason. A skipped template has no statements, so nothing follows it.
    /// </summary>
    public static Func<QueryTemplate, IEnumerable<string>> Headings(DbDesign design)
    {
        var rates = design.Requirement.AccessPatterns
            .GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PerSecond, StringComparer.Ordinal);
        return template =>
        {
            var rate = rates.GetValueOrDefault(template.AccessPattern) is { } perSecond ? $" ({perSecond.ToString(CultureInfo.InvariantCulture)}/s)" : string.Empty;
            return template.Shape == QueryShape.Skipped
                ? new[] { template.AccessPattern + rate, "Skipped: " + template.Reason }
                : new[]
                {
                    template.AccessPattern + rate,
                    template.ServingIndexes.Count > 0 ? "Served by: " + string.Join(", ", template.ServingIndexes) : "Served by: no dedicated index",
                    template.Reason,
                };
        };
    }

    private static QueryTemplate Skipped(AccessPatternSpec pattern, string? table, string reason) =>
        new(pattern.Name, table, QueryShape.Skipped, Array.Empty<QueryStatement>(), Array.Empty<string>(), reason);
}
