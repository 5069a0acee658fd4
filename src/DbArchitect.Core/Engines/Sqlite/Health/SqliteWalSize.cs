using System.Globalization;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>
/// WAL_SIZE: the size of the database's -wal file. A WAL that keeps growing means checkpoints cannot finish (a reader
/// holds an old snapshot, or wal_autocheckpoint was switched off), so every read scans a longer WAL index and the disk fills.
/// </summary>
internal sealed class SqliteWalSize : HealthCheck
{
    public override string Id => "WAL_SIZE";

    public override string Title => "Write-ahead log size";

    public override string Category => "Durability";

    public override IReadOnlyList<string> Engines => SqliteHealth.Engines;

    public override string Description => "In WAL mode, the size of the database's -wal file beside it. With the default wal_autocheckpoint (1,000 pages, about 4 MB) it stays small; a WAL of 64 MB (warning) or 1 GB (critical) means checkpoints cannot complete — a long-lived reader holds its snapshot, or autocheckpoint is off — so reads slow down and the disk fills.";

    public override string Needs => "read access to the database file's folder (the -wal file's size)";

    public override HealthThreshold DefaultThreshold => new(64, 1024, "MB");

    public override string Sql => "SELECT d.file, j.journal_mode FROM pragma_database_list d, pragma_journal_mode j WHERE d.name = 'main'";

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        var row = context.Query(Sql, Title).Single();
        if (!string.Equals(row.String("journal_mode"), "wal", StringComparison.OrdinalIgnoreCase) || row.String("file") is not { Length: > 0 } file)
        {
            return new[] { context.Pass(this, "Not in WAL mode (see JOURNAL_MODE).") };
        }

        // wal_autocheckpoint has no table-valued form (the pragma can set as well as read).
        var autocheckpoint = Convert.ToString(context.Session.Scalar("PRAGMA wal_autocheckpoint", "Reading wal_autocheckpoint"), CultureInfo.InvariantCulture);
        var wal = new FileInfo(file + "-wal");
        var megabytes = wal.Exists ? Math.Round(wal.Length / 1048576.0, 2) : 0;
        var threshold = context.ThresholdFor(this, "main-wal");
        var status = threshold.Judge(megabytes);
        if (status == HealthStatus.Pass)
        {
            return new[] { context.Pass(this, $"The WAL is {HealthThreshold.Format(megabytes)} MB, within the threshold ({threshold}).") };
        }

        return new[]
        {
            context.Finding(this, status, "main-wal", $"The WAL is {HealthThreshold.Format(megabytes)} MB (wal_autocheckpoint = {autocheckpoint} pages): checkpoints are not keeping up.",
                "Find the connection that holds a read transaction open (or re-enable wal_autocheckpoint), then run PRAGMA wal_checkpoint(TRUNCATE) at a quiet moment.") with
            {
                Measured = megabytes,
                Threshold = threshold.ToString(),
                FixSql = "PRAGMA wal_checkpoint(TRUNCATE);",
                Evidence = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["wal_bytes"] = (wal.Exists ? wal.Length : 0).ToString(CultureInfo.InvariantCulture),
                    ["wal_autocheckpoint"] = autocheckpoint ?? string.Empty,
                },
            },
        };
    }
}
