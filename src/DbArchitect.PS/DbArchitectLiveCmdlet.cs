using System.Management.Automation;
using DbArchitect.Core.Live;

namespace DbArchitect.PS;

/// <summary>
/// What every cmdlet that reads a live database shares: -ConnectionString, or -Server/-Port/-Database/-Credential,
/// and -Engine. The password goes from the PSCredential straight into the driver's connection string and is never
/// echoed: targets print as "engine://host:port/database as user".
/// </summary>
public abstract class DbArchitectLiveCmdlet : DbArchitectCmdlet
{
    protected const string ConnectionStringSet = "ConnectionString";
    protected const string ServerSet = "Server";

    /// <summary>The sessions this command opened, so Ctrl+C can stop the statement each is running.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<LiveSession> _sessions = new();

    [Parameter(Mandatory = true, ParameterSetName = ConnectionStringSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ConnectionString { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ServerSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Host", "ServerInstance")]
    [ValidateNotNullOrEmpty]
    public string? Server { get; set; }

    [Parameter(ParameterSetName = ServerSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    [Parameter(ParameterSetName = ServerSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    [Parameter(ParameterSetName = ServerSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The engine of the live server; PostgreSQL when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LiveEngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string Engine { get; set; } = "postgresql";

    /// <summary>The live target these parameters name; stops the command with a clear error when they are unusable.</summary>
    protected LiveTarget ResolveTarget()
    {
        StopOnUnknownEngine(Engine);
        if (ParameterSetName == ConnectionStringSet)
        {
            return CallCoreOrStop(() => LiveTarget.FromConnectionString(Engine, ConnectionString!), Engine, "Connection");
        }

        var credential = Credential?.GetNetworkCredential();
        var endpoint = new LiveEndpoint(Server!, Port, Database, credential?.UserName is { Length: > 0 } user ? user : null, credential?.Password);
        return CallCoreOrStop(() => LiveTarget.FromEndpoint(Engine, endpoint), Engine, "Connection");
    }

    /// <summary>Opens a session on the target (read-only probe unless options say otherwise); stops the command on failure.</summary>
    protected LiveSession OpenSession(LiveTarget target, LiveSessionOptions? options = null)
    {
        WriteVerbose($"Connecting to {target.Description}");
        var session = CallCoreOrStop(() => LiveSession.Open(target, options), target.Description, "Connection");
        _sessions.Add(session);
        WriteVerbose($"Connected to {target.Description} (server {session.ServerVersion})");
        return session;
    }

    /// <summary>
    /// Opens a session, or writes the failure as that target's error and returns null: in a sweep over many targets
    /// one unreachable server is its own error, not the end of the sweep.
    /// </summary>
    protected LiveSession? TryOpenSession(LiveTarget target, LiveSessionOptions? options = null)
    {
        WriteVerbose($"Connecting to {target.Description}");
        if (!TryCore(() => LiveSession.Open(target, options), target.Description, "Connection", out var session))
        {
            return null;
        }

        _sessions.Add(session);
        WriteVerbose($"Connected to {target.Description} (server {session.ServerVersion})");
        return session;
    }

    /// <summary>Ctrl+C: asks each server to stop the statement running now, so the command ends without waiting out its timeout.</summary>
    protected override void StopProcessing()
    {
        foreach (var session in _sessions)
        {
            session.Cancel();
        }

        base.StopProcessing();
    }
}
