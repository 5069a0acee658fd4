using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>What a parser made of a workload's statements: the scans, the writes, and why any statement was skipped.</summary>
public sealed record ParsedWorkload(IReadOnlyList<WorkloadQuery> Queries, IReadOnlyList<WorkloadWrite> Writes, IReadOnlyList<string> Notes);

/// <summary>
/// An engine's own SQL parser turning statements into scans against a known catalog (a design's physical model or an
/// imported schema) when no server is there to explain them. Columns the catalog does not know are never guessed: the
/// statement is skipped with a note saying which name failed.
/// </summary>
public interface IWorkloadParser
{
    ParsedWorkload Parse(IReadOnlyList<WorkloadStatement> statements, SchemaModel catalog);
}
