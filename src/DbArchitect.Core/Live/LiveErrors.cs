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

    private static string Scrub(string text, LiveTarget target) => Scrub(text, target.ConnectionString, target.Driver.Password(target.ConnectionString));

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
