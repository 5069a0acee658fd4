using System.Collections;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.PS;

/// <summary>Tab completion for New-PartitionScript -Interval: the calendar intervals (a whole number is a numeric width).</summary>
public sealed class IntervalCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound) =>
        PartitionInterval.Calendar.Select(interval => (interval.Unit.ToString(), $"{interval.Adjective} partitions"));
}
