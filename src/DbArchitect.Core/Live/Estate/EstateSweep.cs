using System.Collections.Concurrent;
using System.Diagnostics;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Live.Estate;

/// <summary>What one item of a sweep gave: its result, or the error that stopped it; and how far the sweep is.</summary>
public sealed record SweepOutcome<TItem, TResult>(TItem Item, TResult? Result, IReadOnlyList<DbArchitectError> Errors, int Done, int Total, TimeSpan Elapsed)
{
    public bool Failed => Errors.Count > 0;
}

/// <summary>
/// Runs one piece of work per target on at most <c>throttle</c> threads at once (so at most that many connections), and
/// hands each outcome back to the caller's thread as it completes: the caller alone writes output (PowerShell's Write
/// methods may only be called from the pipeline thread). A target that fails is an outcome with errors; the others go on.
/// Cancelling (Ctrl+C) stops handing out targets, and the caller cancels the statements running.
/// </summary>
public static class EstateSweep
{
    public const int DefaultThrottle = 8;

    public const int MaxThrottle = 256;

    private static readonly TimeSpan JoinWait = TimeSpan.FromSeconds(2);

    public static IEnumerable<SweepOutcome<TItem, TResult>> Run<TItem, TResult>(
        IReadOnlyList<TItem> items, int throttle, Func<TItem, CancellationToken, TResult> work, Func<TItem, Exception, DbArchitectError> describe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentOutOfRangeException.ThrowIfLessThan(throttle, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throttle, MaxThrottle);
        return Iterate(items, throttle, work, describe, cancellation);
    }

    private static IEnumerable<SweepOutcome<TItem, TResult>> Iterate<TItem, TResult>(
        IReadOnlyList<TItem> items, int throttle, Func<TItem, CancellationToken, TResult> work, Func<TItem, Exception, DbArchitectError> describe, CancellationToken cancellation)
    {
        if (items.Count == 0)
        {
            yield break;
        }

        // The caller may stop reading (a terminating error, Select-Object -First): the finally below stops the workers.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var outcomes = new BlockingCollection<SweepOutcome<TItem, TResult>>();
        var queue = new ConcurrentQueue<TItem>(items);
        var clock = Stopwatch.StartNew();
        var running = Math.Min(throttle, items.Count);
        var token = stop.Token;

        void Worker()
        {
            try
            {
                while (!token.IsCancellationRequested && queue.TryDequeue(out var item))
                {
                    var started = clock.Elapsed;
                    TResult? result = default;
                    IReadOnlyList<DbArchitectError> errors = Array.Empty<DbArchitectError>();
                    try
                    {
                        result = InvariantText.Run(() => work(item, token));
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (DbArchitectException ex)
                    {
                        errors = ex.Errors.Count > 0 ? ex.Errors : new[] { describe(item, ex) };
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
                    {
                        // A driver or engine failure no layer named: still that target's error only, never the sweep's end.
                        errors = new[] { describe(item, ex) };
                    }

                    if (token.IsCancellationRequested)
                    {
                        return;
                    }

                    // Done is counted where outcomes are handed out: two workers finishing together may add in either order.
                    outcomes.Add(new SweepOutcome<TItem, TResult>(item, result, errors, 0, items.Count, clock.Elapsed - started), CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // The caller stopped reading and the sweep was torn down while this thread finished its target: nothing to hand back.
            }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0)
                {
                    try
                    {
                        outcomes.CompleteAdding();
                    }
                    catch (ObjectDisposedException)
                    {
                        // Torn down already (see above).
                    }
                }
            }
        }

        var threads = new List<Thread>();
        for (var i = 0; i < running; i++)
        {
            // Dedicated threads: the drivers' connect and query calls block, and 32 of them must not starve the thread pool.
            var thread = new Thread(Worker) { IsBackground = true, Name = $"DbArchitect sweep {i + 1}" };
            threads.Add(thread);
        }

        foreach (var thread in threads)
        {
            thread.Start();
        }

        try
        {
            var delivered = 0;
            foreach (var outcome in outcomes.GetConsumingEnumerable(cancellation))
            {
                yield return outcome with { Done = ++delivered };
            }
        }
        finally
        {
            stop.Cancel();

            // Workers end after their current target (the caller cancels its statement on Ctrl+C). A worker still stuck in a
            // connect is not waited for past a moment: it finds the sweep cancelled and ends on its own.
            var deadline = DateTime.UtcNow + JoinWait;
            foreach (var thread in threads)
            {
                var left = deadline - DateTime.UtcNow;
                thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
        }
    }
}
