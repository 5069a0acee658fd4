using System.Diagnostics;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Health;

/// <summary>
/// Runs the selected checks of a session's engine one after another. A check that throws becomes one Error row (or
/// Skipped, when the server refused it for want of a privilege) with the reason, a statement or lock timeout included,
/// and the run goes on. A lost connection is the one exception: every later check would fail the same way (or wait
/// out its timeout), so the run stops with one error for the target that names the checks that could not run.
/// Exclusions turn matching findings into Skipped rows that carry their reason.
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
            $"Health checks run on {string.Join(", ", HealthCheckCatalog.All.SelectMany(c => c.Engines).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}.", null));
        var context = new HealthCheckContext(session, profile.DatabaseName(session), options);
        var checks = HealthCheckCatalog.Select(session.Engine, options.Include, options.Exclude);
        if (checks.Count == 0)
        {
            // Every pattern names a check of some engine (RequireKnown), but none of this one: nothing would be checked.
            throw new DbArchitectException(new DbArchitectError(
                "HealthCheckNoneSelected", ErrorKind.InvalidArgument,
                $"-Check/-ExcludeCheck leave no health check to run on {session.Engine}.",
                $"Checks of {session.Engine}: {string.Join(", ", HealthCheckCatalog.Ids(session.Engine))}.", null, session.Target.Description));
        }

        var results = new List<HealthCheckResult>();
        for (var i = 0; i < checks.Count; i++)
        {
            progress?.Invoke(i, checks.Count, checks[i]);
            try
            {
                results.AddRange(RunOne(checks[i], context));
            }
            catch (DbArchitectException ex) when (IsConnectionLost(ex))
            {
                throw Interrupted(session.Target, checks, i, ex.Errors[0]);
            }
        }

        return results;
    }

    public static IReadOnlyList<HealthCheckResult> RunOne(HealthCheck check, HealthCheckContext context)
    {
        if (check.Deep && !context.Options.Deep)
        {
            return new[] { context.Skipped(check, "An integrity pass that reads whole indexes or tables; run with -Deep to include it.") };
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
        catch (DbArchitectException ex) when (ex.Errors.Any(e => e.ErrorId is "QueryTimedOut" or "QueryLockTimeout"))
        {
            // A limit the session set stopped the check: bounded, said plainly, and the session is still usable.
            var limit = ex.Errors[0];
            rows = new List<HealthCheckResult> { context.Finding(check, HealthStatus.Error, context.Database, $"The check could not run: {limit.Message}", limit.Fix) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsConnectionLost(ex))
        {
            // Whatever else a check throws, the run goes on: the check's row says what went wrong.
            var reason = ex is DbArchitectException dbx ? dbx.Errors[0].Message : ex.Message;
            rows = new List<HealthCheckResult> { context.Finding(check, HealthStatus.Error, context.Database, $"The check could not run: {reason}", "Run the check alone with -Check and -Verbose; report it if the server is healthy.") };
        }

        var duration = clock.Elapsed;
        return rows.Select(r => Excluded(r, context.Options.Settings) with { Duration = duration }).ToList();
    }

    private static bool IsConnectionLost(Exception ex) => ex is DbArchitectException dbx && dbx.Errors.Any(e => e.ErrorId == "ConnectionLost");

    /// <summary>One error for the target: what was lost and when, how far the run got, and which checks could not run.</summary>
    private static DbArchitectException Interrupted(LiveTarget target, IReadOnlyList<HealthCheck> checks, int index, DbArchitectError lost)
    {
        var notRun = checks.Skip(index).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
        return new DbArchitectException(new DbArchitectError(
            "HealthCheckConnectionLost", ErrorKind.ConnectionError,
            $"{lost.Message} {index} of {checks.Count} health checks finished; {notRun.Count} could not run: {string.Join(", ", notRun)}.",
            $"Check that the server is up and reachable from this machine, then run the checks again (-Check {string.Join(",", notRun)} runs only those).",
            null, target.Description));
    }

    private static HealthCheckResult Excluded(HealthCheckResult result, HealthSettings settings) =>
        result.Status is HealthStatus.Pass or HealthStatus.Skipped or HealthStatus.Error || settings.ExclusionFor(result) is not { } exclusion
            ? result
            : result with { Status = HealthStatus.Skipped, Priority = HealthPriority.None, Message = $"Excluded ({exclusion.Reason}): {result.Message}" };
}
