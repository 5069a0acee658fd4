using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.Redis;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace DbArchitect.Integration.Tests.Redis;

/// <summary>
/// The Redis design of each example and hostile spec on redis-server 7.0 (scripts/start-redis.sh, DBARCHITECT_REDIS_CONNECTION):
/// rows of every entity written through the design's own write script, every access pattern's commands answering exactly
/// the rows an independent filter over the generated data selects, and the memory estimate of the design at the sample's
/// rows against MEMORY USAGE per key family and INFO memory used_memory in all, within ±20 %.
/// </summary>
[Collection("redis")]
public sealed class RedisDesignProofTests
{
    private readonly ITestOutputHelper _output;

    public RedisDesignProofTests(ITestOutputHelper output) => _output = output;

    private static string Connection =>
        Environment.GetEnvironmentVariable("DBARCHITECT_REDIS_CONNECTION") is { Length: > 0 } c ? c : "127.0.0.1:6390";

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "hostile"), "*.yaml")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Design_loads_answers_every_access_pattern_exactly_and_its_memory_estimate_holds(string spec)
    {
        var full = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec));
        var total = full.Entities.Sum(e => (double)(e.Rows ?? 1_000));
        var factor = Math.Min(1, 20_000 / total);
        var sample = full with { Entities = full.Entities.Select(e => e with { Rows = Math.Max(20, (long)Math.Round((e.Rows ?? 1_000) * factor)) }).ToList() };
        var fullModel = Model(DesignEngine.Create(full, "redis"));
        var model = Model(DesignEngine.Create(sample, "redis"));
        Assert.Equal(fullModel.Families.Select(f => (f.Name, f.Structure, f.Pattern)), model.Families.Select(f => (f.Name, f.Structure, f.Pattern)));

        // A junction has no rows of its own in the requirement: it gets the rows the design sized its memberships for.
        var rows = model.Families.Select(f => f.Entity).Distinct().ToDictionary(e => e, e => sample.FindEntity(e)?.Rows
            ?? Math.Max(20, model.Families.Where(f => f.Entity == e && f.Purpose == KeyFamilyPurpose.Membership)
                .Select(f => (long)Math.Round(f.Size!.KeysToday * f.Size.ElementsPerKey)).DefaultIfEmpty(20).Max()), StringComparer.OrdinalIgnoreCase);
        var data = RedisSampleData.Generate(sample, model, rows, seed: 14);

        using var redis = ConnectionMultiplexer.Connect(Connection + ",allowAdmin=true,syncTimeout=60000");
        var server = redis.GetServers()[0];
        var db = redis.GetDatabase();
        server.FlushAllDatabases();
        foreach (var (name, value) in EncodingSettings())
        {
            server.ConfigSet(name, value);
        }

        var lua = DbArchitect.Core.Export.DesignExporter.Plan(DesignEngine.Create(sample, "redis")).Single(f => f.RelativePath == "redis/index-maintenance.lua").Content;
        var sha = server.ScriptLoad(lua);
        var before = UsedMemory(server);

        var keysOfFamily = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (entity, list) in data)
        {
            var ordered = model.Families.Any(f => f.Entity == entity && f.Purpose == KeyFamilyPurpose.Feed)
                ? list.OrderBy(r => long.Parse(r[model.Families.First(f => f.Entity == entity && f.Purpose == KeyFamilyPurpose.Feed).ScoreColumn!]!, CultureInfo.InvariantCulture)).ToList()
                : list;
            foreach (var row in ordered)
            {
                var ops = RedisWritePlan.Insert(model, entity, row);
                foreach (var op in ops)
                {
                    (keysOfFamily.TryGetValue(op.Family, out var set) ? set : keysOfFamily[op.Family] = new HashSet<string>(StringComparer.Ordinal)).Add(op.Key);
                }

                var (keys, args) = RedisWritePlan.ScriptCall(ops);
                db.ScriptEvaluate(sha, keys.Select(k => (RedisKey)k).ToArray(), args.Select(a => (RedisValue)a).ToArray());
            }
        }

        var after = UsedMemory(server);
        CheckQueries(model, data, db, server);
        CheckMemory(spec, model, server, db, keysOfFamily, after - before);
    }

    private static KeyValueModel Model(DbDesign design) => ((RedisDesign)design.FamilyModel!).KeyValue;

    private static IEnumerable<(string, string)> EncodingSettings() => new[]
    {
        ("hash-max-listpack-entries", "128"), ("hash-max-listpack-value", "64"), ("zset-max-listpack-entries", "128"), ("zset-max-listpack-value", "64"),
        ("set-max-intset-entries", "512"), ("stream-node-max-entries", "100"), ("stream-node-max-bytes", "4096"), ("maxmemory-policy", "noeviction"),
    };

    private static long UsedMemory(IServer server)
    {
        var info = server.Info("memory").SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return long.Parse(info["used_memory"], CultureInfo.InvariantCulture);
    }

    private void CheckMemory(string spec, KeyValueModel model, IServer server, IDatabase db, Dictionary<string, HashSet<string>> keysOfFamily, long measured)
    {
        var estimated = model.Families.Sum(f => f.Size!.BytesToday);
        var lines = new List<string> { $"{spec}: estimated {estimated:N0} B, measured used_memory delta {measured:N0} B ({100.0 * estimated / measured - 100:+0.0;-0.0} %)" };
        var failures = new List<string>();
        foreach (var family in model.Families)
        {
            if (!keysOfFamily.TryGetValue(family.Name, out var keys) || keys.Count == 0)
            {
                continue;
            }

            // Up to 200 keys spread evenly over the family's sorted keys: the first keys alone may share a tenant or a parent.
            var sorted = keys.Order(StringComparer.Ordinal).ToList();
            var sampleKeys = Enumerable.Range(0, Math.Min(200, sorted.Count)).Select(i => sorted[(int)((long)i * sorted.Count / Math.Min(200, sorted.Count))]).ToList();
            var usage = sampleKeys.Average(k => (double)(long)db.Execute("MEMORY", "USAGE", k, "SAMPLES", "0"));
            var expected = family.Size!.UsageBytesPerKey;
            var ratio = usage / expected;
            lines.Add($"  {family.Name} [{family.Size.Encoding}]: keys {keys.Count:N0} (est. {family.Size.KeysToday:N0}), bytes/key est. {expected:N0} vs MEMORY USAGE {usage:N0} ({ratio * 100 - 100:+0.0;-0.0} %)");
            if (ratio is < 0.8 or > 1.2)
            {
                failures.Add(lines[^1]);
            }
        }

        foreach (var line in lines)
        {
            _output.WriteLine(line);
        }

        File.AppendAllLines(Path.Combine(Path.GetTempPath(), "redis-memory-figures.txt"), lines);
        Assert.InRange((double)estimated / measured, 0.8, 1.2);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void CheckQueries(KeyValueModel model, Dictionary<string, List<Dictionary<string, string?>>> data, IDatabase db, IServer server)
    {
        var random = new Random(7);
        foreach (var query in model.Queries)
        {
            var family = model.Families.Single(f => f.Name == query.Family);
            var rows = data[query.Entity];
            if (rows.Count == 0)
            {
                continue;
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                var probe = rows[random.Next(rows.Count)];
                if (family.KeyColumns.Any(c => probe.GetValueOrDefault(c) is null))
                {
                    continue;
                }

                var matching = rows.Where(r => family.KeyColumns.All(c => Matches(family, c, r, probe))).ToList();
                var key = KeyFor(family, probe);
                switch (query.Kind)
                {
                    case KeyQueryKind.EntityById:
                    {
                        var hash = db.HashGetAll(key).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
                        Assert.Equal(probe.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal), hash.OrderBy(p => p.Key, StringComparer.Ordinal));
                        break;
                    }

                    case KeyQueryKind.Lookup:
                        Assert.Equal(probe[family.MemberColumn!], (string?)db.StringGet(key));
                        break;

                    case KeyQueryKind.Members when family.Purpose == KeyFamilyPurpose.Location:
                        break;

                    case KeyQueryKind.Members when family.Structure == ValueStructure.Set:
                    {
                        var expected = matching.Select(r => r[family.MemberColumn!]!).ToHashSet(StringComparer.Ordinal);
                        Assert.Equal(expected.Order(StringComparer.Ordinal), db.SetMembers(key).Select(v => (string)v!).Order(StringComparer.Ordinal));
                        break;
                    }

                    case KeyQueryKind.Members when family.Structure == ValueStructure.Hash:
                    {
                        var expected = matching.Select(r => r[family.MemberColumn!]!).Order(StringComparer.Ordinal);
                        Assert.Equal(expected, db.HashKeys(key).Select(v => (string)v!).Order(StringComparer.Ordinal));
                        break;
                    }

                    case KeyQueryKind.Members:
                    case KeyQueryKind.LexMembers:
                        CheckSorted(query, family, matching, key, db);
                        break;

                    case KeyQueryKind.Counters:
                        CheckCounters(query, family, matching, key, db, model);
                        break;

                    case KeyQueryKind.Search:
                        CheckSearch(query, family, rows, probe, db, model);
                        break;

                    case KeyQueryKind.Feed:
                    {
                        var time = family.ScoreColumn!;
                        var expected = matching.Select(r => long.Parse(r[time]!, CultureInfo.InvariantCulture)).OrderDescending().Take(query.Limit ?? 100).ToList();
                        var entries = db.StreamRange(key, "-", "+", query.Limit ?? 100, Order.Descending);
                        Assert.Equal(expected, entries.Select(e => long.Parse(((string)e.Id!).Split('-')[0], CultureInfo.InvariantCulture)));
                        break;
                    }
                }
            }
        }
    }

    private static bool Matches(KeyFamily family, string column, Dictionary<string, string?> row, Dictionary<string, string?> probe)
    {
        var value = row.GetValueOrDefault(column);
        if (value is null)
        {
            return false;
        }

        if (probe[column]!.StartsWith('{'))
        {
            // A JSON filter: the probe's first pair is the value searched.
            var pair = RedisWritePlan.JsonPairs(probe[column]!)[0];
            return RedisWritePlan.JsonPairs(value).Contains(pair);
        }

        return value == probe[column];
    }

    private static string KeyFor(KeyFamily family, Dictionary<string, string?> probe) =>
        RedisKeys.Fill(family.Pattern, f => probe.GetValueOrDefault(f) is not { } v ? f : v.StartsWith('{') ? RedisWritePlan.JsonPairs(v)[0] : v);

    private static void CheckSorted(KeyQuery query, KeyFamily family, List<Dictionary<string, string?>> matching, string key, IDatabase db)
    {
        var limit = query.Limit ?? 1000;
        var member = family.MemberColumn!;
        List<string> expected;
        List<string> actual;
        var reverse = query.Commands[0].Words.Contains("REV");
        if (family.Lex.Count > 0)
        {
            // Order by the pattern's columns, numbers as numbers and text bytewise, ties by id.
            IOrderedEnumerable<Dictionary<string, string?>>? sorted = null;
            foreach (var part in family.Lex)
            {
                Func<Dictionary<string, string?>, string> text = r => r[part.Column] ?? string.Empty;
                Func<Dictionary<string, string?>, decimal> number = r => part.Type.Kind == LogicalTypeKind.Date ? decimal.Parse(r[part.Column]!.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : decimal.Parse(r[part.Column]!, CultureInfo.InvariantCulture);
                var descending = part.Descending ^ reverse;
                sorted = part.Width == 0
                    ? sorted is null ? (descending ? matching.OrderByDescending(text, StringComparer.Ordinal) : matching.OrderBy(text, StringComparer.Ordinal)) : (descending ? sorted.ThenByDescending(text, StringComparer.Ordinal) : sorted.ThenBy(text, StringComparer.Ordinal))
                    : sorted is null ? (descending ? matching.OrderByDescending(number) : matching.OrderBy(number)) : (descending ? sorted.ThenByDescending(number) : sorted.ThenBy(number));
            }

            expected = sorted!.ThenBy(r => r[member], StringComparer.Ordinal).Take(limit).Select(r => r[member]!).ToList();
            var range = db.SortedSetRangeByRank(key, 0, limit - 1, reverse ? Order.Descending : Order.Ascending);
            actual = range.Select(v => RedisWritePlan.IdOfLexMember(v!)).ToList();
        }
        else
        {
            var score = family.ScoreColumn!;
            var type = matching.Count > 0 && matching[0][score]!.Length == 10 && matching[0][score]!.Contains('-', StringComparison.Ordinal) ? LogicalType.Simple(LogicalTypeKind.Date) : LogicalType.BigInt;
            double Score(Dictionary<string, string?> r) => double.Parse(RedisWritePlan.Score(type, r[score]!), CultureInfo.InvariantCulture);
            var scored = matching.Where(r => r[score] is not null).ToList();
            if (query.Parameters.Contains("from"))
            {
                var scores = scored.Select(Score).Order().ToList();
                var (from, to) = (scores[scores.Count / 4], scores[scores.Count * 3 / 4]);
                var inRange = scored.Where(r => Score(r) >= from && Score(r) <= to);
                expected = (reverse ? inRange.OrderByDescending(Score).ThenByDescending(r => r[member], StringComparer.Ordinal) : inRange.OrderBy(Score).ThenBy(r => r[member], StringComparer.Ordinal))
                    .Take(limit).Select(r => r[member]!).ToList();
                actual = db.SortedSetRangeByScore(key, from, to, Exclude.None, reverse ? Order.Descending : Order.Ascending, 0, limit).Select(v => (string)v!).ToList();
            }
            else
            {
                expected = (reverse ? scored.OrderByDescending(Score).ThenByDescending(r => r[member], StringComparer.Ordinal) : scored.OrderBy(Score).ThenBy(r => r[member], StringComparer.Ordinal))
                    .Take(limit).Select(r => r[member]!).ToList();
                actual = db.SortedSetRangeByRank(key, 0, limit - 1, reverse ? Order.Descending : Order.Ascending).Select(v => (string)v!).ToList();
            }
        }

        Assert.Equal(expected, actual);
    }

    private static void CheckCounters(KeyQuery query, KeyFamily family, List<Dictionary<string, string?>> matching, string key, IDatabase db, KeyValueModel model)
    {
        var hash = db.HashGetAll(key).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        var bucketField = matching[0].Keys.First(k => ImplicitColumns.MatchKey(k) == ImplicitColumns.MatchKey(family.Bucket!.Column));
        var valueField = family.Aggregate!.Column is { } c ? matching[0].Keys.First(k => ImplicitColumns.MatchKey(k) == ImplicitColumns.MatchKey(c)) : null;
        var type = model.Families.Where(f => f.Entity == query.Entity).SelectMany(f => f.Fields).FirstOrDefault(f => f.Name == bucketField)?.Type ?? LogicalType.Timestamp;
        var valueType = valueField is null ? null : model.Families.Where(f => f.Entity == query.Entity).SelectMany(f => f.Fields).FirstOrDefault(f => f.Name == valueField)?.Type;
        foreach (var group in matching.Where(r => r[bucketField] is not null && (valueField is null || r[valueField] is not null)).GroupBy(r => RedisWritePlan.Bucket(family.Bucket!.Bucket!.Value, r[bucketField]!, type)))
        {
            var sum = valueField is null ? group.Count() : group.Sum(r => decimal.Parse(r[valueField]!, CultureInfo.InvariantCulture));
            switch (family.Aggregate.Function)
            {
                case AggregateFunction.Count:
                    Assert.Equal(group.Count().ToString(CultureInfo.InvariantCulture), hash[group.Key]);
                    break;
                case AggregateFunction.Sum when valueType is { Kind: LogicalTypeKind.Decimal or LogicalTypeKind.Money }:
                {
                    var scale = valueType.Kind == LogicalTypeKind.Money ? 4 : valueType.Scale!.Value;
                    Assert.Equal(sum, decimal.Parse(hash[group.Key], CultureInfo.InvariantCulture) / (decimal)Math.Pow(10, scale));
                    break;
                }

                case AggregateFunction.Avg:
                    Assert.Equal((double)(sum / group.Count()), double.Parse(hash[group.Key + ":sum"], CultureInfo.InvariantCulture) / double.Parse(hash[group.Key + ":count"], CultureInfo.InvariantCulture), 6);
                    break;
                default:
                    Assert.Equal((double)sum, double.Parse(hash[group.Key], CultureInfo.InvariantCulture), 6);
                    break;
            }
        }
    }

    private static void CheckSearch(KeyQuery query, KeyFamily family, List<Dictionary<string, string?>> rows, Dictionary<string, string?> probe, IDatabase db, KeyValueModel model)
    {
        var words = RedisWritePlan.Words(family.TextColumns.Select(c => probe.GetValueOrDefault(c)));
        if (words.Count == 0)
        {
            return;
        }

        var member = family.MemberColumn!;
        if (query.Parameters.Contains("prefix"))
        {
            var prefix = words[0].Length > 3 ? words[0][..3] : words[0];
            var terms = model.Families.Single(f => f.Entity == family.Entity && f.Name.EndsWith(":terms", StringComparison.Ordinal));
            var termsKey = RedisKeys.Fill(terms.Pattern, f => probe[f]!);
            var found = db.SortedSetRangeByValue(termsKey, prefix, prefix + "\uffff", Exclude.None, Order.Ascending, 0, 100).Select(v => (string)v!).ToList();
            var union = db.SetCombine(SetOperation.Union, found.Select(w => (RedisKey)RedisKeys.Fill(family.Pattern, f => f == RedisKeys.WordPlaceholder ? w : probe[f]!)).ToArray());
            var expected = rows.Where(r => family.KeyColumns.All(c => r[c] == probe[c])
                && RedisWritePlan.Words(family.TextColumns.Select(c => r.GetValueOrDefault(c))).Any(w => w.StartsWith(prefix, StringComparison.Ordinal))).Select(r => r[member]!);
            Assert.Equal(expected.Order(StringComparer.Ordinal), union.Select(v => (string)v!).Order(StringComparer.Ordinal));
        }
        else
        {
            var chosen = words.Take(2).ToList();
            var inter = db.SetCombine(SetOperation.Intersect, chosen.Select(w => (RedisKey)RedisKeys.Fill(family.Pattern, f => f == RedisKeys.WordPlaceholder ? w : probe[f]!)).ToArray());
            var expected = rows.Where(r => family.KeyColumns.All(c => r[c] == probe[c])
                && chosen.All(w => RedisWritePlan.Words(family.TextColumns.Select(c => r.GetValueOrDefault(c))).Contains(w))).Select(r => r[member]!);
            Assert.Equal(expected.Order(StringComparer.Ordinal), inter.Select(v => (string)v!).Order(StringComparer.Ordinal));
        }
    }
}
