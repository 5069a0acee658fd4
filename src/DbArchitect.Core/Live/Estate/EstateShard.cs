using System.Globalization;
using System.Text;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// Shard k of n ("2/4"): the targets one of n runners sweeps. A target's shard comes from a stable hash of its
/// <see cref="EstateTarget.Key"/> (64-bit FNV-1a over UTF-8), the same on every machine, process and .NET version —
/// never string.GetHashCode, which is randomised per process — so n runners of a CI matrix cover the estate exactly once.
/// </summary>
public sealed record EstateShard
{
    /// <summary>The most runners a sweep may be split across.</summary>
    public const int MaxCount = 1024;

    private EstateShard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>Which shard, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    public int Count { get; }

    /// <summary>"k/n" with 1 ≤ k ≤ n ≤ 1024; an error names what is wrong and how to write it.</summary>
    public static EstateShard Parse(string text)
    {
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw Invalid($"'{text}' is not a shard.", "Write the shard as k/n: 2/4 is the second of four runners.");
        }

        if (count is < 1 or > MaxCount || index < 1 || index > count)
        {
            throw Invalid($"Shard '{text}' is out of range.", $"k runs from 1 to n, and n from 1 to {MaxCount}: 1/4, 2/4, 3/4 and 4/4 cover the estate.");
        }

        return new EstateShard(index, count);
    }

    /// <summary>The shard (1 to <paramref name="count"/>) a target belongs to.</summary>
    public static int Of(EstateTarget target, int count)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)(StableHash(target.Key) % (ulong)count) + 1;
    }

    /// <summary>64-bit FNV-1a over the UTF-8 bytes: stable across processes and platforms.</summary>
    public static ulong StableHash(string text)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        // FNV's low bits mix poorly for short keys that differ in their last bytes (db1, db2…): fold the high half in.
        return hash ^ (hash >> 32);
    }

    public bool Contains(EstateTarget target) => Of(target, Count) == Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private static DbArchitectException Invalid(string message, string fix) =>
        new(new DbArchitectError("EstateShardInvalid", ErrorKind.InvalidArgument, message, fix, null, "-Shard"));
}
