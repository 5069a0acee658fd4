using DbArchitect.Core.Design;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// The key families of a requirement: one per entity (hashes, or streams for a high-volume feed), a lookup per unique
/// attribute, an index per access pattern's filter (sorted sets when it orders or ranges, sets otherwise), memberships
/// for relationships, word postings for searches, counters for aggregates and a GEO set for positions. Key names and
/// hash tags follow <see cref="Tags"/>: multi-tenant keys carry the tenant as their tag, so an entity, its lookups and
/// its index entries share one cluster slot and one script writes them atomically.
/// </summary>
internal sealed class RedisKeySchema
{
    /// <summary>Rows per day from which an append-only child entity with a time column is kept as streams.</summary>
    public const long FeedRowsPerDay = 1_000_000;

    /// <summary>Distinct words a search vocabulary is assumed to reach (a sample's real count replaces it in the proof).</summary>
    public const long AssumedVocabulary = 50_000;

    /// <summary>Average bytes of a word with its separator.</summary>
    public const int WordBytes = 6;

    private static readonly string[] RangeParameters = { "from", "to" };
    private static readonly string[] GeoParameters = { "longitude", "latitude", "km" };

    private readonly DbRequirement _requirement;
    private readonly List<AccessPatternSpec> _nearPatterns = new();
    private readonly List<DesignDecision> _decisions;
    private readonly List<DesignWarning> _warnings;
    private readonly string _prefix;
    private readonly bool _multi;
    private readonly Dictionary<string, RedisEntity> _entities = new(StringComparer.OrdinalIgnoreCase);
    private readonly RedisFamilyList _families = new();
    private readonly List<KeyQuery> _queries = new();

    public RedisKeySchema(DbRequirement requirement, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        _requirement = requirement;
        _decisions = decisions;
        _warnings = warnings;
        _prefix = RedisKeys.Segment(DesignEngine.SchemaName(requirement));
        _multi = requirement.Application.Tenancy == Tenancy.Multi;
    }

    public string Prefix => _prefix;

    public string Tags => _multi
        ? "multi-tenant: every key of a tenant carries {<tenant id>} as its hash tag (one slot per tenant)"
        : "single-tenant: an entity key is tagged by its id, an index key by its filter value; search postings of an entity share one tag";

    public IReadOnlyDictionary<string, RedisEntity> Entities => _entities;

    public (IReadOnlyList<KeyFamily> Families, IReadOnlyList<KeyQuery> Queries) Plan()
    {
        PlanEntities();
        foreach (var entity in _entities.Values.Where(e => !e.Junction))
        {
            AddEntity(entity);
        }

        foreach (var pattern in _requirement.AccessPatterns)
        {
            AddPattern(pattern);
        }

        foreach (var relationship in _requirement.Relationships)
        {
            AddRelationship(relationship);
        }

        foreach (var entity in _entities.Values.Where(e => !e.Junction))
        {
            AddPositions(entity);
        }

        return (_families.Items, _queries);
    }

    /// <summary>
    /// Only the first step of <see cref="Plan"/>: <see cref="Entities"/>, each entity and junction with its columns. A
    /// cache needs no more (its keys are its own), and the families and queries of every pattern and relationship of a
    /// large requirement are most of the planning's work.
    /// </summary>
    public void PlanEntities()
    {
        foreach (var entity in _requirement.Entities)
        {
            _entities[entity.Name] = Entity(entity);
        }

        foreach (var relationship in _requirement.Relationships.Where(r => r.Kind == RelationshipKind.ManyToMany))
        {
            _entities[relationship.Through!] = Junction(relationship);
        }
    }

    /// <summary>Entities another one refers to (the one side of a relationship, either side of a many-to-many), self-references aside.</summary>
    private HashSet<string> Referenced => _referenced ??= _requirement.Relationships.Where(r => !ImplicitColumns.IsSelf(r))
        .SelectMany(r => r.Kind == RelationshipKind.ManyToMany ? new[] { r.From, r.To } : new[] { r.From })
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private HashSet<string>? _referenced;

    private double GrowthDays => _requirement.Workload.Retention?.Days ?? 365.25 * 3;

    private RedisEntity Entity(EntitySpec spec)
    {
        var rows = spec.Rows ?? RedisEntity.AssumedRows;
        var perDay = spec.RowsPerDay ?? 0;
        var growth = checked((long)(perDay * GrowthDays));
        var referenced = Referenced.Contains(spec.Name);
        long? ttl = _requirement.Workload.Retention is { } retention && growth >= rows && !referenced && perDay > 0
            ? checked((long)Math.Round(retention.Days * 86_400))
            : null;
        var atRetention = ttl is null ? checked(rows + growth) : Math.Max(rows, growth);
        var columns = RedisColumns.Of(_requirement, spec, IdDigits);
        var entity = new RedisEntity(spec.Name, RedisKeys.Segment(Naming.Apply(_requirement.Conventions.Naming, spec.Name)), columns, rows, atRetention, ttl, false);
        return entity with { Feed = FeedOf(spec, entity, perDay, referenced) };
    }

    private RedisEntity Junction(RelationshipSpec relationship)
    {
        var from = _requirement.FindEntity(relationship.From);
        var to = _requirement.FindEntity(relationship.To);
        var rows = Math.Max(from?.Rows ?? RedisEntity.AssumedRows, to?.Rows ?? RedisEntity.AssumedRows);
        var columns = RedisColumns.OfJunction(_requirement, relationship, IdDigits);
        var atRetention = Math.Max(rows, Math.Max(RowsAtRetention(relationship.From), RowsAtRetention(relationship.To)));
        return new RedisEntity(relationship.Through!, RedisKeys.Segment(Naming.Apply(_requirement.Conventions.Naming, relationship.Through!)), columns, rows, atRetention, null, true);
    }

    private long RowsAtRetention(string name) => _requirement.FindEntity(name) is { } e
        ? checked((e.Rows ?? RedisEntity.AssumedRows) + (long)((e.RowsPerDay ?? 0) * GrowthDays))
        : RedisEntity.AssumedRows;

    /// <summary>Digits of the integer ids of an entity at retention (bigint and int keys are listpack integers).</summary>
    private long IdDigits(string entity) =>
        Math.Max(1, RowsAtRetention(entity).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    /// <summary>
    /// A high-volume append-only child read only as "the latest of a parent" is a stream per parent: entries are ordered
    /// by the stream id (its time), trimmed by time, and take a fraction of a hash per row.
    /// </summary>
    private (RedisColumn, RedisColumn)? FeedOf(EntitySpec spec, RedisEntity entity, long perDay, bool referenced)
    {
        if (referenced || (perDay < FeedRowsPerDay && _requirement.Application.Kind != ApplicationKind.TimeSeries) || spec.Attributes.Any(a => a.Unique))
        {
            return null;
        }

        var patterns = _requirement.AccessPatterns.Where(p => Same(p.Entity, spec.Name) && p.Aggregate is null).ToList();
        var parents = entity.Columns.Where(c => c.Origin == ColumnOrigin.ForeignKey).ToList();
        if (patterns.Count == 0 || parents.Count == 0 || patterns.Any(p => p.Search.Count > 0 || p.Where.Count != 1 || p.OrderBy.Count != 1))
        {
            return null;
        }

        var parent = entity.Column(patterns[0].Where[0]);
        var time = entity.Column(patterns[0].OrderBy[0].Column);
        if (parent is null || time is null || parent.Origin != ColumnOrigin.ForeignKey || time.Type.Kind != LogicalTypeKind.Timestamp
            || patterns.Any(p => entity.Column(p.Where[0]) != parent || entity.Column(p.OrderBy[0].Column) != time))
        {
            return null;
        }

        return (parent, time);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // ---- key patterns ------------------------------------------------------------------------------------------

    /// <summary>The key of one instance: <c>app:entity:{&lt;id&gt;}</c>, or <c>app:{&lt;tenant&gt;}:entity:&lt;id&gt;</c> in a multi-tenant design.</summary>
    private string InstanceKey(RedisEntity entity, RedisColumn key)
    {
        if (_multi && entity.Tenant is { } tenant)
        {
            return $"{_prefix}:{{{RedisKeys.Placeholder(tenant.Field)}}}:{entity.Segment}:{RedisKeys.Placeholder(key.Field)}";
        }

        return _multi && IsTenantEntity(entity)
            ? $"{_prefix}:{{{RedisKeys.Placeholder(key.Field)}}}:{entity.Segment}"
            : $"{_prefix}:{entity.Segment}:{{{RedisKeys.Placeholder(key.Field)}}}";
    }

    /// <summary>The key of a derived family: <c>app:entity:name:{&lt;first&gt;}:&lt;second&gt;</c>, tenant-tagged in a multi-tenant design; <paramref name="tag"/> replaces the first value as the tag.</summary>
    private string DerivedKey(RedisEntity entity, string name, IReadOnlyList<RedisColumn> values, string? tag = null)
    {
        var parts = values.Select(v => RedisKeys.Placeholder(v.Field)).ToList();
        if (_multi && entity.Tenant is { } tenant)
        {
            return $"{_prefix}:{{{RedisKeys.Placeholder(tenant.Field)}}}:{entity.Segment}:{name}" + string.Concat(parts.Select(p => ":" + p));
        }

        if (tag is not null)
        {
            return $"{_prefix}:{{{entity.Segment}:{tag}}}:{name}" + string.Concat(parts.Select(p => ":" + p));
        }

        if (parts.Count == 0)
        {
            return $"{_prefix}:{entity.Segment}:{name}";
        }

        return $"{_prefix}:{entity.Segment}:{name}:{{{parts[0]}}}" + string.Concat(parts.Skip(1).Select(p => ":" + p));
    }

    private static bool IsTenantEntity(RedisEntity entity) => Same(entity.Name, EntityColumns.TenantEntityName);

    private IReadOnlyList<string> KeyColumns(RedisEntity entity, IEnumerable<RedisColumn> values)
    {
        var list = new List<string>();
        if (_multi && entity.Tenant is { } tenant)
        {
            list.Add(tenant.Field);
        }

        list.AddRange(values.Select(v => v.Field).Where(f => !list.Contains(f)));
        return list;
    }

    // ---- entities ----------------------------------------------------------------------------------------------

    private void AddEntity(RedisEntity entity)
    {
        if (entity.Feed is var (parent, time))
        {
            var fields = entity.Columns.Where(c => c != parent && c != time && c != entity.Id && c.Origin != ColumnOrigin.Tenant).Select(Field).ToArray();
            _families.Add(new KeyFamily(entity.Segment, entity.Name, KeyFamilyPurpose.Feed, ValueStructure.Stream,
                DerivedFeedKey(entity, parent), KeyColumns(entity, new[] { parent }), fields, null, time.Field, Array.Empty<LexPart>(), entity.TtlSeconds,
                $"{entity.Name} grows by {InvariantText.Count(_requirement.FindEntity(entity.Name)?.RowsPerDay ?? 0)}/day, is only appended and is read as the latest entries of one {parent.Field}: one stream per {parent.Field} keeps entries in time order (the entry id is {time.Field} in milliseconds), costs about a quarter of a hash per row, and is trimmed by time with XADD MINID."));
            _decisions.Add(new DesignDecision(DesignAreas.Schema, entity.Name, "Stream per " + parent.Field,
                $"Append-only feed read newest first: XADD with the id {time.Field}-*, XREVRANGE … COUNT n reads it; no per-row key, no index to maintain."));
            return;
        }

        var hashFields = entity.Columns.Where(c => c != entity.Id || true).Select(Field).ToArray();
        _families.Add(new KeyFamily(entity.Segment, entity.Name, KeyFamilyPurpose.Entity, ValueStructure.Hash,
            InstanceKey(entity, entity.Id), KeyColumns(entity, new[] { entity.Id }), hashFields, null, null, Array.Empty<LexPart>(), entity.TtlSeconds,
            $"One hash per {entity.Name}: fields are read and written one by one (HGET/HSET) or whole (HGETALL), and a hash of up to {RedisMemory.HashListpackEntries} fields with values up to {RedisMemory.HashListpackValue} bytes is a compact listpack.")
        {
            Serves = new[] { entity.Name + " by id" },
        });
        _decisions.Add(new DesignDecision(DesignAreas.Schema, entity.Name, "Hash per " + entity.Name,
            $"{entity.Columns.Count} fields; the key carries the id{(_multi && entity.Tenant is not null ? " and the tenant as hash tag" : " as hash tag")}."
            + (entity.TtlSeconds is { } t ? $" Keys expire {InvariantText.Count(t / 86_400)} days after they are written (retention {_requirement.Workload.Retention}): {entity.Name} is append-mostly and nothing references it." : string.Empty)));

        foreach (var unique in entity.Columns.Where(c => c.Origin == ColumnOrigin.Attribute && IsUnique(entity, c)))
        {
            _families.Add(new KeyFamily($"{entity.Segment}:by_{unique.Field}", entity.Name, KeyFamilyPurpose.Lookup, ValueStructure.String,
                DerivedKey(entity, "by_" + unique.Field, new[] { unique }), KeyColumns(entity, new[] { unique }), Array.Empty<KeyField>(), entity.Id.Field, null, Array.Empty<LexPart>(), entity.TtlSeconds,
                $"{unique.Field} is unique{(_multi && entity.Tenant is not null ? " per tenant" : string.Empty)}: one string per value holds the id; SET … NX in the write script refuses a second owner.")
            {
                Serves = new[] { $"unique {unique.Field}" },
            });
        }
    }

    private string DerivedFeedKey(RedisEntity entity, RedisColumn parent) => _multi && entity.Tenant is not null
        ? DerivedKey(entity, "by_" + parent.Field, new[] { parent })
        : $"{_prefix}:{entity.Segment}:{{{RedisKeys.Placeholder(parent.Field)}}}";

    private bool IsUnique(RedisEntity entity, RedisColumn column)
    {
        var spec = _requirement.FindEntity(entity.Name)?.Attributes.FirstOrDefault(a => a.Name == column.Name);
        return spec is { Unique: true } && column.Type.Kind is not (LogicalTypeKind.Json or LogicalTypeKind.Text or LogicalTypeKind.Binary or LogicalTypeKind.Array);
    }

    private static KeyField Field(RedisColumn c) => new(c.Field, c.Field, c.Type, c.Bytes, c.NullShare);

    // ---- access patterns ---------------------------------------------------------------------------------------

    private void AddPattern(AccessPatternSpec pattern)
    {
        if (!_entities.TryGetValue(pattern.Entity, out var entity))
        {
            return;
        }

        if (pattern.Near is not null)
        {
            // Served by the entity's GEO set (added with the positions).
            _nearPatterns.Add(pattern);
            return;
        }

        if (pattern.Search.Count > 0)
        {
            AddSearch(entity, pattern);
            return;
        }

        if (pattern.Aggregate is not null)
        {
            AddCounter(entity, pattern);
            return;
        }

        var where = pattern.Where.Select(entity.Column).OfType<RedisColumn>().Where(c => c.Origin != ColumnOrigin.Tenant).ToList();
        var order = pattern.OrderBy.Select(o => (Column: entity.Column(o.Column), o.Descending)).Where(o => o.Column is not null).Select(o => (o.Column!, o.Descending)).ToList();
        var range = pattern.Range is { } r ? entity.Column(r) : null;
        var parameters = KeyColumns(entity, where);

        if (entity.Feed is var (parent, time) && where.Count == 1 && where[0] == parent)
        {
            var feed = _families.Of(entity.Name, KeyFamilyPurpose.Feed).First();
            Serve(feed, pattern.Name);
            var count = pattern.Limit ?? 100;
            var reverse = order.Count == 0 || order[0].Item2;
            _queries.Add(new KeyQuery(pattern.Name, entity.Name, feed.Name, KeyQueryKind.Feed, parameters,
                new[] { Command(reverse ? "XREVRANGE" : "XRANGE", feed.Pattern, reverse ? "+" : "-", reverse ? "-" : "+", "COUNT", Int(count)) },
                $"The stream of one {parent.Field} is in {time.Field} order; {(reverse ? "XREVRANGE reads the newest" : "XRANGE reads the oldest")} {Int(count)} entries in one call.")
            { Limit = count });
            return;
        }

        if (entity.Junction && where.Count == 1 && order.Count == 0 && range is null)
        {
            // Served by the relationship's membership family (added with the relationship).
            _pendingJunctionPatterns.Add((entity, where[0], pattern));
            return;
        }

        if (where.Count == 1 && where[0] == entity.Id && order.Count == 0)
        {
            var family = EntityFamily(entity);
            Serve(family, pattern.Name);
            _queries.Add(new KeyQuery(pattern.Name, entity.Name, family.Name, KeyQueryKind.EntityById, parameters,
                new[] { Command("HGETALL", family.Pattern) }, "One hash read by its key."));
            return;
        }

        if (where.Count == 1 && order.Count == 0 && range is null && _families.Of(entity.Name, KeyFamilyPurpose.Lookup).FirstOrDefault(f => f.KeyColumns.Last() == where[0].Field) is { } lookup)
        {
            Serve(lookup, pattern.Name);
            var entityFamily = EntityFamily(entity);
            _queries.Add(new KeyQuery(pattern.Name, entity.Name, lookup.Name, KeyQueryKind.Lookup, parameters,
                new[] { Command("GET", lookup.Pattern), Command("HGETALL", entityFamily.Pattern) },
                $"GET the id from the unique lookup, then HGETALL the {entity.Name} hash: two single-key reads.")
            { FetchFamily = entityFamily.Name });
            return;
        }

        AddIndex(entity, pattern, where, order, range, parameters);
    }

    private readonly List<(RedisEntity Entity, RedisColumn Column, AccessPatternSpec Pattern)> _pendingJunctionPatterns = new();

    private KeyFamily EntityFamily(RedisEntity entity) => _families.Of(entity.Name, KeyFamilyPurpose.Entity).First();

    private void AddIndex(RedisEntity entity, AccessPatternSpec pattern, List<RedisColumn> where, List<(RedisColumn Column, bool Descending)> order, RedisColumn? range, IReadOnlyList<string> parameters)
    {
        var json = where.Where(c => c.Type.Kind == LogicalTypeKind.Json).ToList();
        string? score = null;
        var lex = Array.Empty<LexPart>() as IReadOnlyList<LexPart>;
        ValueStructure structure;
        if (order.Count == 1 && order[0].Column.Scorable)
        {
            structure = ValueStructure.SortedSet;
            score = order[0].Column.Field;
        }
        else if (order.Count > 0)
        {
            structure = ValueStructure.SortedSet;
            lex = order.Select(o => new LexPart(o.Column.Field, o.Column.Type, o.Descending, LexWidth(o.Column))).ToArray();
        }
        else if (range is not null && range.Scorable)
        {
            structure = ValueStructure.SortedSet;
            score = range.Field;
        }
        else
        {
            structure = ValueStructure.Set;
        }

        var name = "by_" + (where.Count == 0 ? "all" : string.Join("_", where.Select(w => w.Field)))
            + (score is not null ? "_" + score : lex.Count > 0 ? "_" + string.Join("_", lex.Select(l => l.Column)) : string.Empty);
        var familyName = $"{entity.Segment}:{name}";
        var existing = _families.Named(familyName);
        if (existing is null)
        {
            var what = json.Count > 0
                ? $"{string.Join(", ", json.Select(j => j.Field))} is JSON: one key per top-level \"key=value\" pair of the document lists the ids that hold it (Redis cannot look inside a string); sized for {RedisSizing.JsonPairsPerDocument} pairs per document out of {RedisSizing.AssumedJsonPairs} distinct pairs, each a third of the document"
                : where.Count == 0 ? "one key for all of " + entity.Name : "one key per " + string.Join(" and ", where.Select(w => w.Field)) + " value";
            var how = structure == ValueStructure.Set
                ? "a set of ids: the pattern neither orders nor ranges"
                : score is not null
                    ? $"a sorted set of ids scored by {score} ({ScoreText(entity.Column(score)!)}): ZRANGE by rank for pages, BYSCORE for ranges, in O(log n + m)"
                    : $"a sorted set whose members carry the order ({string.Join(", ", lex.Select(l => l.Column + (l.Descending ? " desc" : string.Empty)))} encoded to sort bytewise, then the id) with score 0: ZRANGE reads them in that order";
            existing = new KeyFamily(familyName, entity.Name, KeyFamilyPurpose.Index, structure,
                DerivedKey(entity, name, where), KeyColumns(entity, where), Array.Empty<KeyField>(), entity.Id.Field, score, lex, null,
                $"{what}; {how}.");
            _families.Add(existing);
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, familyName, structure == ValueStructure.Set ? "Set" : "Sorted set", existing.Reason));
            if (lex.Any(l => l.Width == 0 && l.Descending && lex.Count > 1))
            {
                _warnings.Add(new DesignWarning(WarningSeverity.Warning, pattern.Name, $"Text sorted descending inside a composite order ({string.Join(", ", lex.Select(l => l.Column))}) cannot be encoded bytewise; it sorts ascending."));
            }
        }

        Serve(existing, pattern.Name);
        var entityFamily = EntityFamily(entity);
        var limit = pattern.Limit;
        var descending = score is not null && order.Count == 1 ? order[0].Descending : lex.Count == 1 && lex[0].Descending && lex[0].Width == 0;
        KeyCommand read;
        if (structure == ValueStructure.Set)
        {
            read = Command("SMEMBERS", existing.Pattern);
        }
        else if (range is not null && score == range.Field)
        {
            read = descending
                ? Command("ZRANGE", existing.Pattern, "<to>", "<from>", "BYSCORE", "REV", "LIMIT", "0", Int(limit ?? 1000))
                : Command("ZRANGE", existing.Pattern, "<from>", "<to>", "BYSCORE", "LIMIT", "0", Int(limit ?? 1000));
        }
        else
        {
            var words = new List<string> { "ZRANGE", existing.Pattern, "0", Int((limit ?? 1000) - 1) };
            if (descending)
            {
                words.Add("REV");
            }

            read = new KeyCommand(words, string.Empty);
        }

        var parametersWithRange = range is not null && score == range.Field ? parameters.Concat(RangeParameters).ToList() : parameters.ToList();
        _queries.Add(new KeyQuery(pattern.Name, entity.Name, existing.Name, lex.Count > 0 ? KeyQueryKind.LexMembers : KeyQueryKind.Members, parametersWithRange,
            new[] { read, Command("HGETALL", entityFamily.Pattern) with { Note = "for each id, pipelined" } },
            (structure == ValueStructure.Set ? "SMEMBERS reads the ids" : "ZRANGE reads the ids in order")
            + (limit is { } l ? $" ({Int(l)} at most)" : string.Empty) + $", then one HGETALL per id in a pipeline (one round trip)."
            + (range is not null && score != range.Field ? $" {range.Field} is filtered after reading (the index orders by {score ?? "its members"})." : string.Empty))
        { FetchFamily = entityFamily.Name, Limit = limit });
    }

    private static int LexWidth(RedisColumn column) => column.Type.Kind switch
    {
        LogicalTypeKind.Timestamp => 13,
        LogicalTypeKind.Date => 8,
        LogicalTypeKind.Bool => 1,
        LogicalTypeKind.SmallInt => 5,
        LogicalTypeKind.Int => 10,
        LogicalTypeKind.BigInt => 20,
        _ => 0,
    };

    private static string ScoreText(RedisColumn column) => column.Type.Kind switch
    {
        LogicalTypeKind.Timestamp => "epoch milliseconds",
        LogicalTypeKind.Date => "days since 1970-01-01",
        LogicalTypeKind.Bool => "0 or 1",
        _ => "its number",
    };

    private void AddSearch(RedisEntity entity, AccessPatternSpec pattern)
    {
        var columns = pattern.Search.Select(entity.Column).OfType<RedisColumn>().ToList();
        var name = $"{entity.Segment}:words";
        var family = _families.Named(name);
        if (family is null)
        {
            var wordKey = DerivedKey(entity, "word", Array.Empty<RedisColumn>(), _multi ? null : "search") + ":" + RedisKeys.Placeholder(RedisKeys.WordPlaceholder);
            family = new KeyFamily(name, entity.Name, KeyFamilyPurpose.Search, ValueStructure.Set, wordKey, KeyColumns(entity, Array.Empty<RedisColumn>()),
                Array.Empty<KeyField>(), entity.Id.Field, null, Array.Empty<LexPart>(), null,
                $"Redis has no text search of its own (the search module is not part of the server): one set per lower-cased word of {string.Join(", ", columns.Select(c => c.Field))} lists the ids that contain it; a query intersects the sets of its words (SINTER). All word keys share one hash tag so SINTER/SUNION run in one slot.")
            {
                TextColumns = columns.Select(c => c.Field).ToArray(),
            };
            _families.Add(family);
            _families.Add(new KeyFamily($"{entity.Segment}:terms", entity.Name, KeyFamilyPurpose.Search, ValueStructure.SortedSet,
                DerivedKey(entity, "terms", Array.Empty<RedisColumn>(), _multi ? null : "search"), KeyColumns(entity, Array.Empty<RedisColumn>()),
                Array.Empty<KeyField>(), RedisKeys.WordPlaceholder, null, new[] { new LexPart(RedisKeys.WordPlaceholder, LogicalType.Text, false, 0) }, null,
                "The term dictionary: every word once, score 0, so ZRANGE … BYLEX finds the words that start with a prefix (type-ahead and fuzzy matching by prefix).")
            {
                TextColumns = columns.Select(c => c.Field).ToArray(),
            });
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, name, "Word sets and a term dictionary",
                $"{pattern.Name}: words of {string.Join(", ", columns.Select(c => c.Field))} are posted on write; at scale or with relevance ranking, a search engine fed from the write path serves it better."));
        }

        Serve(family, pattern.Name);
        var terms = _families.Named($"{entity.Segment}:terms")!;
        Serve(terms, pattern.Name);
        var commands = pattern.Fuzzy
            ? new[]
            {
                Command("ZRANGE", terms.Pattern, "[<prefix>", "[<prefix-end>", "BYLEX", "LIMIT", "0", "100") with { Note = "the words that start with the typed prefix (prefix-end: the prefix and a 0xFF byte)" },
                Command("SUNION", family.Pattern) with { Note = "one word key per word found" },
                Command("HGETALL", EntityFamily(entity).Pattern) with { Note = "for each id, pipelined" },
            }
            : new[]
            {
                Command("SINTER", family.Pattern) with { Note = "one word key per query word" },
                Command("HGETALL", EntityFamily(entity).Pattern) with { Note = "for each id, pipelined" },
            };
        _queries.Add(new KeyQuery(pattern.Name, entity.Name, family.Name, KeyQueryKind.Search, KeyColumns(entity, Array.Empty<RedisColumn>()).Concat(new[] { pattern.Fuzzy ? "prefix" : "words" }).ToList(),
            commands, pattern.Fuzzy
                ? "Fuzzy by prefix: the term dictionary gives the words that start with the typed text, SUNION the ids that hold any of them."
                : "Every query word must occur: SINTER of the words' sets.")
        { FetchFamily = EntityFamily(entity).Name, Limit = pattern.Limit });
    }

    private void AddCounter(RedisEntity entity, AccessPatternSpec pattern)
    {
        var aggregate = pattern.Aggregate!;
        var where = pattern.Where.Select(entity.Column).OfType<RedisColumn>().Where(c => c.Origin != ColumnOrigin.Tenant).ToList();
        var bucket = pattern.GroupBy.FirstOrDefault(g => g.Bucket is not null) ?? new GroupKey(pattern.Range ?? ImplicitColumns.CreatedAt, TimeBucket.Day);
        var bucketColumn = entity.Column(bucket.Column);
        var valueColumn = aggregate.Column is { } c ? entity.Column(c) : null;
        if (bucketColumn is null || (aggregate.Column is not null && valueColumn is null) || aggregate.Function is AggregateFunction.Min or AggregateFunction.Max)
        {
            _warnings.Add(new DesignWarning(WarningSeverity.Warning, pattern.Name,
                $"{aggregate} by {bucket} is not kept as a counter (Redis keeps sums and counts incrementally, not minima or maxima that a delete can undo); read it from the history store."));
            return;
        }

        var fn = aggregate.Function.ToString().ToLowerInvariant();
        var name = $"{fn}_{valueColumn?.Field ?? "all"}:by_{bucket.Bucket!.Value.ToString().ToLowerInvariant()}_{bucketColumn.Field}" + string.Concat(where.Select(w => "_" + w.Field));
        var family = new KeyFamily($"{entity.Segment}:{name}", entity.Name, KeyFamilyPurpose.Counter, ValueStructure.Hash,
            DerivedKey(entity, name, where), KeyColumns(entity, where), Array.Empty<KeyField>(), null, null, Array.Empty<LexPart>(), null,
            $"{pattern.Name} reads {aggregate} per {bucket}: a hash per {(where.Count == 0 ? "design" : string.Join(" and ", where.Select(w => w.Field)) + " value")} with one field per {bucket.Bucket.Value.ToString().ToLowerInvariant()}, incremented on every write (HINCRBY{(valueColumn is { IsInteger: false } && !IsDecimal(valueColumn) ? "FLOAT" : string.Empty)}), answers in one read instead of scanning rows."
            + (aggregate.Function == AggregateFunction.Avg ? " avg keeps a sum and a count field per bucket." : string.Empty)
            + (valueColumn is not null && IsDecimal(valueColumn) ? $" {valueColumn.Field} is summed exactly as an integer of 1/10^{Scale(valueColumn)} units." : string.Empty))
        {
            Aggregate = aggregate,
            Bucket = bucket,
            Serves = new[] { pattern.Name },
        };
        _families.Add(family);
        _decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, family.Name, "Counter hash maintained on write", family.Reason));
        _queries.Add(new KeyQuery(pattern.Name, entity.Name, family.Name, KeyQueryKind.Counters, KeyColumns(entity, where),
            new[] { Command("HGETALL", family.Pattern) with { Note = pattern.Range is null ? string.Empty : "keep the buckets inside the range" } },
            "One HGETALL returns every bucket's figure; the application keeps the buckets in the requested range."));
    }

    internal static bool IsDecimal(RedisColumn column) => column.Type.Kind is LogicalTypeKind.Decimal or LogicalTypeKind.Money;

    internal static int Scale(RedisColumn column) => column.Type.Kind == LogicalTypeKind.Money ? 4 : column.Type.Scale ?? 0;

    // ---- relationships -----------------------------------------------------------------------------------------

    private void AddRelationship(RelationshipSpec relationship)
    {
        if (relationship.Kind == RelationshipKind.ManyToMany)
        {
            var junction = _entities[relationship.Through!];
            var (fromName, toName) = ImplicitColumns.JunctionColumns(relationship);
            var from = junction.Column(fromName)!;
            var to = junction.Column(toName)!;
            var attributes = junction.Columns.Where(c => c.Origin == ColumnOrigin.Attribute).ToList();
            AddMembership(junction, from, to, attributes, relationship);
            AddMembership(junction, to, from, Array.Empty<RedisColumn>(), relationship);
            return;
        }

        if (!_entities.TryGetValue(relationship.To, out var child) || child.Feed is not null)
        {
            return;
        }

        var fk = child.Column(ImplicitColumns.ForeignKeyColumn(relationship));
        if (fk is null || fk.Origin == ColumnOrigin.Tenant)
        {
            return;
        }

        var covered = _families.Of(child.Name, KeyFamilyPurpose.Index).FirstOrDefault(f => f.KeyColumns.Last() == fk.Field
            && f.KeyColumns.Count == (_multi && child.Tenant is not null ? 2 : 1));
        if (covered is not null)
        {
            Serve(covered, $"{relationship.From} → {child.Name} ({fk.Field})");
            return;
        }

        var name = "by_" + fk.Field;
        _families.Add(new KeyFamily($"{child.Segment}:{name}", child.Name, KeyFamilyPurpose.Membership, ValueStructure.Set,
            DerivedKey(child, name, new[] { fk }), KeyColumns(child, new[] { fk }), Array.Empty<KeyField>(), child.Id.Field, null, Array.Empty<LexPart>(), null,
            $"The {child.Name}s of one {relationship.From} ({fk.Field}): on delete {relationship.OnDelete.ToString().ToLowerInvariant()} needs them without scanning, as a foreign key's index does in a relational store.")
        {
            Serves = new[] { $"{relationship.From} → {child.Name} ({fk.Field})" },
        });
    }

    private void AddMembership(RedisEntity junction, RedisColumn owner, RedisColumn member, IReadOnlyList<RedisColumn> attributes, RelationshipSpec relationship)
    {
        var name = "by_" + owner.Field;
        var fields = attributes.Select(Field).ToArray();
        var family = new KeyFamily($"{junction.Segment}:{name}", junction.Name, KeyFamilyPurpose.Membership, attributes.Count > 0 ? ValueStructure.Hash : ValueStructure.Set,
            DerivedKey(junction, name, new[] { owner }), KeyColumns(junction, new[] { owner }), fields, member.Field, null, Array.Empty<LexPart>(), null,
            attributes.Count > 0
                ? $"{relationship.Through} per {owner.Field}: a hash whose fields are the {member.Field}s and whose values hold {string.Join(", ", attributes.Select(a => a.Field))} as compact JSON."
                : $"{relationship.Through} per {owner.Field}: a set of the {member.Field}s (SISMEMBER, SMEMBERS, SCARD).")
        {
            Serves = _pendingJunctionPatterns.Where(p => p.Entity == junction && p.Column == owner).Select(p => p.Pattern.Name).Prepend($"{relationship.From} ↔ {relationship.To}").ToArray(),
        };
        _families.Add(family);
        foreach (var pending in _pendingJunctionPatterns.Where(p => p.Entity == junction && p.Column == owner))
        {
            _queries.Add(new KeyQuery(pending.Pattern.Name, junction.Name, family.Name, KeyQueryKind.Members, KeyColumns(junction, new[] { owner }),
                new[] { Command(attributes.Count > 0 ? "HGETALL" : "SMEMBERS", family.Pattern) },
                attributes.Count > 0 ? $"One HGETALL returns every {member.Field} with its attributes." : $"One SMEMBERS returns every {member.Field}.")
            { Limit = pending.Pattern.Limit });
        }
    }

    private void AddPositions(RedisEntity entity)
    {
        // A near pattern names the coordinates and is the query the set serves; without one they are found by name.
        var near = _nearPatterns.Where(p => Same(p.Entity, entity.Name)).ToList();
        var lat = near.Count > 0 ? entity.Column(near[0].Near!.Latitude) : entity.Columns.FirstOrDefault(c => c.Type.IsNumeric && c.Field.ToLowerInvariant() is "latitude" or "lat");
        var lon = near.Count > 0 ? entity.Column(near[0].Near!.Longitude) : entity.Columns.FirstOrDefault(c => c.Type.IsNumeric && c.Field.ToLowerInvariant() is "longitude" or "lon" or "lng");
        if (lat is null || lon is null)
        {
            return;
        }

        var owner = entity.Feed is var (parent, _) ? parent.Field : entity.Id.Field;
        var name = "positions";
        var key = DerivedKey(entity, name, Array.Empty<RedisColumn>(), _multi ? null : "geo");
        var served = near.Count > 0 ? near.Select(p => p.Name).ToArray() : new[] { $"{entity.Name} near a point" };
        _families.Add(new KeyFamily($"{entity.Segment}:{name}", entity.Name, KeyFamilyPurpose.Location, ValueStructure.Geo,
            key, KeyColumns(entity, Array.Empty<RedisColumn>()), Array.Empty<KeyField>(), owner, null, Array.Empty<LexPart>(), null,
            $"{entity.Name} has {lat.Field}/{lon.Field}: a GEO set holds the latest position of each {owner} (GEOADD on every write replaces it), so GEOSEARCH … BYRADIUS answers \"which are near this point\" in O(log n + m).")
        {
            Position = new LocationColumns(lat.Field, lon.Field),
            Serves = served,
        });
        var parameters = KeyColumns(entity, Array.Empty<RedisColumn>()).Concat(GeoParameters).ToList();
        if (near.Count == 0)
        {
            _queries.Add(new KeyQuery(served[0], entity.Name, $"{entity.Segment}:{name}", KeyQueryKind.Members, parameters,
                new[] { Command("GEOSEARCH", key, "FROMLONLAT", "<longitude>", "<latitude>", "BYRADIUS", "<km>", "km", "ASC") },
                $"The {owner}s within a radius, nearest first (not an access pattern of the requirements: what the position set adds)."));
            return;
        }

        foreach (var pattern in near)
        {
            var words = new List<string> { "GEOSEARCH", key, "FROMLONLAT", "<longitude>", "<latitude>", "BYRADIUS", "<km>", "km", "ASC" };
            if (pattern.Limit is { } limit)
            {
                words.AddRange(new[] { "COUNT", Int(limit) });
            }

            var filter = pattern.Where.Count == 0 ? string.Empty
                : $"; the set holds positions only, so {string.Join(", ", pattern.Where)} is checked on each member's hash after the search";
            _queries.Add(new KeyQuery(pattern.Name, entity.Name, $"{entity.Segment}:{name}", KeyQueryKind.Members, parameters, new[] { Command(words.ToArray()) },
                $"The {owner}s within a radius of the point, nearest first{(pattern.Limit is { } l ? $", at most {Int(l)}" : string.Empty)}{filter}.")
            { Limit = pattern.Limit });
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void Serve(KeyFamily family, string pattern)
    {
        if (!family.Serves.Contains(pattern))
        {
            _families.Replace(family, f => f with { Serves = f.Serves.Append(pattern).ToArray() });
        }
    }

    private static KeyCommand Command(params string[] words) => new(words, string.Empty);

    private static string Int(long value) => InvariantText.Integer(value);
}
