namespace DbArchitect.Core.History;

/// <summary>What happened to a finding between the previous run and the latest one of the window.</summary>
public enum HealthTrendChange
{
    /// <summary>In the latest run and not in the previous one (or there is no previous run): a regression.</summary>
    New,

    /// <summary>In the latest run and in the previous one.</summary>
    Persistent,

    /// <summary>In the previous run; the latest run ran the same check on the same database and did not find it.</summary>
    Resolved,

    /// <summary>In the previous run; the latest run did not run that check on that database (target missing, Skipped or Error), so nobody knows.</summary>
    NotChecked,

    /// <summary>Seen in an earlier run of the window, in neither of the last two.</summary>
    Earlier,
}
