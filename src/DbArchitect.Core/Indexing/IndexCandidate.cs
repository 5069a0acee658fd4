namespace DbArchitect.Core.Indexing;

/// <summary>A candidate index with the rule that proposed it and the statements that asked for it.</summary>
public sealed record IndexCandidate(IndexDefinition Definition, string Rule, IReadOnlyList<string> QueryIds)
{
    public string Table => Definition.Table;
}
