using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// One target of an estate sweep as the DBA named it: engine, server, port, database, tags and the name of the
/// credential to use. It holds no secret (a credential is named, never carried), so it may be shown, logged and
/// written to any file. <see cref="Key"/> is its normalised identity: duplicates and shards are decided on it.
/// </summary>
public sealed record EstateTarget
{
    public EstateTarget(string engine, string server, int? port, string? database)
    {
        Engine = engine.ToLowerInvariant();
        Server = server;
        Port = port;
        Database = database;
    }

    /// <summary>The engine id (lower case, a live engine of the registry).</summary>
    public string Engine { get; }

    /// <summary>The host (or SQLite file) without the port.</summary>
    public string Server { get; }

    /// <summary>The port given, or the engine's default port when none was; null for a file-based engine.</summary>
    public int? Port { get; init; }

    /// <summary>The database given; null when the engine's default applies.</summary>
    public string? Database { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>The name of a secret (SecretManagement) that holds the credential; null to use the sweep's own.</summary>
    public string? CredentialName { get; init; }

    /// <summary>Where the target was written (inventory file:line:column), for messages; null for command-line targets.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>
    /// The identity shards and duplicates are decided on: "engine://host:port/database", host in lower case (DNS names
    /// are case-insensitive), the database as written (PostgreSQL names are case-sensitive). Tags and credentials are
    /// not part of it: the same database named twice is one target.
    /// </summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{Engine}://{(IsFile ? Server : Server.ToLowerInvariant())}:{Port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty}/{Database ?? string.Empty}");

    /// <summary>"postgresql://db1:5432/shop": safe to show, and what errors of this target name.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{Engine}://{Server}{(Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : string.Empty)}/{Database ?? string.Empty}");

    private bool IsFile => string.Equals(Engine, "sqlite", StringComparison.Ordinal);

    /// <summary>The connection parts for the driver, with the credential resolved by the caller.</summary>
    public LiveEndpoint ToEndpoint(string? user, string? password) => new(Server, Port, Database, user, password);

    public override string ToString() => Description;
}
