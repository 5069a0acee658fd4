using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>What kinds of index an engine can build; candidates it cannot build are never proposed.</summary>
public sealed record IndexCapabilities(
    bool Include,
    bool Partial,
    bool Lower,
    bool DateTrunc,
    bool Descending,
    IReadOnlyList<IndexStructure> Methods,
    int MaxNameLength)
{
    public bool Supports(IndexDefinition index) =>
        Methods.Contains(index.Method)
        && (Include || index.Include.Count == 0)
        && (Partial || !index.IsPartial)
        && index.Keys.All(k => k.Function switch
        {
            KeyFunction.Lower => Lower,
            KeyFunction.DateTrunc => DateTrunc,
            _ => true,
        })
        && (Descending || index.Keys.All(k => !k.Descending));
}

/// <summary>
/// The engine's part of index advice: the online DDL that builds or drops an advised index (CREATE INDEX CONCURRENTLY,
/// ONLINE = ON, ALGORITHM=INPLACE LOCK=NONE) spelled by the engine's writer, what it can build, and its words for it.
/// </summary>
public interface IIndexAdviceDdl
{
    IndexCapabilities Capabilities { get; }

    /// <summary>The engine's words for index structures and keys in recommendations, signatures and advised names.</summary>
    IIndexSpelling Spelling { get; }

    /// <summary>The statement that builds the index with the least blocking the engine offers.</summary>
    string Create(IndexDefinition index, string schema);

    /// <summary>
    /// The statement for an index of about <paramref name="estimatedBytes"/>: an engine whose long builds can be paused
    /// and resumed (SQL Server's RESUMABLE) says so for large ones; others build every size the same way.
    /// </summary>
    string Create(IndexDefinition index, string schema, double estimatedBytes) => Create(index, schema);

    /// <summary>The statement that drops the index without blocking writes where the engine can.</summary>
    string Drop(IndexDefinition index, string schema);

    /// <summary>A one-line SQL comment carrying the reason.</summary>
    string Comment(string text);

    /// <summary>True when the statements cannot run inside a transaction block (CREATE INDEX CONCURRENTLY).</summary>
    bool OutsideTransaction { get; }

    /// <summary>Workload and what-if costing from a live server; null when the engine has only design mode.</summary>
    ILiveIndexAdvisor? Live => null;

    /// <summary>The engine's own parser for workload files read against a catalog without a server; null when it has none.</summary>
    IWorkloadParser? Parser => null;
}
