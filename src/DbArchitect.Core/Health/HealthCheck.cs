namespace DbArchitect.Core.Health;

/// <summary>
/// One health check: its stable id, category, default threshold and documentation next to the query that does the
/// work. One class per file under Engines/&lt;Engine&gt;/Health/; <see cref="HealthCheckCatalog"/> discovers them.
/// Two engines' checks share an id when they look for the same thing.
/// </summary>
public abstract class HealthCheck
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>Sessions, Vacuum, Indexes, Schema, Statistics, Performance, Replication, Durability, Security, Integrity.</summary>
    public abstract string Category { get; }

    /// <summary>Engine ids this implementation runs on ("postgresql"; "mysql" and "mariadb").</summary>
    public abstract IReadOnlyList<string> Engines { get; }

    /// <summary>What the check finds, why it matters and where its default threshold comes from (the documentation).</summary>
    public abstract string Description { get; }

    /// <summary>What the login or server must offer for the check to run (privileges, performance_schema, an extension); shown in docs/health-checks.md.</summary>
    public virtual string Needs => "read access to the catalog";

    public virtual HealthThreshold DefaultThreshold => HealthThreshold.None;

    /// <summary>The band a Warning of this check gets (Critical rows are always High).</summary>
    public virtual HealthPriority Priority => HealthPriority.Medium;

    /// <summary>True for expensive checks that run only with -Deep (under the run's time budget).</summary>
    public virtual bool Deep => false;

    /// <summary>The check's catalog query as text (documentation, parse tests); null when it is not one query.</summary>
    public virtual string? Sql => null;

    /// <summary>Runs the check. Exceptions are the runner's business: they become an Error row, never a crashed run.</summary>
    public abstract IEnumerable<HealthCheckResult> Run(HealthCheckContext context);
}
