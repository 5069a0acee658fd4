using System.Globalization;
using System.Text;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.Redis;

/// <summary>
/// Rows for every entity and junction of a design at a sample scale, with values of the widths the design assumes
/// (its fields' typical bytes) and spread as it assumes: foreign keys uniform over the parents, enums uniform, small
/// integers 1–5, free text from a tenth as many distinct values, JSON documents of three pairs out of fifty, times over the retention;
/// a junction the design does not size as an entity gets the rows its membership families were sized for.
/// </summary>
internal static class RedisSampleData
{
    public static Dictionary<string, List<Dictionary<string, string?>>> Generate(DbRequirement requirement, KeyValueModel model, IReadOnlyDictionary<string, long> rows, int seed)
    {
        var random = new Random(seed);
        var data = new Dictionary<string, List<Dictionary<string, string?>>>(StringComparer.OrdinalIgnoreCase);
        var days = requirement.Workload.Retention?.Days ?? 365.25 * 3;
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var order = model.Families.Select(f => f.Entity).Distinct().ToList();
        var ids = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in order)
        {
            var family = model.Families.First(f => f.Entity == entity);
            var fields = Fields(model, entity);
            var idField = IdField(model, entity);
            var list = new List<string>();
            for (var i = 0; i < rows[entity]; i++)
            {
                list.Add(idField is null ? i.ToString(CultureInfo.InvariantCulture) : Id(fields[idField], i, random));
            }

            ids[entity] = list;
        }

        foreach (var entity in order)
        {
            var fields = Fields(model, entity);
            var idField = IdField(model, entity);
            var list = new List<Dictionary<string, string?>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < rows[entity]; i++)
            {
                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var (name, field) in fields)
                {
                    if (name == idField)
                    {
                        row[name] = ids[entity][i];
                        continue;
                    }

                    if (field.NullShare >= 1 || (field.NullShare > 0 && random.NextDouble() < field.NullShare))
                    {
                        row[name] = null;
                        continue;
                    }

                    row[name] = References(requirement, model, entity, name) is { } parent && ids.TryGetValue(parent, out var parentIds)
                        ? parentIds[random.Next(parentIds.Count)]
                        : Value(field, random, rows[entity], days, now);
                }

                // A junction holds each pair once; a feed (a stream) holds every event, however alike.
                if (idField is null && !model.Families.Any(f => f.Entity == entity && f.Purpose == KeyFamilyPurpose.Feed) && !seen.Add(string.Join("\u0001", model.Families.Where(f => f.Entity == entity).SelectMany(f => f.KeyColumns.Append(f.MemberColumn ?? string.Empty)).Distinct().Select(c => row.GetValueOrDefault(c) ?? string.Empty))))
                {
                    continue;
                }

                list.Add(row);
            }

            data[entity] = list;
        }

        return data;
    }

    /// <summary>Every field of an entity: its hash fields, or the key, member and score columns of its families (feeds and junctions).</summary>
    public static Dictionary<string, KeyField> Fields(KeyValueModel model, string entity)
    {
        var fields = new Dictionary<string, KeyField>(StringComparer.Ordinal);
        foreach (var family in model.Families.Where(f => f.Entity == entity))
        {
            foreach (var f in family.Fields)
            {
                fields.TryAdd(f.Name, f);
            }
        }

        var entityFamily = model.Families.FirstOrDefault(f => f.Entity == entity && f.Purpose == KeyFamilyPurpose.Entity);
        foreach (var family in model.Families.Where(f => f.Entity == entity))
        {
            foreach (var column in family.KeyColumns.Append(family.MemberColumn).Append(family.ScoreColumn).OfType<string>().Where(c => !c.StartsWith('#')))
            {
                if (!fields.ContainsKey(column))
                {
                    var timeLike = family.ScoreColumn == column && family.Purpose == KeyFamilyPurpose.Feed;
                    fields[column] = timeLike
                        ? new KeyField(column, column, LogicalType.Timestamp, 13, 0)
                        : new KeyField(column, column, entityFamily?.Fields.FirstOrDefault(f => f.Name == column)?.Type ?? LogicalType.BigInt, 6, 0);
                }
            }
        }

        return fields;
    }

    public static string? IdField(KeyValueModel model, string entity) =>
        model.Families.FirstOrDefault(f => f.Entity == entity && f.Purpose == KeyFamilyPurpose.Entity)?.KeyColumns[^1];

    /// <summary>The entity whose ids a field holds: the name before _id (or the tenant), by the design's naming.</summary>
    private static string? References(DbRequirement requirement, KeyValueModel model, string entity, string field)
    {
        var key = DbArchitect.Core.Design.ImplicitColumns.MatchKey(field);
        if (key == "tenantid")
        {
            return "tenant";
        }

        foreach (var r in requirement.Relationships)
        {
            if (r.Kind == RelationshipKind.ManyToMany && string.Equals(r.Through, entity, StringComparison.OrdinalIgnoreCase))
            {
                var (from, to) = DbArchitect.Core.Design.ImplicitColumns.JunctionColumns(r);
                if (DbArchitect.Core.Design.ImplicitColumns.MatchKey(from) == key) return r.From;
                if (DbArchitect.Core.Design.ImplicitColumns.MatchKey(to) == key) return r.To;
            }
            else if (r.Kind != RelationshipKind.ManyToMany && string.Equals(r.To, entity, StringComparison.OrdinalIgnoreCase)
                && DbArchitect.Core.Design.ImplicitColumns.MatchKey(DbArchitect.Core.Design.ImplicitColumns.ForeignKeyColumn(r)) == key)
            {
                return r.From;
            }
        }

        return null;
    }

    private static string Id(KeyField field, int i, Random random) => field.Type.Kind == LogicalTypeKind.Uuid
        ? new Guid(Bytes(random, 16)).ToString()
        : (Pow10(Math.Max(1, field.Bytes) - 1) + i).ToString(CultureInfo.InvariantCulture);

    private static byte[] Bytes(Random random, int n)
    {
        var b = new byte[n];
        random.NextBytes(b);
        return b;
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    private static string Value(KeyField field, Random random, long rows, double days, long now)
    {
        var t = field.Type;
        switch (t.Kind)
        {
            case LogicalTypeKind.Uuid: return new Guid(Bytes(random, 16)).ToString();
            case LogicalTypeKind.SmallInt: return random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
            case LogicalTypeKind.Int:
            case LogicalTypeKind.BigInt:
                return (Pow10(Math.Max(1, field.Bytes) - 1) + random.NextInt64(0, 9 * Pow10(Math.Max(1, field.Bytes) - 1))).ToString(CultureInfo.InvariantCulture);
            case LogicalTypeKind.Decimal:
            case LogicalTypeKind.Money:
            {
                var scale = field.Bytes - 5;
                return random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture) + "." + random.NextInt64(0, Pow10(scale)).ToString(new string('0', scale), CultureInfo.InvariantCulture);
            }

            case LogicalTypeKind.Double: return "1" + random.Next(0, 10).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);
            case LogicalTypeKind.Float: return random.Next(10, 100).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            case LogicalTypeKind.Bool: return random.Next(2).ToString(CultureInfo.InvariantCulture);
            case LogicalTypeKind.Date: return new DateTime(2017, 1, 1).AddDays(random.Next(0, 3653)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case LogicalTypeKind.Time: return new TimeSpan(random.Next(24), random.Next(60), random.Next(60)).ToString("hh\\:mm\\:ss", CultureInfo.InvariantCulture);
            case LogicalTypeKind.Timestamp: return (now - (long)(random.NextDouble() * days * 86_400_000)).ToString(CultureInfo.InvariantCulture);
            case LogicalTypeKind.Enum: return t.EnumValues[random.Next(t.EnumValues.Count)];
            case LogicalTypeKind.Json:
            {
                // As the design assumes (RedisSizing.JsonPairsPerDocument, AssumedJsonPairs, JsonPairBytes): three top-level
                // pairs of three different names out of k0..k9, each with one of five values (fifty pairs in all), each
                // pair "kN=value" a third of the document less its quotes, colon and comma.
                var pairBytes = Math.Max(3, (field.Bytes / 3) - 5);
                var names = Enumerable.Range(0, 10).OrderBy(_ => random.Next()).Take(3).Order();
                var pairs = names.Select(n => (Name: n, Value: $"v{n + (10 * random.Next(5))}")).Select(p => $"\"k{p.Name}\":\"{p.Value}{new string('x', Math.Max(0, pairBytes - 3 - p.Value.Length))}\"");
                return "{" + string.Join(",", pairs) + "}";
            }

            case LogicalTypeKind.Array: return "[\"" + Text(random, Math.Max(1, (field.Bytes - 8) / 3)) + "\"]";
            default:
                // Free text: whole words (6 bytes with the blank on average) to the typical width.
                return Text(random, field.Bytes);
        }
    }

    /// <summary>
    /// Free text of exactly <paramref name="bytes"/> bytes in whole words, as the design counts them (RedisSizing: a word
    /// and its blank take six bytes on average, the last word has no blank): that many words, letters shared out evenly.
    /// </summary>
    private static string Text(Random random, int bytes)
    {
        bytes = Math.Max(1, bytes);
        var words = Math.Max(1, Math.Min((bytes + 1) / 2, (bytes + 1 + 3) / 6));
        var letters = bytes - (words - 1);
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0) text.Append(' ');
            var length = (letters / words) + (w < letters % words ? 1 : 0);
            for (var i = 0; i < length; i++) text.Append((char)('a' + random.Next(26)));
        }

        return text.ToString();
    }
}
