using DbArchitect.Core.Model;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines;

/// <summary>
/// How the shared design code words the engine-neutral model's features, which each engine builds its own way: the
/// tenant column's comment, the index reasons and structure names, the scan a pattern without an index gets,
/// the maintenance partitions make cheaper. <see cref="Neutral"/> says it without any engine's feature names; an
/// engine replaces what it has its own words for (PostgreSQL: GIN, BRIN, INCLUDE, row-level security, vacuum).
/// </summary>
public sealed record EngineWording
{
    /// <summary>Engine-neutral wording: no feature an engine may lack is named.</summary>
    public static EngineWording Neutral { get; } = new();

    /// <summary>After "Tenant that owns this row; ": how a session is kept to its tenant's rows.</summary>
    public string TenantIsolation { get; init; } = "every query states it, so a session reads only its own tenant's rows.";

    /// <summary>Why a trigram index serves a fuzzy search (no final period).</summary>
    public string TrigramSearch { get; init; } = "a trigram index serves similarity ranking, substring ('%term%') and typo-tolerant matching";

    /// <summary>Why an index over a JSON document serves its filter (no final period).</summary>
    public string JsonContainment { get; init; } = "an index over the document's keys and values serves containment filters without reading every document";

    /// <summary>The index kind that summarises ranges of an insert-ordered column ("a block-range index").</summary>
    public string BlockRangeIndex { get; init; } = "a block-range index";

    /// <summary>"; {covering columns} lets it answer from the index alone": how extra columns ride in an index.</summary>
    public Func<IReadOnlyList<string>, string> Covering { get; init; } =
        columns => $"carrying {string.Join(", ", columns)} in the index lets it answer from the index alone";

    /// <summary>
    /// Why a B-tree on (latitude, longitude) serves a proximity search (no final period), given the two columns: the
    /// neutral answer is the bounding box of the radius; an engine with a spatial index says what it would take.
    /// </summary>
    public Func<string, string, string> NearSearch { get; init; } = (latitude, longitude) =>
        $"a proximity search reads the bounding box of its radius ({latitude} between two bounds, {longitude} between two within them) and computes the exact distance only for the rows inside";

    /// <summary>
    /// The suffix of a designed fuzzy-search index's name (after the column), so the name says what the index is for:
    /// the neutral plan's word, which an engine replaces with its own structure's name when it has one.
    /// </summary>
    public string FuzzyIndexSuffix { get; init; } = "_fuzzy";

    /// <summary>The suffix of a designed index over a JSON document's name (after the column).</summary>
    public string JsonIndexSuffix { get; init; } = "_json";

    /// <summary>The suffix of a designed index over an insert-ordered range column's name (after the column).</summary>
    public string BlockRangeIndexSuffix { get; init; } = "_range";

    /// <summary>What answers an access pattern no index serves.</summary>
    public string FullScan { get; init; } = "a full table scan";

    /// <summary>The maintenance that works per partition once a table is partitioned ("vacuum" on PostgreSQL).</summary>
    public string PartitionMaintenance { get; init; } = "index and statistics maintenance";

    /// <summary>Where the daily partition maintenance gets scheduled, in parentheses after "schedule it daily".</summary>
    public string PartitionSchedule { get; init; } = "New-PartitionScript writes the scheduling step";

    /// <summary>The index's structure named as the engine builds it, for the design's index table.</summary>
    public Func<Index, string> IndexMethodName { get; init; } = index => MethodName(index.Method);

    /// <summary>b-tree, inverted, spatial, block-range, hash: the neutral structure's own name.</summary>
    public static string MethodName(Model.IndexStructure method) => method switch
    {
        Model.IndexStructure.Ordered => "b-tree",
        Model.IndexStructure.BlockRange => "block-range",
        _ => method.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The index method names of an engine that builds only B-trees plus one search index kind: <paramref name="search"/>
    /// for full-text and trigram indexes, <paramref name="json"/> for an index over a JSON document, b-tree otherwise.
    /// </summary>
    public static Func<Index, string> BTreeAnd(string search, string json) =>
        index => IsSearch(index) ? search : index.Method == Model.IndexStructure.Inverted ? json : "b-tree";

    /// <summary>"a block-range index", "a hash index"…: the kind of index a neutral method is, in no engine's own name.</summary>
    public static string MethodKind(Model.IndexStructure method) => method switch
    {
        Model.IndexStructure.BlockRange => "block-range index",
        Model.IndexStructure.Inverted => "inverted index",
        Model.IndexStructure.Spatial => "generalized search-tree index",
        Model.IndexStructure.Hash => "hash index",
        _ => "B-tree index",
    };

    /// <summary>True when the index is a search index (full-text document or trigram keys) rather than a B-tree or JSON index.</summary>
    public static bool IsSearch(Index index) =>
        index.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText });
}
