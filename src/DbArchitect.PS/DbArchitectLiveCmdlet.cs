using System.Management.Automation;
using DbArchitect.Core.Live;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.PS;

/// <summary>
/// What every cmdlet that reads a live database shares: its targets — -ConnectionString, -Server (many names, piped
/// strings or objects with Server/Port/Database/Engine), or -InventoryPath — with -Credential or -CredentialName, and
/// the sweep over them: -ThrottleLimit targets at once, one progress bar, -Shard k/n, one error per failing target
/// (terminating with -EnableException). ProcessRecord queues each input's targets with the work to do on each; the
/// sweep runs in EndProcessing (<see cref="RunSweep"/>), the Core work on worker threads, every Write on this one.
/// Passwords go from the credential straight into the driver's connection string and are never echoed: targets print
/// as "engine://host:port/database as user".
/// </summary>
public abstract partial class DbArchitectLiveCmdlet : DbArchitectCmdlet, IDisposable
{
    /// <summary>
    /// One parameter set for every way of naming targets, which may be combined: with a set per way, PowerShell resolves
    /// a piped object to a set before binding it (a piped object with a ConnectionString property ended in the Server set
    /// as its ToString). A command that names no target is an error of its own.
    /// </summary>
    protected const string LiveSet = "Live";

    private const int SweepProgressId = 0x0DB8;

    /// <summary>The sessions this command opened, so Ctrl+C can stop the statement each is running.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<LiveSession> _sessions = new();

    private readonly CancellationTokenSource _stop = new();

    private EstateQueue? _queue;

    private EstateQueue Queue => _queue ??= new EstateQueue(this);

    [Parameter(ParameterSetName = LiveSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? ConnectionString { get; set; }

    [Parameter(ParameterSetName = LiveSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Host", "ServerInstance", "SqlInstance")]
    [ValidateNotNullOrEmpty]
    public ServerName[]? Server { get; set; }

    [Parameter(ParameterSetName = LiveSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    [Parameter(ParameterSetName = LiveSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>CSV or YAML files listing the targets (server, port, engine, database, tags, credential).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string[]? InventoryPath { get; set; }

    /// <summary>Sweep only the inventory's targets carrying at least one of these tags.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ArgumentCompleter(typeof(InventoryTagCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Tag { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The name of a SecretManagement secret holding the credential (Get-Secret); never the password itself.</summary>
    [Parameter(ParameterSetName = LiveSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? CredentialName { get; set; }

    /// <summary>
    /// The engine of the live server; PostgreSQL when not given. (One attribute for every set: a parameter declared in all
    /// sets and again in some makes PowerShell resolve a piped design to the Server set.) A piped object whose Engine is
    /// empty — a design's physical model names none — leaves it unsaid rather than failing the binding.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LiveEngineCompleter))]
    [AllowNull]
    [AllowEmptyString]
    public string Engine
    {
        get => _engine;
        set => _engine = string.IsNullOrWhiteSpace(value) ? DefaultEngine : value;
    }

    /// <summary>The engine of a target that names none.</summary>
    internal const string DefaultEngine = "postgresql";
    private string _engine = DefaultEngine;

    /// <summary>True when the command line or the piped object named an engine.</summary>
    protected bool EngineGiven =>
        MyInvocation.BoundParameters.TryGetValue(nameof(Engine), out var given) && !string.IsNullOrWhiteSpace(given as string);

    /// <summary>How many targets are worked on at once (one connection each; a PostgreSQL schema import reads on up to four).</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>"k/n": sweep only the targets of shard k of n (a stable hash of each target decides), for n CI runners.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ShardCompleter))]
    [ValidateShard]
    public string? Shard { get; set; }

    /// <summary>A failing target ends the command (a terminating error) instead of being reported while the sweep goes on.</summary>
    [Parameter]
    public SwitchParameter EnableException { get; set; }

    /// <summary>The targets that failed in the sweep (unreachable, refused, lost mid-run), by their description.</summary>
    protected IReadOnlyList<string> FailedTargets => Queue.Failed;

    /// <summary>The targets whose work finished, by their description.</summary>
    protected IReadOnlyList<string> SweptTargets => Queue.Swept;

    /// <summary>True when this input names live targets (and not a design, schema or file of the cmdlet's other sets).</summary>
    protected bool IsLiveInput => ParameterSetName == LiveSet;

    /// <summary>
    /// Queues the targets this input names. <paramref name="plan"/> runs here, on the pipeline thread, once per target
    /// of this runner's shard (it may ask ShouldProcess and capture this input's parameters) and returns the work for
    /// the target, or null to skip it. The work itself runs in <see cref="RunSweep"/>.
    /// </summary>
    private protected void QueueTargets(Func<EstateTarget, TargetWork?> plan)
    {
        StopOnUnknownEngine(Engine);
        Queue.Add(plan);
    }

    /// <summary>
    /// Sweeps the queued targets, <see cref="ThrottleLimit"/> at once. Each target's objects pass through
    /// <paramref name="accept"/> (on this thread: filter, order, keep for a report), get the target's identity
    /// (Server, Port, Database, Engine) and are written; each failing target is one error naming it.
    /// </summary>
    private protected void RunSweep(Func<EstateTarget, IReadOnlyList<object>, IEnumerable<object>>? accept = null) =>
        Queue.Run(accept ?? ((_, objects) => objects), _stop.Token);

    /// <summary>Ctrl+C: stops handing out targets and asks each server to stop the statement running now.</summary>
    protected override void StopProcessing()
    {
        _stop.Cancel();
        foreach (var session in _sessions)
        {
            session.Cancel();
        }

        base.StopProcessing();
    }

    protected override void EndProcessing()
    {
        RunSweep();
        base.EndProcessing();
    }

    /// <summary>PowerShell disposes a cmdlet that is IDisposable when its pipeline ends.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }
    }
}

/// <summary>
/// What a cmdlet does with one target's open session; runs on a worker thread, so it may not call Write*. Internal:
/// PowerShell reflects over the constructors of every public type at Import-Module, and this one's name Core types.
/// </summary>
/// <param name="Session">Options of the session to open (read-only probe when null).</param>
/// <param name="Run">The Core work: reads through the session and adds objects and notes to the output.</param>
internal sealed record TargetWork(LiveSessionOptions? Session, Action<LiveSession, TargetOutput> Run);

/// <summary>One target's objects and notes, gathered on a worker thread and written on the pipeline thread.</summary>
internal sealed class TargetOutput
{
    public List<object> Objects { get; } = new();

    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();

    /// <summary>A Core note: "warning: …" becomes a warning, anything else a verbose line.</summary>
    public void Note(string note)
    {
        if (note.StartsWith("warning:", StringComparison.Ordinal))
        {
            Warnings.Add(note["warning:".Length..].Trim());
        }
        else
        {
            Verbose.Add(note);
        }
    }
}
