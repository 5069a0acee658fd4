using System.Globalization;
using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Indexing;

/// <summary>What a recommendation does; Review is a finding to confirm by hand, with no DDL (an index that looks unused).</summary>
public enum RecommendationAction { Create, Drop, Replace, Review }

/// <summary>
/// One piece of index advice: create, drop or replace an index, with the figures it rests on (weighted cost of the
/// statements it touches before and after, in the cost model's units; size; write overhead), the rule and queries
/// behind it, how sure the figures are, and the engine's online DDL. Rejected candidates carry the reason they lost.
/// Piped to ConvertTo-DbSql or Export-DbDesign, each becomes one script file.
/// </summary>
public sealed record IndexRecommendation(
    string Engine,
    RecommendationAction Action,
    string Schema,
    string Table,
    string IndexName,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Include,
    string? Predicate,
    string Method,
    string Rule,
    string Reason,
    double? CostBefore,
    double? CostAfter,
    double? BenefitPercent,
    double? EstimatedSizeMB,
    double WriteOverhead,
    string Confidence,
    string Sql,
    bool Rejected,
    int Order,
    IReadOnlyList<QueryCost> Queries,
    string? ReplacesIndex) : IScriptSource
{
    /// <summary>Whether the statement must run outside a transaction block (CREATE INDEX CONCURRENTLY).</summary>
    public bool OutsideTransaction { get; init; }

    /// <summary>The index itself, for engines that rebuild it another way (a what-if or in-transaction build); null for drops.</summary>
    public IndexDefinition? Definition { get; init; }

    public string Title => $"{(Rejected ? "rejected " : string.Empty)}{Action} index {IndexName} on {Table}";

    public IReadOnlyList<SqlScript> ToScripts()
    {
        if (Rejected || Action == RecommendationAction.Review)
        {
            return Array.Empty<SqlScript>();
        }

        var text = string.Join("\n", CommentLines()) + "\n" + Sql + "\n";
        var path = $"index-advice/{Order.ToString("00", CultureInfo.InvariantCulture)}-{Action.ToString().ToLowerInvariant()}-{IndexName}.sql";
        return new[] { new SqlScript(path, Order, ScriptKind.Indexes, Engine, Title, text, !OutsideTransaction) };
    }

    private IEnumerable<string> CommentLines()
    {
        yield return $"-- {Action} index {IndexName} on {Table}: {Rule}";
        yield return CommentText.Sql(Reason);
        if (CostBefore is { } before && CostAfter is { } after)
        {
            yield return FormattableString.Invariant($"-- weighted cost {before:0.##} -> {after:0.##} ({BenefitPercent:0.#} % less), {Confidence}");
        }
    }
}
