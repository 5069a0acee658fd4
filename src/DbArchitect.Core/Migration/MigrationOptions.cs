namespace DbArchitect.Core.Migration;

/// <summary>How New-DbMigrationScript plans: data-loss consent, lock timeout and retries, backfill batches, file version.</summary>
public sealed record MigrationOptions
{
    public static readonly MigrationOptions Default = new();

    /// <summary>Allow steps that can lose data (drop table or column, narrowing type); they then run last, in files of their own.</summary>
    public bool AllowDataLoss { get; init; }

    /// <summary>The Flyway version of the first file: V&lt;Version&gt;_1__…, V&lt;Version&gt;_2__….</summary>
    public string Version { get; init; } = "2";

    /// <summary>Longest wait for a strong lock before the attempt is abandoned and retried (writers queue behind the wait).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts of a strong-lock step before the migration stops.</summary>
    public int LockRetries { get; init; } = 10;

    /// <summary>Rows per backfill batch; each batch commits on its own.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Pause between backfill batches, so replicas and vacuum keep up.</summary>
    public TimeSpan BatchPause { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Backfill values for new required columns that have no default: "table.column" → SQL expression over the row
    /// (e.g. "lower(email)"). Without one such a column cannot be made NOT NULL and the plan stops with an error.
    /// </summary>
    public IReadOnlyDictionary<string, string> Backfill { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
