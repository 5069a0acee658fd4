namespace DbArchitect.Core.Scalability;

/// <summary>
/// One phase of the scalability roadmap: what triggers it, when (months from now at the stated growth; 0 = already
/// reached, null = not reached at the stated growth), the concrete step, and the figures behind it.
/// </summary>
public sealed record RoadmapPhase(int Order, string Trigger, double? ExpectedInMonths, string Step, string Reason)
{
    /// <summary>"now", "in about 7 months", "not at the stated growth".</summary>
    public string ExpectedIn => ExpectedInMonths switch
    {
        null => "not at the stated growth",
        <= 0 => "now",
        < 1 => "within a month",
        { } m => "in about " + Math.Ceiling(m).ToString(System.Globalization.CultureInfo.InvariantCulture) + " months",
    };
}

public enum DistributionRole { Distributed, Reference, Local }

/// <summary>How one table takes part in horizontal sharding.</summary>
public sealed record DistributedTable(string Table, DistributionRole Role, string? Column, string? ColocationGroup, string Reason);

/// <summary>
/// The sharding plan: the distribution column (the tenant key, or the key most access patterns filter on), which
/// tables are distributed by it and co-located, which small tables are copied to every node, and why.
/// </summary>
public sealed record DistributionPlan(string Technology, string DistributionColumn, string Reason, IReadOnlyList<DistributedTable> Tables);
