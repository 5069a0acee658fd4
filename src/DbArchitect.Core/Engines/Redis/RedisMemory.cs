namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// What Redis 7.0 (64-bit, jemalloc 5.3) allocates for a key and its value. Every allocation is rounded up to a
/// jemalloc size class; the per-structure rules below follow the server's own layouts:
/// <list type="bullet">
/// <item>a key: a dictEntry (24 bytes → 32) in the keyspace, the key's SDS string (1, 3, 5 or 9 header bytes by length,
/// plus the bytes and a terminator), the value's robj (16), and 8 bytes of bucket per slot of the keyspace table (a
/// power of two at least as large as the number of keys); a key with a TTL adds a dictEntry in the expires table;</item>
/// <item>a string: an integer lives in the robj itself; up to 44 bytes robj and SDS share one allocation (embstr);</item>
/// <item>listpack (small hashes and sorted sets, hash-max-listpack-entries 128 / value 64 bytes,
/// zset-max-listpack-entries 128 / value 64): a 7-byte header and end, and per element an encoding byte or two, the
/// bytes, and a back-length; integers take 2 to 10 bytes;</item>
/// <item>hashtable (larger hashes and sets): a dict (56 → 64), 8 bytes per bucket, and per element a dictEntry and the
/// SDS strings of field and value;</item>
/// <item>intset (sets of up to 512 integers): 8 bytes of header and 2, 4 or 8 bytes per member;</item>
/// <item>skiplist (larger sorted sets): a dict and a skiplist whose nodes have 1.33 levels on average (p = 0.25) of 16
/// bytes beside 24 bytes of member pointer, score and back pointer; the member SDS is shared;</item>
/// <item>stream: listpack nodes of up to 100 entries or 4,096 bytes (stream-node-max-entries/-bytes), each allocated at
/// 4,096 bytes up front, with about 612 bytes of radix tree and node bookkeeping each.</item>
/// </list>
/// The figures were checked against MEMORY USAGE and INFO memory on redis-server 7.0.15 (tests/…/Redis).
/// </summary>
public static class RedisMemory
{
    public const int HashListpackEntries = 128;
    public const int HashListpackValue = 64;
    public const int ZsetListpackEntries = 128;
    public const int ZsetListpackValue = 64;
    public const int SetIntsetEntries = 512;
    public const int StreamNodeEntries = 100;
    public const int StreamNodeBytes = 4096;

    private const int Robj = 16;
    private const int DictEntry = 32;
    private const int Dict = 64;
    private const int StreamNodeOverhead = 612;

    /// <summary>The jemalloc size class an allocation of <paramref name="bytes"/> takes: 8, 16, 32, 48 … 128, then four classes per doubling.</summary>
    public static long Jemalloc(long bytes)
    {
        if (bytes <= 8)
        {
            return 8;
        }

        if (bytes <= 128)
        {
            return (bytes + 15) / 16 * 16;
        }

        var power = 1L << (63 - (int)long.LeadingZeroCount(bytes - 1)); // largest power of two below bytes
        var step = power / 4;
        return checked((bytes + step - 1) / step * step);
    }

    /// <summary>An SDS string of <paramref name="length"/> bytes: header by length, the bytes and the terminator.</summary>
    public static long Sds(long length)
    {
        var header = length < 32 ? 1 : length < 256 ? 3 : length < 65_536 ? 5 : 9;
        return Jemalloc(checked(header + length + 1));
    }

    /// <summary>What one key costs besides its value: keyspace dictEntry, key SDS, value robj (what MEMORY USAGE counts besides the value).</summary>
    public static long KeyOverhead(int keyNameBytes) => DictEntry + Sds(keyNameBytes) + Robj;

    /// <summary>Bucket bytes per key of the keyspace table (and of the expires table for keys with a TTL), plus the expires entry.</summary>
    public static long TableBytesPerKey(long keys, bool ttl)
    {
        if (keys <= 0)
        {
            return 0;
        }

        var buckets = NextPowerOfTwo(keys);
        var perKey = (long)Math.Ceiling(8.0 * buckets / keys);
        return ttl ? checked((perKey * 2) + DictEntry) : perKey;
    }

    /// <summary>A value beyond its robj (counted by <see cref="KeyOverhead"/>): a string is an integer (in the robj), embedded up to 44 bytes, or a separate SDS.</summary>
    public static long StringValue(int length, bool integer) =>
        integer && length <= 20 ? 0 : length <= 44 ? Jemalloc(Robj + 3 + length + 1) - Robj : Sds(length);

    /// <summary>Bytes of one listpack element holding <paramref name="length"/> bytes of text, or an integer of that many digits.</summary>
    public static int ListpackEntry(int length, bool integer)
    {
        if (integer && length <= 19)
        {
            // Digits → the smallest integer encoding: 7-bit, 13-bit, 16, 24, 32 or 64 bits, plus one back-length byte.
            return length switch
            {
                <= 2 => 2,
                <= 3 => 3,
                <= 4 => 4,
                <= 7 => 5,
                <= 9 => 6,
                _ => 10,
            };
        }

        var header = length < 64 ? 1 : length < 4096 ? 2 : 5;
        var body = header + length;
        var back = body < 128 ? 1 : body < 16_384 ? 2 : 3;
        return body + back;
    }

    /// <summary>A hash of <paramref name="fields"/> fields whose names and values take the given listpack bytes and SDS lengths.</summary>
    public static (long Bytes, string Encoding) Hash(double fields, double listpackBytes, double fieldLength, double valueLength, int longestValue)
    {
        if (fields <= HashListpackEntries && longestValue <= HashListpackValue)
        {
            return (Jemalloc(checked(7 + (long)Math.Round(listpackBytes))), "listpack");
        }

        var n = (long)Math.Ceiling(fields);
        var each = DictEntry + Sds((long)Math.Round(fieldLength)) + Sds((long)Math.Round(valueLength));
        return (checked(Dict + Jemalloc(8 * NextPowerOfTwo(n)) + (n * each)), "hashtable");
    }

    /// <summary>A set of <paramref name="members"/> members of <paramref name="memberLength"/> bytes: intset when all are integers, else a hashtable (7.0 has no listpack sets).</summary>
    public static (long Bytes, string Encoding) Set(double members, int memberLength, bool integers)
    {
        var n = (long)Math.Ceiling(members);
        if (integers && n <= SetIntsetEntries && memberLength <= 19)
        {
            var width = memberLength <= 4 ? 2 : memberLength <= 9 ? 4 : 8;
            return (Jemalloc(8 + (n * width)), "intset");
        }

        return (checked(Dict + Jemalloc(8 * NextPowerOfTwo(n)) + (n * (DictEntry + Sds(memberLength)))), "hashtable");
    }

    /// <summary>A sorted set of <paramref name="members"/> members of <paramref name="memberLength"/> bytes with scores of <paramref name="scoreDigits"/> digits (0: the score is 0).</summary>
    public static (long Bytes, string Encoding) SortedSet(double members, int memberLength, bool integerMembers, int scoreDigits)
    {
        var n = (long)Math.Ceiling(members);
        if (n <= ZsetListpackEntries && memberLength <= ZsetListpackValue)
        {
            var each = ListpackEntry(memberLength, integerMembers) + ListpackEntry(Math.Max(1, scoreDigits), true);
            return (Jemalloc(checked(7 + (n * each))), "listpack");
        }

        // zset struct (16) + dict + buckets + skiplist struct (32) + header node of 32 levels (536 → 640), then per
        // member a dictEntry, a node of 1.33 levels on average (48/64/80 bytes by level: 54 expected) and the member SDS.
        const int node = 54;
        return (checked(16 + Dict + Jemalloc(8 * NextPowerOfTwo(n)) + 32 + 640 + (n * (DictEntry + node + Sds(memberLength)))), "skiplist");
    }

    /// <summary>A stream of <paramref name="entries"/> entries of <paramref name="entryBytes"/> listpack bytes each.</summary>
    public static (long Bytes, string Encoding) Stream(double entries, int entryBytes)
    {
        var perNode = Math.Max(1, Math.Min(StreamNodeEntries, StreamNodeBytes / Math.Max(1, entryBytes)));
        var nodes = Math.Max(1, (long)Math.Ceiling(entries / perNode));
        var nodeBytes = Jemalloc(Math.Max(StreamNodeBytes, perNode * entryBytes)) + StreamNodeOverhead;
        return (checked(nodes * nodeBytes), "stream (listpack nodes)");
    }

    /// <summary>Listpack bytes of a stream entry with the master entry's fields: flags, id deltas, one element per value, the count.</summary>
    public static int StreamEntry(IEnumerable<(int Length, bool Integer)> values) =>
        2 + 10 + 2 + values.Sum(v => ListpackEntry(v.Length, v.Integer)) + 2;

    private static long NextPowerOfTwo(long n)
    {
        var p = 4L;
        while (p < n)
        {
            p = checked(p * 2);
        }

        return p;
    }
}
