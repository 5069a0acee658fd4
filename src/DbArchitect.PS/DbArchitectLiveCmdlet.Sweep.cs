using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.PS;

public abstract partial class DbArchitectLiveCmdlet
{
    /// <summary>
    /// The targets of one command: gathered from each input (names, connection strings, inventories), cut to this
    /// runner's shard, each named once, with its credential resolved on the pipeline thread; then swept. Parsing,
    /// sharding and the parallel run are Core's; this class binds them to PowerShell (Get-Secret, Write*, progress).
    /// </summary>
    private sealed class EstateQueue
    {
        private readonly DbArchitectLiveCmdlet _cmdlet;
        private readonly List<Pending> _pending = new();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly SecretCredentials _secrets;
        private readonly List<string> _failed = new();
        private readonly List<string> _swept = new();
        private EstateShard? _shard;
        private bool _shardRead;

        public EstateQueue(DbArchitectLiveCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _secrets = new SecretCredentials(cmdlet);
        }

        public IReadOnlyList<string> Failed => _failed;

        public IReadOnlyList<string> Swept => _swept;

        public void Add(Func<EstateTarget, TargetWork?> plan)
        {
            foreach (var (identity, live) in Targets())
            {
                if (Shard is { } shard && !shard.Contains(identity))
                {
                    _cmdlet.WriteVerbose($"{identity.Description} belongs to shard {EstateShard.Of(identity, shard.Count).ToString(CultureInfo.InvariantCulture)}/{shard.Count.ToString(CultureInfo.InvariantCulture)}, not {shard}: skipped.");
                    continue;
                }

                if (!_seen.Add(identity.Key))
                {
                    _cmdlet.WriteVerbose($"{identity.Description} is named more than once: swept once.");
                    continue;
                }

                var resolved = live ?? Connect(identity);
                if (resolved is null)
                {
                    continue;
                }

                if (plan(identity) is { } work)
                {
                    _pending.Add(new Pending(identity, resolved.WithoutPooling(), work));
                }
            }
        }

        public void Run(Func<EstateTarget, IReadOnlyList<object>, IEnumerable<object>> accept, CancellationToken cancellation)
        {
            var items = _pending.ToArray();
            _pending.Clear();
            if (items.Length == 0)
            {
                return;
            }

            var activity = $"{_cmdlet.MyInvocation.MyCommand.Name}: {Count(items.Length)}";
            var progress = new ProgressRecord(SweepProgressId, activity, "Starting") { PercentComplete = 0 };
            _cmdlet.WriteProgress(progress);
            _cmdlet.WriteVerbose($"Sweeping {Count(items.Length)}, {_cmdlet.ThrottleLimit.ToString(CultureInfo.InvariantCulture)} at once.");
            var failed = 0;
            try
            {
                foreach (var outcome in EstateSweep.Run(items, Math.Min(_cmdlet.ThrottleLimit, EstateSweep.MaxThrottle), Work, Describe, cancellation))
                {
                    var (identity, output) = outcome.Result;
                    foreach (var line in output?.Verbose ?? Enumerable.Empty<string>())
                    {
                        _cmdlet.WriteVerbose(line);
                    }

                    foreach (var line in output?.Warnings ?? Enumerable.Empty<string>())
                    {
                        _cmdlet.WriteWarning($"{outcome.Item.Identity.Description}: {line}");
                    }

                    if (outcome.Failed || output is null)
                    {
                        failed++;
                        Fail(outcome.Item.Identity, outcome.Item.Live.Description, outcome.Errors);
                    }
                    else
                    {
                        _swept.Add(outcome.Item.Live.Description);
                        foreach (var written in accept(identity!, output.Objects))
                        {
                            _cmdlet.WriteObject(TargetIdentity.Stamp(written, identity!));
                        }
                    }

                    progress.StatusDescription = string.Create(CultureInfo.InvariantCulture, $"{outcome.Done} of {outcome.Total} done, {failed} failed");
                    progress.CurrentOperation = outcome.Item.Identity.Description;
                    progress.PercentComplete = 100 * outcome.Done / outcome.Total;
                    _cmdlet.WriteProgress(progress);
                }
            }
            catch (OperationCanceledException) when (_cmdlet.Stopping)
            {
                // Ctrl+C: PowerShell ends the pipeline; the statements running were cancelled by StopProcessing.
                return;
            }

            progress.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(progress);
        }

        private EstateShard? Shard
        {
            get
            {
                if (!_shardRead)
                {
                    _shardRead = true;
                    var text = _cmdlet.Shard;
                    _shard = text is null ? null : _cmdlet.CallCoreOrStop(() => EstateShard.Parse(text), "-Shard", "Shard");
                }

                return _shard;
            }
        }

        /// <summary>The targets this input names; a name or file that cannot be read is its own error.</summary>
        private IEnumerable<(EstateTarget Identity, LiveTarget? Live)> Targets()
        {
            var cmdlet = _cmdlet;
            if (cmdlet.ConnectionString is null && cmdlet.Server is null && cmdlet.InventoryPath is null)
            {
                Report(new DbArchitectError("EstateTargetMissing", ErrorKind.InvalidArgument, "No target is named.",
                    "Name servers with -Server db1, 'db2,5433' (or pipe the names or objects with a Server property), connection strings with -ConnectionString, or an inventory with -InventoryPath.", null, null), "-Server");
                yield break;
            }

            if (cmdlet.Tag is not null && cmdlet.InventoryPath is null)
            {
                Report(new DbArchitectError("EstateTagWithoutInventory", ErrorKind.InvalidArgument, "-Tag chooses targets of an inventory, and no inventory is named.",
                    "Name the inventory with -InventoryPath (its tags column), or leave -Tag out to sweep the targets named.", null, null), "-Tag");
                yield break;
            }

            foreach (var text in cmdlet.ConnectionString ?? Array.Empty<string>())
            {
                // The connection string is the secret: never the error's target object.
                if (Try(() => LiveTarget.FromConnectionString(cmdlet.Engine, text), cmdlet.Engine, out var live))
                {
                    yield return (ConnectionIdentity.Of(live.Engine, text), live);
                }
                else
                {
                    _failed.Add("(connection string)");
                }
            }

            foreach (var name in (cmdlet.Server ?? Array.Empty<ServerName>()).Select(s => s.Text))
            {
                if (Try(() => TargetName.Parse(cmdlet.Engine, name, cmdlet.Port, cmdlet.Database), name, out var target))
                {
                    yield return (target with { CredentialName = cmdlet.CredentialName }, null);
                }
                else
                {
                    _failed.Add(name);
                }
            }

            foreach (var file in cmdlet.InventoryPath is null ? Enumerable.Empty<string>() : cmdlet.ResolveFiles(cmdlet.InventoryPath, false, "InventoryFileNotFound", "inventory", ".csv"))
            {
                if (!Try(() => InventoryReader.ReadFile(file, cmdlet.Engine), file, out var read))
                {
                    continue;
                }

                cmdlet.WriteVerbose($"Read {file}: {Count(read.Targets.Count)}, {read.Errors.Count.ToString(CultureInfo.InvariantCulture)} error(s).");
                foreach (var error in read.Errors)
                {
                    Report(error, file);
                }

                var chosen = cmdlet.Tag is { } tags ? read.Targets.Where(t => EstateTags.Carries(t, tags)).ToList() : read.Targets;
                if (chosen.Count == 0 && read.Targets.Count > 0)
                {
                    var carried = EstateTags.Of(read.Targets);
                    cmdlet.WriteWarning($"No target of {file} carries the tag {string.Join(" or ", cmdlet.Tag!)}; "
                        + (carried.Count == 0 ? "it has no tags column or tags." : $"its tags are {string.Join(", ", carried)}."));
                }
                else if (chosen.Count < read.Targets.Count)
                {
                    cmdlet.WriteVerbose($"-Tag {string.Join(", ", cmdlet.Tag!)} chose {Count(chosen.Count)} of {file}.");
                }

                foreach (var target in chosen)
                {
                    yield return (target with { Database = target.Database ?? cmdlet.Database, CredentialName = target.CredentialName ?? cmdlet.CredentialName }, null);
                }
            }
        }

        /// <summary>The live target with its credential (a named secret, else -Credential); null after reporting why not.</summary>
        private LiveTarget? Connect(EstateTarget identity)
        {
            System.Net.NetworkCredential? credential;
            if (identity.CredentialName is { } name)
            {
                if (!_secrets.TryGet(name, identity, out credential, out var problem))
                {
                    Fail(identity, identity.Description, new[] { problem! });
                    return null;
                }
            }
            else
            {
                credential = _cmdlet.Credential?.GetNetworkCredential();
            }

            var user = credential?.UserName is { Length: > 0 } named ? named : null;
            if (Try(() => LiveTarget.FromEndpoint(identity.Engine, identity.ToEndpoint(user, user is null ? null : credential!.Password)), identity.Description, out var live))
            {
                return live;
            }

            _failed.Add(identity.Description);
            return null;
        }

        /// <summary>On a worker thread: opens the session and runs the cmdlet's Core work. No Write* here.</summary>
        private (EstateTarget? Identity, TargetOutput? Output) Work(Pending item, CancellationToken cancellation)
        {
            using var session = LiveSession.Open(item.Live, item.Work.Session);
            _cmdlet._sessions.Add(session);
            cancellation.ThrowIfCancellationRequested();
            var output = new TargetOutput();
            output.Verbose.Add($"Connected to {item.Live.Description} (server {session.ServerVersion})");
            item.Work.Run(session, output);
            var database = session.Connection.Database;
            var identity = item.Identity.Database is null && !string.IsNullOrEmpty(database) ? item.Identity with { Database = database } : item.Identity;
            return (identity, output);
        }

        /// <summary>A failure no Core layer described (a driver's own exception): that target's error, scrubbed of secrets.</summary>
        private static DbArchitectError Describe(Pending item, Exception ex) => new(
            "TargetFailed", ErrorKind.ReadError,
            $"{item.Live.Description} failed: {LiveErrors.Scrub(ex.Message, item.Live)}",
            "Run the command for this target alone with -Verbose to see where it stops.", null, item.Live.Description);

        private void Fail(EstateTarget identity, string description, IReadOnlyList<DbArchitectError> errors)
        {
            _failed.Add(description);
            foreach (var error in errors)
            {
                Report(error, identity.Description);
            }
        }

        /// <summary>One error: non-terminating, so the sweep goes on; terminating with -EnableException.</summary>
        private void Report(DbArchitectError error, object target)
        {
            var record = ToErrorRecord(error, target);
            if (_cmdlet.EnableException)
            {
                _cmdlet.ThrowTerminatingError(record);
            }

            _cmdlet.WriteError(record);
        }

        /// <summary>A Core call for one target; its errors are that target's (reported as <see cref="Report"/> says).</summary>
        private bool Try<T>(Func<T> call, object target, out T result)
        {
            result = default!;
            try
            {
                result = Core.InvariantText.Run(call);
                return true;
            }
            catch (DbArchitectException ex)
            {
                foreach (var error in ex.Errors)
                {
                    Report(error, target);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report(new DbArchitectError("InventoryReadFailed", ErrorKind.ReadError, ex.Message, "Check the file and its permissions.", null, target), target);
            }

            return false;
        }

        private static string Count(int targets) => targets == 1 ? "1 target" : targets.ToString(CultureInfo.InvariantCulture) + " targets";

        private sealed record Pending(EstateTarget Identity, LiveTarget Live, TargetWork Work);
    }
}
