using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// The access patterns' ready queries (<see cref="SqliteQueryBuilder"/> writes each) and queries/access_patterns.sql.
/// SQLite has no server-side PREPARE statement: the application prepares each statement through its driver
/// (sqlite3_prepare_v2) and binds ?1, ?2 …; the file lists them with their parameters.
/// </summary>
internal sealed class SqliteQueries : IQueryWriter
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns (prepare each in the application, bind ?1, ?2 …): keyset pages with row values, time buckets with window functions, FTS5 search ranked by bm25; each names the index that serves it.";

    public static bool IsNeeded(DbDesign design) => design.Requirement.AccessPatterns.Count > 0;

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var names = new NameScope(new SqliteIdentifiers().MaxIdentifierBytes, caseSensitive: false);
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
                templates.Add(new SqliteQueryBuilder(table, physical, pattern).Build(StatementName(pattern.Name), names.Claim));
            }
            catch (KeyNotFoundException ex)
            {
                templates.Add(Skipped(pattern, table.Name, char.ToUpperInvariant(ex.Message[0]) + ex.Message[1..]));
            }
        }

        return templates;
    }

    public static void WriteFile(W writer, DbDesign design)
    {
        var templates = design.QueryTemplates.Count > 0 ? design.QueryTemplates : new SqliteQueries().Write(design.Requirement, design.Physical);
        var rates = design.Requirement.AccessPatterns
            .GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PerSecond, StringComparer.Ordinal);
        foreach (var template in templates)
        {
            writer.BlankLine();
            var rate = rates.GetValueOrDefault(template.AccessPattern) is { } perSecond ? $" ({perSecond.ToString(CultureInfo.InvariantCulture)}/s)" : string.Empty;
            writer.Comment($"{template.AccessPattern}{rate}");
            if (template.Shape == QueryShape.Skipped)
            {
                writer.Comment("Skipped: " + template.Reason);
                continue;
            }

            writer.Comment(template.ServingIndexes.Count > 0 ? "Served by: " + string.Join(", ", template.ServingIndexes) : "Served by: no dedicated index");
            writer.Comment(template.Reason);
            foreach (var statement in template.Statements)
            {
                writer.Comment($"{statement.Name}: {statement.Purpose}" + (statement.Parameters.Count > 0
                    ? " " + string.Join("; ", statement.Parameters.Select(p => $"{p.Placeholder} ({p.NativeType}): {p.Meaning}"))
                    : string.Empty));
                writer.Statement(statement.Sql);
            }
        }
    }

    private static QueryTemplate Skipped(AccessPatternSpec pattern, string? table, string reason) =>
        new(pattern.Name, table, QueryShape.Skipped, Array.Empty<QueryStatement>(), Array.Empty<string>(), reason);

    private static string StatementName(string patternName)
    {
        var chars = patternName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var name = string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "q_" + name : name;
    }
}
