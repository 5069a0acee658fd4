using System.Runtime.ExceptionServices;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Catalog reads over several connections that all see one moment. The session opens a REPEATABLE READ READ ONLY
/// transaction and exports its snapshot (pg_export_snapshot); each fork opens the same kind of transaction and adopts it
/// (SET TRANSACTION SNAPSHOT), so independent queries run at once and still describe one catalog: DDL committed while
/// they run is in none of them. JIT is off in each: catalog queries over thousands of tables cross the planner's JIT
/// cost threshold, and compiling them took longer than running them (pg_dump turns it off for the same reason).
/// Where forks cannot be had (connection limit, a pooler that does not keep one backend per session, a server that
/// cannot export snapshots), all the work runs on the session, in its one transaction, one piece after another.
/// The server's deparse functions (pg_get_expr, pg_get_indexdef) read the newest catalog rather than the snapshot, as
/// they do for pg_dump; they are only called on objects the snapshot holds.
/// </summary>
internal sealed class PostgreSqlCatalogSnapshot : IDisposable
{
    private const string Begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

    private const string NoJit = "SET LOCAL jit = off";

    private readonly LiveSession _session;

    private readonly Task<LiveSession?>[] _forks;

    private PostgreSqlCatalogSnapshot(LiveSession session, Task<LiveSession?>[] forks)
    {
        _session = session;
        _forks = forks;
    }

    /// <summary>Starts the transaction on <paramref name="session"/> and starts opening <paramref name="forks"/> more connections into its snapshot.</summary>
    public static PostgreSqlCatalogSnapshot Open(LiveSession session, int forks)
    {
        session.Execute(Begin, "Starting a read-only snapshot of the catalog");
        session.Execute(NoJit, "Turning JIT off for the catalog queries");
        string? snapshot;
        try
        {
            snapshot = session.Scalar("SELECT pg_export_snapshot()", "Exporting the catalog snapshot") as string;
        }
        catch (DbArchitectException)
        {
            // No exported snapshots here (an old standby, a restricted server): one connection, one transaction.
            session.Execute("ROLLBACK", "Ending the catalog snapshot");
            session.Execute(Begin, "Starting a read-only snapshot of the catalog");
            session.Execute(NoJit, "Turning JIT off for the catalog queries");
            snapshot = null;
        }

        var opening = snapshot is null
            ? Array.Empty<Task<LiveSession?>>()
            : Enumerable.Range(0, forks).Select(_ => Task.Run(() => Join(session, snapshot))).ToArray();
        return new PostgreSqlCatalogSnapshot(session, opening);
    }

    /// <summary>
    /// Runs each piece of work on a session of the snapshot, at once where there are forks; returns when all are done and
    /// rethrows the first failure.
    /// </summary>
    public void Run(params Action<LiveSession>[] work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var forks = _forks.Length == 0 ? Array.Empty<LiveSession>() : Task.WhenAll(_forks).GetAwaiter().GetResult().OfType<LiveSession>().ToArray();
        var sessions = new[] { _session }.Concat(forks).ToArray();
        var lanes = Enumerable.Range(0, sessions.Length)
            .Select(lane => (Session: sessions[lane], Work: work.Where((_, i) => i % sessions.Length == lane).ToArray()))
            .ToArray();
        var running = lanes.Skip(1).Select(lane => Task.Run(() => Array.ForEach(lane.Work, w => w(lane.Session)))).ToArray();
        Exception? other = null;
        try
        {
            Array.ForEach(lanes[0].Work, w => w(lanes[0].Session));
        }
        finally
        {
            // Whatever this lane throws, the other lanes finish before Dispose ends their sessions' transactions; a
            // failure of this lane is the one reported.
            try
            {
                Task.WaitAll(running);
            }
            catch (AggregateException ex)
            {
                other = ex.InnerExceptions[0];
            }
        }

        if (other is not null)
        {
            ExceptionDispatchInfo.Capture(other).Throw();
        }
    }

    public void Dispose()
    {
        foreach (var fork in _forks)
        {
            if (fork.GetAwaiter().GetResult() is { } session)
            {
                using (session)
                {
                    End(session);
                }
            }
        }

        End(_session);
    }

    /// <summary>Read-only: ending the transaction either way changes nothing; ROLLBACK also ends one a failed statement aborted.</summary>
    private static void End(LiveSession session)
    {
        if (session.Connection.State == System.Data.ConnectionState.Open)
        {
            session.Execute("ROLLBACK", "Ending the catalog snapshot");
        }
    }

    /// <summary>A fork in the snapshot, or null when the server refuses one (the work then runs on the other sessions).</summary>
    private static LiveSession? Join(LiveSession session, string snapshot)
    {
        LiveSession? fork = null;
        try
        {
            fork = session.Fork();
            fork.Execute(Begin, "Starting a read-only snapshot of the catalog");
            fork.Execute("SET TRANSACTION SNAPSHOT " + PostgreSqlWriter.String(snapshot), "Joining the catalog snapshot");
            fork.Execute(NoJit, "Turning JIT off for the catalog queries");
            return fork;
        }
        catch (DbArchitectException)
        {
            fork?.Dispose();
            return null;
        }
    }
}
