using System.Data.Common;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Live;

/// <summary>Driver failures as DbArchitect errors, with anything secret removed from the text.</summary>
public static class LiveErrors
{
    /// <summary>The text with the connection string and its password replaced, wherever a driver echoed them.</summary>
    public static string Scrub(string text, string connectionString)
    {
        var scrubbed = text.Replace(connectionString, "(connection string)", StringComparison.Ordinal);
        foreach (var secret in Secrets(connectionString))
        {
            scrubbed = scrubbed.Replace(secret, "***", StringComparison.Ordinal);
        }

        return scrubbed;
    }

    internal static DbArchitectException ConnectFailed(LiveTarget target, Exception ex) => new(new DbArchitectError(
        "ConnectionFailed", ErrorKind.ConnectionError,
        $"Could not connect to {target.Description}: {Scrub(ex.Message, target)}",
        "Check the server name, port, database and credentials, and that the server accepts connections from this machine.",
        null, target.Description));

    internal static DbArchitectException QueryFailed(LiveTarget target, string purpose, Exception ex) => new(new DbArchitectError(
        ex is DbException { SqlState: "42501" } ? "PermissionDenied" : "QueryFailed",
        ex is DbException { SqlState: "42501" } ? ErrorKind.SecurityError : ErrorKind.ReadError,
        $"{purpose} failed on {target.Description}: {Scrub(ex.Message, target)}",
        "Check that the login may read the catalog views named in the message.", null, target.Description));

    /// <summary>
    /// The connection broke under a statement: the server ended the session, closed the socket, or stopped answering
    /// within the command timeout. The session is unusable; the caller stops rather than failing every later statement.
    /// </summary>
    internal static DbArchitectException ConnectionLost(LiveTarget target, string purpose, TimeSpan commandTimeout, Exception ex)
    {
        var reason = ex switch
        {
            DbException { SqlState: { Length: > 0 } } => $"the server ended the session: {Scrub(ex.Message, target)}",
            _ when ex is TimeoutException || ex.InnerException is TimeoutException => $"the server did not answer within {Seconds(commandTimeout)} s",
            _ => "the server closed the connection or the network dropped it",
        };
        return new(new DbArchitectError(
            "ConnectionLost", ErrorKind.ConnectionError,
            $"The connection to {target.Description} was lost during '{purpose}' ({reason}).",
            "Check that the server is up and reachable from this machine, then run the command again.", null, target.Description));
    }

    /// <summary>The server stopped a statement at a limit the session set; the session itself is still usable.</summary>
    internal static DbArchitectException LimitHit(LiveTarget target, string purpose, LiveLimit limit, LiveSessionOptions options) => new(limit == LiveLimit.LockTimeout
        ? new DbArchitectError(
            "QueryLockTimeout", ErrorKind.ReadError,
            $"{purpose} waited longer than the lock timeout ({Seconds(options.LockTimeout)} s) for a lock another session holds on {target.Description}.",
            "Another session holds a lock on what this reads (a migration, VACUUM FULL, a long transaction); run it again when that has finished.", null, target.Description)
        : new DbArchitectError(
            "QueryTimedOut", ErrorKind.ReadError,
            $"{purpose} did not finish within the statement timeout ({Seconds(options.StatementTimeout)} s) on {target.Description}.",
            "Run it again at a quieter time; the timeout keeps a probe from loading a busy server.", null, target.Description));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text with the target's connection string and password removed (for a failure no layer described).</summary>
    public static string Scrub(string text, LiveTarget target) => Scrub(text, target.ConnectionString, target.Driver.Password(target.ConnectionString));

    private static string Scrub(string text, string connectionString, string? password)
    {
        var scrubbed = Scrub(text, connectionString);
        return string.IsNullOrEmpty(password) ? scrubbed : scrubbed.Replace(password, "***", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Secrets(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            yield break;
        }

        foreach (var key in new[] { "password", "pwd" })
        {
            if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } secret)
            {
                yield return secret;
            }
        }
    }
}
