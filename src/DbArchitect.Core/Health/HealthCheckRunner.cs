using System.Diagnostics;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Health;

/// <summary>
/// Runs the selected checks of a session's engine one after another. A check that throws becomes one Error row (or
/// Skipped, when the server refused it for want of a privilege) with the reason; the run always finishes. Exclusions
/// turn matching findings into Skipped rows that carry their reason.
/// </summary>
public static class HealthCheckRunner
{
    /// <summary>Called before each check: (index, count, check).</summary>
    public delegate void Progress(int index, int count, HealthCheck check);

    public static IReadOnlyList<HealthCheckResult> Run(LiveSession session, HealthRunOptions options, Progress? progress = null)
    {
        var profile = HealthCheckCatalog.ProfileFor(session.Engine) ?? throw new DbArchitectException(new DbArchitectError(
            "HealthCheckEngineNotSupported", ErrorKind.NotImplemented,
            $"There are no health checks for {session.Engine} in this version.",
            "Health checks run on postgresql, mariadb, mysql and sqlite.", null));
        var context = new HealthCheckContext(session, profile.DatabaseName(session), options);
        var checks = HealthCheckCatalog.Select(session.Engine, options.Include, options.Exclude);
        var results = new List<HealthCheckResult>();
        for (var i = 0; i < checks.Count; i++)
        {
            progress?.Invoke(i, checks.Count, checks[i]);
            results.AddRange(RunOne(checks[i], context));
        }

        return results;
    }

    public static IReadOnlyList<HealthCheckResult> RunOne(HealthCheck check, HealthCheckContext context)
    {
        if (check.Deep && !context.Options.Deep)
        {
            return new[] { context.Skipped(check, "An integrity pass that reads whole indexes; run with -Deep to include it.") };
        }

        var clock = Stopwatch.StartNew();
        List<HealthCheckResult> rows;
        try
        {
            rows = check.Run(context).ToList();
        }
        catch (DbArchitectException ex) when (ex.Errors.Any(e => e.Kind == ErrorKind.SecurityError))
        {
            rows = new List<HealthCheckResult> { context.Skipped(check, $"The login may not read what this check needs: {ex.Errors[0].Message}") };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever a check throws, the run goes on: the check's row says what went wrong.
            var reason = ex is DbArchitectException dbx ? dbx.Errors[0].Message : ex.Message;
            rows = new List<HealthCheckResult> { context.Finding(check, HealthStatus.Error, context.Database, $"The check could not run: {reason}", "Run the check alone with -Check and -Verbose; report it if the server is healthy.") };
        }

        var duration = clock.Elapsed;
        return rows.Select(r => Excluded(r, context.Options.Settings) with { Duration = duration }).ToList();
    }

    private static HealthCheckResult Excluded(HealthCheckResult result, HealthSettings settings) =>
        result.Status is HealthStatus.Pass or HealthStatus.Skipped or HealthStatus.Error || settings.ExclusionFor(result) is not { } exclusion
            ? result
            : result with { Status = HealthStatus.Skipped, Priority = HealthPriority.None, Message = $"Excluded ({exclusion.Reason}): {result.Message}" };
}
