using System.Data.Common;

namespace DbArchitect.Core.Live;

/// <summary>
/// How one engine is reached live: its driver's connection, the connection string built from parts, a description
/// without credentials, and the session settings that make a probe read-only and bounded in time.
/// Each engine folder implements it; shared code never names a driver.
/// </summary>
public interface ILiveDriver
{
    /// <summary>The port the engine listens on when none is given.</summary>
    int DefaultPort { get; }

    /// <summary>
    /// The driver's connection for a session with these options. A file-based engine refuses a file that does not
    /// exist and opens read-only for a read-only session, so a mistyped path never creates a database.
    /// </summary>
    DbConnection CreateConnection(string connectionString, LiveSessionOptions options);

    /// <summary>A connection string from -Server/-Port/-Database/-Credential.</summary>
    string BuildConnectionString(LiveEndpoint endpoint);

    /// <summary>"host:port/database as user": what messages may show. Never the password.</summary>
    string Describe(string connectionString);

    /// <summary>The password the connection string carries, so messages can be scrubbed of it; null when none.</summary>
    string? Password(string connectionString);

    /// <summary>Statements run right after the connection opens (read-only, timeouts, application name).</summary>
    IReadOnlyList<string> SessionSetup(LiveSessionOptions options);

    /// <summary>Which limit of the session (statement or lock timeout) made the server stop a failed statement; None for any other failure.</summary>
    LiveLimit LimitHit(DbException exception);

    /// <summary>The server's version text, asked once per session ("15.8", "10.11.6-MariaDB").</summary>
    string VersionQuery { get; }
}

/// <summary>The parts of a connection a DBA types at the prompt.</summary>
public sealed record LiveEndpoint(string Server, int? Port, string? Database, string? User, string? Password);
