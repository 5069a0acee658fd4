using DbArchitect.Core.Live;

namespace DbArchitect.Core.Health;

/// <summary>
/// What a check sees while it runs: the session, the database name, the thresholds in force, the run's options, a
/// per-run cache for facts several checks share (installed extensions, settings), and the result factories that fill
/// in engine, database and priority the same way for every check.
/// </summary>
public sealed class HealthCheckContext
{
    private readonly Dictionary<string, object> _cache = new(StringComparer.Ordinal);

    public HealthCheckContext(LiveSession session, string database, HealthRunOptions options)
    {
        Session = session;
        Database = database;
        Options = options;
    }

    public LiveSession Session { get; }

    public string Engine => Session.Engine;

    public string Database { get; }

    public HealthRunOptions Options { get; }

    /// <summary>The server's major version as a number (15 for "15.8"; 10 for "10.11.6-MariaDB"); 0 when unreadable.</summary>
    public int MajorVersion => int.TryParse(Session.ServerVersion.Split('.', ' ', '-')[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;

    public IReadOnlyList<LiveRow> Query(string sql, string purpose) => Session.Query(sql, purpose);

    /// <summary>A value computed once per run and shared by the checks that need it.</summary>
    public T Cached<T>(string key, Func<T> compute)
        where T : notnull
    {
        if (!_cache.TryGetValue(key, out var value))
        {
            value = compute();
            _cache[key] = value;
        }

        return (T)value;
    }

    public HealthThreshold ThresholdFor(HealthCheck check, string target) => Options.Settings.ThresholdFor(check, Database, target);

    public HealthCheckResult Finding(HealthCheck check, HealthStatus status, string target, string message, string? recommendation) => new()
    {
        CheckId = check.Id,
        Title = check.Title,
        Category = check.Category,
        Status = status,
        Priority = status switch
        {
            HealthStatus.Critical => HealthPriority.High,
            HealthStatus.Warning => check.Priority,
            HealthStatus.Info => HealthPriority.Low,
            _ => HealthPriority.None,
        },
        Engine = Engine,
        Database = Database,
        Target = target,
        Message = message,
        Recommendation = recommendation,
    };

    /// <summary>The one row a check emits when it found nothing: its target is the database.</summary>
    public HealthCheckResult Pass(HealthCheck check, string message) => Finding(check, HealthStatus.Pass, Database, message, null) with
    {
        Threshold = check.DefaultThreshold.IsNone ? null : ThresholdFor(check, Database).ToString(),
    };

    public HealthCheckResult Skipped(HealthCheck check, string reason) => Finding(check, HealthStatus.Skipped, Database, reason, null);
}
