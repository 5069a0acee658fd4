using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tuning;

/// <summary>
/// The server connections a design plans for, computed once from the requirement and read by every section that
/// states a connection figure: the tuning section's max_connections (<see cref="Total"/>), the security section's
/// login-role limits (<see cref="Application"/>, <see cref="Migrations"/>, <see cref="ReadOnly"/>,
/// <see cref="Reporting"/>) and the design document. Two figures that describe the same server can then never disagree.
/// </summary>
/// <param name="Application">Server connections of the application's pool (split across the application's login roles).</param>
/// <param name="Migrations">Connections of the migration (DDL) login role.</param>
/// <param name="ReadOnly">Connections of support tools and ad-hoc readers.</param>
/// <param name="Reporting">Connections of dashboards, BI and monitoring agents.</param>
/// <param name="Maintenance">Sessions outside the login roles: scheduled maintenance jobs, backup runs, administrators.</param>
/// <param name="SuperuserReserved">Slots only superusers may take (PostgreSQL's superuser_reserved_connections), so an administrator can always log in.</param>
/// <param name="Pooled">True when the application's users share a pool sized to the CPUs instead of one connection each.</param>
/// <param name="Reason">How <see cref="Application"/> was sized, with the figures it came from.</param>
public sealed record ConnectionBudget(
    int Application,
    int Migrations,
    int ReadOnly,
    int Reporting,
    int Maintenance,
    int SuperuserReserved,
    bool Pooled,
    string Reason)
{
    /// <summary>Concurrent users above which they share a pool instead of holding a server connection each.</summary>
    public const int PoolerThresholdUsers = 200;

    /// <summary>Server connections per CPU a pool keeps busy: within the 2–4 per core where throughput peaks.</summary>
    public const int PoolPerCpu = 3;

    /// <summary>A pool is never smaller than this, however few the CPUs.</summary>
    public const int MinimumPool = 10;

    /// <summary>CPUs assumed when hardware.cpus is not stated (and said so in the reason).</summary>
    public const int AssumedCpus = 4;

    /// <summary>Application connections assumed when workload.concurrentUsers is not stated.</summary>
    public const int AssumedUsers = 100;

    /// <summary>PostgreSQL's default superuser_reserved_connections; the design keeps it.</summary>
    public const int DefaultSuperuserReserved = 3;

    /// <summary>pg_cron jobs (they connect like clients), a backup run and a few administrators' sessions.</summary>
    public const int DefaultMaintenance = 7;

    public const int DefaultMigrations = 2;

    public const int DefaultReadOnly = 10;

    public const int DefaultReporting = 5;

    /// <summary>Sum of every login role's limit.</summary>
    public int LoginRoles => Application + Migrations + ReadOnly + Reporting;

    /// <summary>Connections kept outside the login roles: maintenance sessions and the superuser slots.</summary>
    public int Reserved => Maintenance + SuperuserReserved;

    /// <summary>The server's connection limit (max_connections, or its equivalent): every share above, summed.</summary>
    public int Total => LoginRoles + Reserved;

    /// <summary>The shares as one line, for reasons: "48 application + 2 migrations + … = 75".</summary>
    public string Breakdown =>
        $"{I(Application)} application + {I(Migrations)} migrations + {I(ReadOnly)} read-only + {I(Reporting)} reporting and monitoring + {I(Maintenance)} maintenance jobs, backups and administrators + {I(SuperuserReserved)} superuser-reserved = {I(Total)}";

    /// <summary>The budget of a requirement: its concurrent users and CPUs.</summary>
    public static ConnectionBudget From(DbRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return For(requirement.Workload.ConcurrentUsers, requirement.Hardware.Cpus);
    }

    /// <summary>
    /// The budget for <paramref name="concurrentUsers"/> on <paramref name="cpus"/>: many users share a pool of
    /// <see cref="PoolPerCpu"/> server connections per CPU (more active backends than that add context switches and lock
    /// contention, not throughput); few users hold one connection each plus 20% for bursts.
    /// </summary>
    public static ConnectionBudget For(int? concurrentUsers, int? cpus)
    {
        if (concurrentUsers is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrentUsers), concurrentUsers, "Concurrent users cannot be negative.");
        }

        if (cpus is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cpus), cpus, "A server has at least one CPU.");
        }

        int application;
        string reason;
        var pooled = concurrentUsers > PoolerThresholdUsers;
        if (pooled)
        {
            var cores = cpus ?? AssumedCpus;
            application = Math.Max(MinimumPool, PoolPerCpu * cores);
            var coresText = cpus is null ? $"{I(cores)} CPUs assumed (hardware.cpus is not stated)" : $"{I(cores)} CPUs";
            reason = $"{Count(concurrentUsers!.Value)} concurrent users share a connection pool of {I(PoolPerCpu)} × {coresText} = {I(application)} server connections: more active backends than 2–4 per core add context switches and lock contention, not throughput";
        }
        else if (concurrentUsers is { } users)
        {
            var burst = checked((int)Math.Ceiling(users * 0.2));
            application = Math.Max(MinimumPool, checked(users + burst));
            reason = $"{I(users)} concurrent users each hold a connection (a pool pays off above {I(PoolerThresholdUsers)} users), plus {I(burst)} (20%) for bursts";
        }
        else
        {
            application = AssumedUsers;
            reason = $"concurrent users not stated: {I(AssumedUsers)} application connections assumed (state workload.concurrentUsers)";
        }

        return new ConnectionBudget(application, DefaultMigrations, DefaultReadOnly, DefaultReporting, DefaultMaintenance, DefaultSuperuserReserved, pooled, reason);
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
