using System.Collections;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.PS;

/// <summary>
/// Tab completion for New-PartitionScript -Mode: the modes the chosen -Engine can plan (Native, and PostgreSQL's
/// PgPartman and TimescaleDb), from the engines' own lists; a mode the engine lacks is refused by the planner with the
/// modes it has.
/// </summary>
public sealed class PartitionModeCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound) =>
        PartitionPlanner.ModesOf(bound["Engine"] as string ?? "postgresql").Select(mode => (mode, mode));
}
