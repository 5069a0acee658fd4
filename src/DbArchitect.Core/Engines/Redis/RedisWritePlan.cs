using System.Globalization;
using System.Text;
using System.Text.Json;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>One command of a write: the key it touches and its arguments after the key.</summary>
public sealed record RedisOp(string Command, string Key, IReadOnlyList<string> Arguments)
{
    /// <summary>The key family the key belongs to (empty for a guard).</summary>
    public string Family { get; init; } = string.Empty;
}

/// <summary>
/// The write path of a design: the commands that insert, delete or update one row of an entity (or junction) in every
/// family that holds it — the hash or stream entry, unique lookups, index entries, memberships, word postings,
/// counters and positions — in the order the index-maintenance script applies them atomically. Values are the text
/// the design stores: integers and decimals in invariant text, timestamps as epoch milliseconds, dates as yyyy-MM-dd,
/// booleans as 0/1, JSON compact.
/// </summary>
public static class RedisWritePlan
{
    /// <summary>The commands the index-maintenance script accepts (a script never runs a command named by its caller outside this list).</summary>
    public static readonly IReadOnlyList<string> Commands = new[]
    {
        "HSET", "SETNX", "HCHECK", "ZADD", "ZREM", "SADD", "SREM", "HINCRBY", "HINCRBYFLOAT", "HDEL", "XADD", "GEOADD", "EXPIRE", "DEL",
    };

    private const char Separator = '\0';

    public static IReadOnlyList<RedisOp> Insert(KeyValueModel model, string entity, IReadOnlyDictionary<string, string?> row) => Ops(model, entity, row, insert: true);

    public static IReadOnlyList<RedisOp> Delete(KeyValueModel model, string entity, IReadOnlyDictionary<string, string?> row) => Ops(model, entity, row, insert: false);

    /// <summary>Guards on every field of the row as read, removal of its old entries, then the new row: applied together by the script or not at all.</summary>
    public static IReadOnlyList<RedisOp> Update(KeyValueModel model, string entity, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(model);
        var family = model.Families.FirstOrDefault(f => f.Entity == entity && f.Purpose == KeyFamilyPurpose.Entity)
            ?? throw new ArgumentException($"{entity} has no hash per row to update.", nameof(entity));
        var key = RedisKeys.Fill(family.Pattern, f => Value(before, f));
        var guards = family.Fields.Select(f => new RedisOp("HCHECK", key, new[] { f.Name, before.GetValueOrDefault(f.Name) ?? string.Empty }));
        return guards.Concat(Delete(model, entity, before)).Concat(Insert(model, entity, after)).ToArray();
    }

    /// <summary>The KEYS and ARGV of one call of the index-maintenance script for <paramref name="ops"/>.</summary>
    public static (IReadOnlyList<string> Keys, IReadOnlyList<string> Arguments) ScriptCall(IReadOnlyList<RedisOp> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var arguments = new List<string>();
        foreach (var op in ops)
        {
            arguments.Add(op.Command);
            arguments.Add(op.Arguments.Count.ToString(CultureInfo.InvariantCulture));
            arguments.AddRange(op.Arguments);
        }

        return (ops.Select(o => o.Key).ToArray(), arguments);
    }

    private static IReadOnlyList<RedisOp> Ops(KeyValueModel model, string entity, IReadOnlyDictionary<string, string?> row, bool insert)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(row);
        var ops = new List<RedisOp>();
        var types = model.Families.Where(f => f.Entity == entity).SelectMany(f => f.Fields).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Type);
        foreach (var family in model.Families.Where(f => f.Entity == entity))
        {
            var start = ops.Count;
            Family(ops, family, row, types, insert);
            for (var i = start; i < ops.Count; i++)
            {
                ops[i] = ops[i] with { Family = family.Name };
            }
        }

        return ops;
    }

    private static void Family(List<RedisOp> ops, KeyFamily family, IReadOnlyDictionary<string, string?> row, IReadOnlyDictionary<string, LogicalType> types, bool insert)
    {
        {
            switch (family.Purpose)
            {
                case KeyFamilyPurpose.Entity:
                {
                    var key = Key(family, row);
                    if (!insert)
                    {
                        ops.Add(new RedisOp("DEL", key, Array.Empty<string>()));
                        break;
                    }

                    var pairs = family.Fields.Where(f => row.GetValueOrDefault(f.Name) is not null).SelectMany(f => new[] { f.Name, row[f.Name]! }).ToArray();
                    ops.Add(new RedisOp("HSET", key, pairs));
                    Expire(ops, family, key);
                    break;
                }

                case KeyFamilyPurpose.Lookup:
                {
                    if (row.GetValueOrDefault(family.KeyColumns[^1]) is null)
                    {
                        break;
                    }

                    var key = Key(family, row);
                    ops.Add(insert ? new RedisOp("SETNX", key, new[] { Value(row, family.MemberColumn!) }) : new RedisOp("DEL", key, Array.Empty<string>()));
                    if (insert)
                    {
                        Expire(ops, family, key);
                    }

                    break;
                }

                case KeyFamilyPurpose.Feed when insert:
                    ops.Add(new RedisOp("XADD", Key(family, row),
                        new[] { Value(row, family.ScoreColumn!) + "-*" }.Concat(family.Fields.Where(f => row.GetValueOrDefault(f.Name) is not null).SelectMany(f => new[] { f.Name, row[f.Name]! })).ToArray()));
                    break;

                case KeyFamilyPurpose.Location when insert:
                    ops.Add(new RedisOp("GEOADD", Key(family, row), new[] { Value(row, family.Position!.Longitude), Value(row, family.Position.Latitude), Value(row, family.MemberColumn!) }));
                    break;

                case KeyFamilyPurpose.Location:
                    ops.Add(new RedisOp("ZREM", Key(family, row), new[] { Value(row, family.MemberColumn!) }));
                    break;

                case KeyFamilyPurpose.Search:
                    foreach (var word in Words(family.TextColumns.Select(c => row.GetValueOrDefault(c))))
                    {
                        var key = RedisKeys.Fill(family.Pattern, f => f == RedisKeys.WordPlaceholder ? word : Value(row, f));
                        if (family.Structure == ValueStructure.SortedSet)
                        {
                            // The term dictionary keeps words other rows may still hold; a rebuild drops the unused ones.
                            if (insert)
                            {
                                ops.Add(new RedisOp("ZADD", key, new[] { "0", word }));
                            }
                        }
                        else
                        {
                            ops.Add(new RedisOp(insert ? "SADD" : "SREM", key, new[] { Value(row, family.MemberColumn!) }));
                        }
                    }

                    break;

                case KeyFamilyPurpose.Counter:
                    Counter(ops, family, row, types, insert);
                    break;

                case KeyFamilyPurpose.Index:
                case KeyFamilyPurpose.Membership:
                    foreach (var key in Keys(family, row, types))
                    {
                        var member = Value(row, family.MemberColumn!);
                        if (family.Structure == ValueStructure.Hash)
                        {
                            ops.Add(insert ? new RedisOp("HSET", key, new[] { member, Attributes(family, row) }) : new RedisOp("HDEL", key, new[] { member }));
                        }
                        else if (family.Structure == ValueStructure.Set)
                        {
                            ops.Add(new RedisOp(insert ? "SADD" : "SREM", key, new[] { member }));
                        }
                        else if (family.Lex.Count > 0)
                        {
                            var lex = LexMember(family.Lex, row, member);
                            ops.Add(insert ? new RedisOp("ZADD", key, new[] { "0", lex }) : new RedisOp("ZREM", key, new[] { lex }));
                        }
                        else if (row.GetValueOrDefault(family.ScoreColumn!) is { } scored)
                        {
                            ops.Add(insert
                                ? new RedisOp("ZADD", key, new[] { Score(types.GetValueOrDefault(family.ScoreColumn!) ?? LogicalType.BigInt, scored), member })
                                : new RedisOp("ZREM", key, new[] { member }));
                        }
                    }

                    break;
            }
        }
    }

    private static void Expire(List<RedisOp> ops, KeyFamily family, string key)
    {
        if (family.TtlSeconds is { } ttl)
        {
            ops.Add(new RedisOp("EXPIRE", key, new[] { ttl.ToString(CultureInfo.InvariantCulture) }));
        }
    }

    private static void Counter(List<RedisOp> ops, KeyFamily family, IReadOnlyDictionary<string, string?> row, IReadOnlyDictionary<string, LogicalType> types, bool insert)
    {
        var bucketValue = row.GetValueOrDefault(family.Bucket!.Column) ?? row.GetValueOrDefault(Field(family, row, family.Bucket.Column));
        if (bucketValue is null)
        {
            return;
        }

        var bucket = Bucket(family.Bucket.Bucket!.Value, bucketValue, types.GetValueOrDefault(Field(family, row, family.Bucket.Column)) ?? LogicalType.Timestamp);
        var aggregate = family.Aggregate!;
        string? amount = null;
        var command = "HINCRBY";
        if (aggregate.Column is { } column)
        {
            var field = Field(family, row, column);
            if (row.GetValueOrDefault(field) is not { } value)
            {
                return;
            }

            var type = types.GetValueOrDefault(field) ?? LogicalType.Simple(LogicalTypeKind.Double);
            if (type.Kind is LogicalTypeKind.Decimal or LogicalTypeKind.Money)
            {
                var scale = type.Kind == LogicalTypeKind.Money ? 4 : type.Scale ?? 0;
                amount = ((long)(decimal.Parse(value, CultureInfo.InvariantCulture) * Pow10(scale))).ToString(CultureInfo.InvariantCulture);
            }
            else if (type.IsInteger || type.Kind == LogicalTypeKind.Bool)
            {
                amount = value;
            }
            else
            {
                amount = value;
                command = "HINCRBYFLOAT";
            }
        }

        foreach (var key in Keys(family, row, types))
        {
            if (aggregate.Function == AggregateFunction.Count)
            {
                ops.Add(new RedisOp("HINCRBY", key, new[] { bucket, insert ? "1" : "-1" }));
                continue;
            }

            var sumField = aggregate.Function == AggregateFunction.Avg ? bucket + ":sum" : bucket;
            ops.Add(new RedisOp(command, key, new[] { sumField, insert ? amount! : Negate(amount!) }));
            if (aggregate.Function == AggregateFunction.Avg)
            {
                ops.Add(new RedisOp("HINCRBY", key, new[] { bucket + ":count", insert ? "1" : "-1" }));
            }
        }
    }

    /// <summary>The field of a column named as written in the access pattern (the counter's bucket and value columns).</summary>
    private static string Field(KeyFamily family, IReadOnlyDictionary<string, string?> row, string column) =>
        row.Keys.FirstOrDefault(k => Design.ImplicitColumns.SameKey(k, column)) ?? column;

    private static decimal Pow10(int scale)
    {
        var p = 1m;
        for (var i = 0; i < scale; i++)
        {
            p *= 10;
        }

        return p;
    }

    private static string Negate(string value) => value.StartsWith('-') ? value[1..] : "-" + value;

    /// <summary>The bucket label of a time value: 2026-12-07T13 (hour), 2026-12-07 (day), 2026-W49 (ISO week), 2026-12 (month), 2026 (year).</summary>
    public static string Bucket(TimeBucket bucket, string value, LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var time = type.Kind == LogicalTypeKind.Date
            ? DateTime.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, CultureInfo.InvariantCulture)).UtcDateTime;
        return bucket switch
        {
            TimeBucket.Hour => time.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
            TimeBucket.Day => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeBucket.Week => ISOWeek.GetYear(time).ToString(CultureInfo.InvariantCulture) + "-W" + ISOWeek.GetWeekOfYear(time).ToString("00", CultureInfo.InvariantCulture),
            TimeBucket.Month => time.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => time.ToString("yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The concrete keys of a family for a row: one, or one per top-level pair of a JSON key column.</summary>
    private static IEnumerable<string> Keys(KeyFamily family, IReadOnlyDictionary<string, string?> row, IReadOnlyDictionary<string, LogicalType> types)
    {
        if (family.KeyColumns.Any(c => row.GetValueOrDefault(c) is null))
        {
            yield break;
        }

        var json = family.KeyColumns.FirstOrDefault(c => types.GetValueOrDefault(c)?.Kind == LogicalTypeKind.Json);
        if (json is null)
        {
            yield return Key(family, row);
            yield break;
        }

        foreach (var pair in JsonPairs(row[json]!))
        {
            yield return RedisKeys.Fill(family.Pattern, f => f == json ? pair : Value(row, f));
        }
    }

    /// <summary>The top-level scalar pairs of a JSON object as "key=value" (strings unquoted), the values a JSON filter matches.</summary>
    public static IReadOnlyList<string> JsonPairs(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Array.Empty<string>();
        }

        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            .Select(p => p.Name + "=" + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
            .ToArray();
    }

    private static string Key(KeyFamily family, IReadOnlyDictionary<string, string?> row) => RedisKeys.Fill(family.Pattern, f => Value(row, f));

    private static string Value(IReadOnlyDictionary<string, string?> row, string field) =>
        row.GetValueOrDefault(field) ?? throw new ArgumentException($"The row has no value for {field}, which the key needs.", nameof(row));

    private static string Attributes(KeyFamily family, IReadOnlyDictionary<string, string?> row)
    {
        var values = family.Fields.Where(f => row.GetValueOrDefault(f.Name) is not null).ToDictionary(f => f.Name, f => row[f.Name]);
        return JsonSerializer.Serialize(values);
    }

    /// <summary>The lower-cased words of a text: runs of letters and digits.</summary>
    public static IReadOnlyList<string> Words(IEnumerable<string?> texts)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in texts.OfType<string>())
        {
            var word = new StringBuilder();
            foreach (var c in text + " ")
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                else if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
        }

        return words.ToArray();
    }

    /// <summary>The score of a value: epoch milliseconds, days since 1970-01-01 for a date, 0/1, or the number.</summary>
    public static string Score(LogicalType type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind == LogicalTypeKind.Date
            ? ((long)(DateTime.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) - DateTime.UnixEpoch).TotalDays).ToString(CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>
    /// A member that sorts bytewise in the family's order: each part fixed-width (integers offset to be non-negative,
    /// descending parts complemented) or text as written, parts and the id separated by a zero byte.
    /// </summary>
    public static string LexMember(IReadOnlyList<LexPart> parts, IReadOnlyDictionary<string, string?> row, string id)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(row);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            var value = row.GetValueOrDefault(part.Column) ?? string.Empty;
            if (part.Width == 0)
            {
                text.Append(value);
            }
            else
            {
                var number = part.Type.Kind switch
                {
                    LogicalTypeKind.Date => decimal.Parse(value.Replace("-", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture),
                    LogicalTypeKind.SmallInt => decimal.Parse(value, CultureInfo.InvariantCulture) + 32_768,
                    LogicalTypeKind.Int => decimal.Parse(value, CultureInfo.InvariantCulture) + 2_147_483_648,
                    LogicalTypeKind.BigInt => decimal.Parse(value, CultureInfo.InvariantCulture) + 9_223_372_036_854_775_808m,
                    _ => value.Length == 0 ? 0 : decimal.Parse(value, CultureInfo.InvariantCulture),
                };
                if (part.Descending)
                {
                    number = Pow10(part.Width) - 1 - number;
                }

                text.Append(number.ToString(new string('0', part.Width), CultureInfo.InvariantCulture));
            }

            text.Append(Separator);
        }

        return text.Append(id).ToString();
    }

    /// <summary>The id at the end of a member written by <see cref="LexMember"/>.</summary>
    public static string IdOfLexMember(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member[(member.LastIndexOf(Separator) + 1)..];
    }
}
