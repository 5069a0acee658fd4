using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// Memory of each key family today and at the retention limit: how many keys, how many elements per key (from the
/// entity's rows and the distinct values of the key's columns, each row falling on a value at random: only the values
/// some row hits become keys, and the elements of a key scatter around their mean), the typical bytes of a key name
/// and an element (TypicalValues widths), then <see cref="RedisMemory"/> for the structure's encoding.
/// </summary>
internal static class RedisSizing
{
    /// <summary>Distinct top-level "key=value" pairs assumed for a JSON column a pattern filters on.</summary>
    public const long AssumedJsonPairs = 50;

    /// <summary>Top-level pairs of a typical JSON document.</summary>
    public const int JsonPairsPerDocument = 3;

    /// <summary>Share of distinct values in a free-text column that is not unique.</summary>
    public const double TextDistinctShare = 0.1;

    public static KeyFamily Size(KeyFamily family, RedisEntity entity, IReadOnlyDictionary<string, RedisEntity> entities, long tenants, double retentionDays)
    {
        var today = Shape(family, entity, entities, tenants, retentionDays, e => e.RowsToday);
        var atRetention = Shape(family, entity, entities, tenants, retentionDays, e => e.RowsAtRetention);
        var basis = $"{InvariantText.Count(today.Keys)} keys × {InvariantText.Number(today.Elements)} element(s) of ~{InvariantText.Integer(today.ElementBytes)} bytes; key names ~{InvariantText.Integer(today.KeyBytes)} bytes";
        return family with
        {
            Size = new KeyFamilySize(today.Keys, atRetention.Keys, today.Elements, today.KeyBytes, today.ElementBytes, today.Encoding,
                today.Usage, today.Table, checked(today.Keys * (today.Usage + today.Table)), checked(atRetention.Keys * (atRetention.Usage + atRetention.Table)), basis),
        };
    }

    private sealed record FamilyShape(long Keys, double Elements, int KeyBytes, int ElementBytes, long Usage, long Table, string Encoding);

    private static FamilyShape Shape(KeyFamily family, RedisEntity entity, IReadOnlyDictionary<string, RedisEntity> entities, long tenants, double retentionDays, Func<RedisEntity, long> rowsOf)
    {
        var rows = Math.Max(1, rowsOf(entity));
        long Rows(string? name) => name is not null && entities.TryGetValue(name, out var e) ? Math.Max(1, rowsOf(e)) : rows;
        RedisColumn Col(string field) => entity.Columns.First(c => c.Field == field);
        var keyColumns = family.KeyColumns.Select(Col).ToList();
        var keyBytes = KeyNameBytes(family, entity);
        long keys;
        double elements;
        long value;
        string encoding;
        switch (family.Purpose)
        {
            case KeyFamilyPurpose.Entity:
            {
                keys = rows;
                var fields = family.Fields.Select(f => (Field: f, Present: 1 - f.NullShare, Col: Col(f.Column))).ToList();
                elements = fields.Sum(f => f.Present);
                var listpack = fields.Sum(f => f.Present * (RedisMemory.ListpackEntry(Utf8(f.Field.Name), false) + RedisMemory.ListpackEntry(f.Field.Bytes, f.Col.IsInteger)));
                var longest = fields.Where(f => f.Present > 0).Select(f => Math.Max(f.Field.Bytes, Utf8(f.Field.Name))).DefaultIfEmpty(0).Max(); // hash-max-listpack-value bounds field names too
                var fieldLength = fields.Count == 0 ? 0 : fields.Average(f => Utf8(f.Field.Name));
                var valueLength = fields.Count == 0 ? 0 : fields.Average(f => f.Field.Bytes);
                (value, encoding) = RedisMemory.Hash(elements, listpack, fieldLength, valueLength, longest);
                return Finish(keys, elements, keyBytes, (int)Math.Round(listpack / Math.Max(1, elements)), value, encoding, family.TtlSeconds is not null);
            }

            case KeyFamilyPurpose.Lookup:
            {
                var unique = keyColumns.Last();
                keys = (long)Math.Round(rows * (1 - unique.NullShare));
                value = RedisMemory.StringValue(entity.Id.Bytes, entity.Id.IsInteger);
                return Finish(keys, 1, keyBytes, entity.Id.Bytes, value, entity.Id.IsInteger ? "int" : entity.Id.Bytes <= 44 ? "embstr" : "raw", family.TtlSeconds is not null);
            }

            case KeyFamilyPurpose.Feed:
            {
                var parent = keyColumns.Last();
                keys = Math.Min(rows, Rows(parent.References));
                elements = (double)rows / keys;
                var entry = RedisMemory.StreamEntry(family.Fields.Select(f => (f.Bytes, Col(f.Column).IsInteger)));
                (value, encoding) = RedisMemory.Stream(elements, entry);
                return Finish(keys, elements, keyBytes, entry, value, encoding, false);
            }

            case KeyFamilyPurpose.Location:
            {
                var owner = entity.Columns.First(c => c.Field == family.MemberColumn);
                var members = Math.Min(rows, Rows(owner.References));
                keys = Math.Max(1, KeysOf(keyColumns, entity, tenants, rows, Rows));
                elements = (double)members / keys;
                (value, encoding) = RedisMemory.SortedSet(elements, owner.Bytes, owner.IsInteger, 16);
                return Finish(keys, elements, keyBytes, owner.Bytes, value, encoding == "skiplist" ? "skiplist (GEO)" : "listpack (GEO)", false);
            }

            case KeyFamilyPurpose.Search:
                return SearchShape(family, entity, tenants, rows, keyBytes);

            case KeyFamilyPurpose.Counter:
            {
                keys = KeysOf(keyColumns, entity, tenants, rows, Rows);
                var perDay = family.Bucket!.Bucket switch
                {
                    TimeBucket.Hour => 24.0,
                    TimeBucket.Day => 1.0,
                    TimeBucket.Week => 1 / 7.0,
                    TimeBucket.Month => 1 / 30.44,
                    _ => 1 / 365.25,
                };
                // A business date (a close date, a due date) spans the typical distinct dates, an event time the retention;
                // the rows of a key fall on its buckets at random, so only the buckets some row hits become fields.
                var time = entity.Column(family.Bucket.Column);
                var spanDays = time?.Type.Kind == LogicalTypeKind.Date ? Design.TypicalValues.Default.DistinctDates : retentionDays;
                var buckets = Math.Max(1, Math.Ceiling(spanDays * perDay));
                var hit = Math.Max(1, Occupied(buckets, (double)rows / keys));
                var avg = family.Aggregate!.Function == AggregateFunction.Avg;
                elements = avg ? hit * 2 : hit;
                var label = family.Bucket.Bucket switch { TimeBucket.Hour => 13, TimeBucket.Day => 10, TimeBucket.Week => 8, TimeBucket.Month => 7, _ => 4 };

                // A count has the digits of the rows per bucket; a sum those of one value (a decimal scaled to an
                // integer loses its point) and as many more as the rows per bucket add.
                var perBucket = Math.Max(1, (double)rows / keys / hit);
                var countDigits = (int)Math.Floor(Math.Log10(perBucket)) + 1;
                var summed = family.Aggregate.Column is { } c ? entity.Column(c) : null;
                var integer = summed is null || summed.IsInteger || RedisKeySchema.IsDecimal(summed);
                var sumDigits = summed is null ? countDigits
                    : Math.Max(1, (RedisKeySchema.IsDecimal(summed) ? summed.Bytes - 1 : summed.Bytes) + (int)Math.Round(Math.Log10(perBucket)));
                var digits = family.Aggregate.Function == AggregateFunction.Count ? countDigits : sumDigits;
                var sumLabel = avg ? label + 4 : label;
                var perBucketListpack = RedisMemory.ListpackEntry(sumLabel, false) + RedisMemory.ListpackEntry(digits, integer)
                    + (avg ? RedisMemory.ListpackEntry(label + 6, false) + RedisMemory.ListpackEntry(countDigits, true) : 0);
                var fieldLength = avg ? label + 5 : label;
                var valueLength = avg ? (digits + countDigits) / 2.0 : digits;
                (value, encoding) = RedisMemory.Hash(elements, hit * perBucketListpack, fieldLength, valueLength, Math.Max(label + 6, digits));
                return Finish(keys, elements, keyBytes, fieldLength + (int)Math.Round(valueLength), value, encoding, false);
            }

            default:
            {
                // Index and membership families: the ids of the entity (or the other side of a junction) per key value.
                // A row without a key value is not indexed; a JSON column is indexed once per top-level pair. The
                // entries fall on the key values at random, so only the values some entry hits become keys, and the
                // entries per key scatter around their mean (Poisson): near an encoding limit a share of keys is past it.
                var member = family.MemberColumn is { } m ? entity.Columns.First(c => c.Field == m) : entity.Id;
                var jsonPairs = keyColumns.Any(c => c.Type.Kind == LogicalTypeKind.Json) ? JsonPairsPerDocument : 1;
                var entries = rows * keyColumns.Aggregate(1.0, (p, c) => p * (1 - c.NullShare)) * jsonPairs;
                var distinct = DistinctKeys(keyColumns, entity, tenants, Rows);
                keys = (long)Math.Max(1, Math.Round(Occupied(distinct, entries)));
                elements = Math.Max(1, entries / keys);
                var mean = entries / distinct;
                if (family.Structure == ValueStructure.Hash)
                {
                    var json = 2 + family.Fields.Sum(f => Utf8(f.Name) + f.Bytes + 6);
                    var perEntry = RedisMemory.ListpackEntry(member.Bytes, member.IsInteger) + RedisMemory.ListpackEntry(json, false);
                    (value, encoding) = Scattered(mean, elements, n => RedisMemory.Hash(n, n * perEntry, member.Bytes, json, json));
                    return Finish(keys, elements, keyBytes, member.Bytes + json, value, encoding, false);
                }

                if (family.Structure == ValueStructure.Set)
                {
                    (value, encoding) = Scattered(mean, elements, n => RedisMemory.Set(n, member.Bytes, member.IsInteger));
                    return Finish(keys, elements, keyBytes, member.Bytes, value, encoding, false);
                }

                var lex = family.Lex.Count == 0 ? 0 : family.Lex.Sum(l => l.Width > 0 ? l.Width : Col(l.Column).Bytes) + 1;
                var memberBytes = lex + member.Bytes;
                var scoreDigits = family.ScoreColumn is { } s ? Col(s).ScoreDigits : 1;
                (value, encoding) = Scattered(mean, elements, n => RedisMemory.SortedSet(n, memberBytes, lex == 0 && member.IsInteger, scoreDigits));
                return Finish(keys, elements, keyBytes, memberBytes, value, encoding, false);
            }
        }
    }

    private static FamilyShape SearchShape(KeyFamily family, RedisEntity entity, long tenants, long rows, int keyBytes)
    {
        // A word and its blank take WordBytes on average and the last word has no blank: a text of B bytes holds
        // (B + 1) / WordBytes words, rounded to the nearest (14 bytes: three; 120 bytes: twenty).
        var words = family.TextColumns.Sum(f => Math.Max(1, (entity.Columns.First(c => c.Field == f).Bytes + 1 + (RedisKeySchema.WordBytes / 2)) / RedisKeySchema.WordBytes));
        var postings = (double)rows * words;
        var scopes = Math.Max(1, entity.Tenant is null ? 1 : tenants);
        var vocabulary = Math.Max(1, Math.Min(postings / scopes, RedisKeySchema.AssumedVocabulary));
        if (family.Structure == ValueStructure.SortedSet)
        {
            var (value, encoding) = RedisMemory.SortedSet(vocabulary, RedisKeySchema.WordBytes - 1, false, 1);
            return Finish(scopes, vocabulary, keyBytes, RedisKeySchema.WordBytes - 1, value, encoding, false);
        }

        var keys = (long)Math.Ceiling(vocabulary * scopes);
        var elements = Math.Max(1, postings / keys);
        var (bytes, setEncoding) = RedisMemory.Set(elements, entity.Id.Bytes, entity.Id.IsInteger);
        return Finish(keys, elements, keyBytes, entity.Id.Bytes, bytes, setEncoding, false);
    }

    /// <summary>Of <paramref name="slots"/> equally likely values, how many <paramref name="draws"/> random draws hit at least once.</summary>
    internal static double Occupied(double slots, double draws) =>
        slots <= 0 || draws <= 0 ? 0 : slots * -double.ExpM1(-draws / slots);

    /// <summary>
    /// The expected bytes of a key whose elements number N ~ Poisson(<paramref name="mean"/>) given N ≥ 1 (the keys that
    /// exist), and the encoding most of them take; far from every encoding limit, the bytes at the <paramref name="perKey"/> mean.
    /// </summary>
    internal static (long Bytes, string Encoding) Scattered(double mean, double perKey, Func<double, (long Bytes, string Encoding)> cost)
    {
        if (mean <= 0 || mean > 5_000)
        {
            return cost(perKey);
        }

        var spread = 10 * Math.Sqrt(mean) + 20;
        var first = Math.Max(1, (int)Math.Floor(mean - spread));
        var last = (int)Math.Ceiling(mean + spread);
        var logMean = Math.Log(mean);
        var logP = -mean;
        for (var n = 1; n < first; n++)
        {
            logP += logMean - Math.Log(n);
        }

        double total = 0, mass = 0;
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var n = first; n <= last; n++)
        {
            logP += logMean - Math.Log(n);
            var p = Math.Exp(logP);
            var (bytes, encoding) = cost(n);
            total += p * bytes;
            mass += p;
            shares[encoding] = shares.GetValueOrDefault(encoding) + p;
        }

        return (checked((long)Math.Round(total / mass)), shares.MaxBy(e => e.Value).Key);
    }

    /// <summary>Distinct values of a family's key: the product of its key columns' distinct values.</summary>
    private static double DistinctKeys(IReadOnlyList<RedisColumn> columns, RedisEntity entity, long tenants, Func<string?, long> rows)
    {
        double keys = 1;
        foreach (var column in columns)
        {
            keys *= column.Origin == ColumnOrigin.Tenant ? tenants : Distinct(column, entity, rows);
        }

        return Math.Max(1, keys);
    }

    /// <summary>Keys of a family: of its key's distinct values, those that some of <paramref name="draws"/> rows hit.</summary>
    private static long KeysOf(IReadOnlyList<RedisColumn> columns, RedisEntity entity, long tenants, long draws, Func<string?, long> rows) =>
        (long)Math.Max(1, Math.Round(Occupied(DistinctKeys(columns, entity, tenants, rows), draws)));

    private static double Distinct(RedisColumn column, RedisEntity entity, Func<string?, long> rows)
    {
        // The values a column can take; how many rows actually hit is Occupied's part.
        var own = rows(entity.Name);
        return column.References is { } referenced ? rows(referenced)
            : column.Type.Kind switch
            {
                LogicalTypeKind.Enum => column.Type.EnumValues.Count,
                LogicalTypeKind.Bool => 2,
                LogicalTypeKind.Json => AssumedJsonPairs,
                LogicalTypeKind.Date => Design.TypicalValues.Default.DistinctDates,
                LogicalTypeKind.SmallInt => 5,
                _ => Math.Max(1, own * TextDistinctShare),
            };
    }

    /// <summary>
    /// Bytes of one top-level pair of a JSON document as a key holds it ("name=value"): a third of the document
    /// (<see cref="JsonPairsPerDocument"/> pairs) less its quotes, colon and comma.
    /// </summary>
    public static int JsonPairBytes(int documentBytes) => Math.Max(3, (documentBytes / JsonPairsPerDocument) - 5);

    private static int KeyNameBytes(KeyFamily family, RedisEntity entity)
    {
        var key = RedisKeys.Fill(family.Pattern, field => field switch
        {
            RedisKeys.WordPlaceholder => new string('w', RedisKeySchema.WordBytes - 1),
            _ when entity.Columns.FirstOrDefault(c => c.Field == field) is { Type.Kind: LogicalTypeKind.Json } json => new string('v', JsonPairBytes(json.Bytes)),
            _ => new string('v', entity.Columns.FirstOrDefault(c => c.Field == field)?.Bytes ?? 8),
        });
        return Utf8(key);
    }

    private static FamilyShape Finish(long keys, double elements, int keyBytes, int elementBytes, long value, string encoding, bool ttl) =>
        new(keys, elements, keyBytes, elementBytes, RedisMemory.KeyOverhead(keyBytes) + value, RedisMemory.TableBytesPerKey(keys, ttl), encoding);

    private static int Utf8(string text) => System.Text.Encoding.UTF8.GetByteCount(text);
}
