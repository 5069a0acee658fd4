using DbArchitect.Core.Errors;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.Core.Tests.Live.Estate;

/// <summary>The sweep: at most the throttle at once, every outcome handed back on the caller's thread, failures kept apart.</summary>
public sealed class EstateSweepTests
{
    private static DbArchitectError Describe(int item, Exception ex) => new("TargetFailed", ErrorKind.ReadError, $"{item}: {ex.Message}", null, null);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(32)]
    public void Runs_at_most_the_throttle_at_once_and_returns_every_outcome_on_the_caller_thread(int throttle)
    {
        var running = 0;
        var most = 0;
        var caller = Environment.CurrentManagedThreadId;
        var items = Enumerable.Range(1, 40).ToList();
        var outcomes = EstateSweep.Run(items, throttle, (item, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
            return item * 2;
        }, Describe, CancellationToken.None).Select(o => (o, Environment.CurrentManagedThreadId)).ToList();

        Assert.All(outcomes, o => Assert.Equal(caller, o.Item2));
        Assert.Equal(items.Select(i => i * 2).Order(), outcomes.Select(o => o.o.Result).Order());
        Assert.InRange(most, 1, throttle);
        Assert.Equal(Enumerable.Range(1, 40), outcomes.Select(o => o.o.Done));
        if (throttle > 1)
        {
            Assert.True(most > 1, "the sweep never ran two targets at once");
        }
    }

    [Fact]
    public void Keeps_each_failure_to_its_target_and_goes_on()
    {
        var outcomes = EstateSweep.Run(Enumerable.Range(1, 20).ToList(), 4, (item, _) => item % 5 == 0
            ? item % 10 == 0 ? throw new DbArchitectException(new DbArchitectError("ConnectionFailed", ErrorKind.ConnectionError, $"down {item}", null, null)) : throw new InvalidCastException("bug")
            : item, Describe, CancellationToken.None).ToList();
        Assert.Equal(20, outcomes.Count);
        Assert.Equal(new[] { 5, 10, 15, 20 }, outcomes.Where(o => o.Failed).Select(o => o.Item).Order());
        Assert.Equal("ConnectionFailed", outcomes.Single(o => o.Item == 10).Errors.Single().ErrorId);
        Assert.Equal("TargetFailed", outcomes.Single(o => o.Item == 5).Errors.Single().ErrorId);
    }

    [Fact]
    public void Stops_handing_out_targets_when_cancelled()
    {
        using var stop = new CancellationTokenSource();
        var started = 0;
        var seen = new List<int>();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var outcome in EstateSweep.Run(Enumerable.Range(1, 200).ToList(), 2, (item, _) =>
            {
                Interlocked.Increment(ref started);
                Thread.Sleep(10);
                return item;
            }, Describe, stop.Token))
            {
                seen.Add(outcome.Item);
                if (seen.Count == 3)
                {
                    stop.Cancel();
                }
            }
        });
        Thread.Sleep(100);
        Assert.InRange(Volatile.Read(ref started), 3, 10);
    }

    [Fact]
    public void Refuses_a_throttle_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EstateSweep.Run(new[] { 1 }, 0, (i, _) => i, Describe, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => EstateSweep.Run(new[] { 1 }, EstateSweep.MaxThrottle + 1, (i, _) => i, Describe, CancellationToken.None));
    }

    [Fact]
    public void Flattens_nested_figures_into_one_CSV_friendly_text()
    {
        var text = EstateText.Flatten(new Dictionary<string, string> { ["b"] = "2", ["a"] = "x;y", ["c=d"] = "line\nbreak" });
        Assert.Equal("a=x\\;y; b=2; c\\=d=line\\nbreak", text);
        Assert.Equal(string.Empty, EstateText.Flatten(new Dictionary<string, string>()));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
