namespace DbArchitect.Core.Scalability;

/// <summary>
/// The planning assumptions of the roadmap, stated as data so they can be reviewed and tuned. They are first-order
/// figures for short, indexed OLTP transactions on SSD-class storage, not measurements of any one machine.
/// </summary>
internal static class NodeCapacity
{
    /// <summary>Short read transactions one CPU core serves per second.</summary>
    public const double ReadTpsPerCore = 500;

    /// <summary>Write transactions one core sustains per second on the primary (WAL, index maintenance, fsync).</summary>
    public const double WriteTpsPerCore = 250;

    /// <summary>CPU cores assumed when the requirements do not state hardware.cpus.</summary>
    public const int DefaultCpus = 8;

    /// <summary>Read replicas one primary feeds before replication and failover get unwieldy.</summary>
    public const int MaxReadReplicas = 3;

    /// <summary>Data on one node beyond which backup, restore and vacuum times, not speed, become the limit.</summary>
    public const double SingleNodeStorageBytes = 10.0 * 1024 * 1024 * 1024 * 1024;

    /// <summary>
    /// Traffic growth per year. Requirements format 1 states data growth (recordsPerDay) but not traffic growth, so
    /// transactions per second are assumed to grow by this factor a year.
    /// </summary>
    public const double TrafficGrowthPerYear = 0.5;

    /// <summary>How far ahead the roadmap looks.</summary>
    public const double HorizonMonths = 60;

    /// <summary>Tables below this many rows (at retention) and without a tenant key are copied to every node.</summary>
    public const long ReferenceTableRows = 1_000_000;

    public const double DaysPerMonth = 30.44;
}
