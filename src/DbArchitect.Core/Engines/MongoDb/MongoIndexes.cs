using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.InvariantText;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Indexes from the access patterns by the equality–sort–range rule: the fields a pattern matches exactly first (the
/// tenant key first of all in a multi-tenant design), then its sort, then its range, so one index both finds and
/// orders the documents without an in-memory sort. Search patterns get the collection's one text index; unique
/// attributes a unique index (per tenant, partial where optional or soft-deleted, case-insensitive for e-mail); a
/// retention a TTL index on collections whose documents nothing references. Indexes that are a prefix of another
/// are dropped: the longer one serves both.
/// </summary>
internal sealed class MongoIndexes
{
    private readonly DbRequirement _requirement;
    private readonly List<DesignDecision> _decisions;
    private readonly TypicalValues _values;
    private readonly IReadOnlyDictionary<string, Placement> _placements;
    private readonly IReadOnlyList<DocumentRelation> _relations;
    private readonly NamingStyle _style;

    public MongoIndexes(DbRequirement requirement, IReadOnlyDictionary<string, Placement> placements, IReadOnlyList<DocumentRelation> relations, List<DesignDecision> decisions, TypicalValues values)
    {
        _requirement = requirement;
        _placements = placements;
        _relations = relations;
        _decisions = decisions;
        _values = values;
        _style = requirement.Conventions.Naming;
    }

    public void Plan(IReadOnlyList<CollectionDraft> collections)
    {
        foreach (var pattern in _requirement.AccessPatterns)
        {
            if (_placements.TryGetValue(ImplicitColumns.MatchKey(pattern.Entity), out var placement))
            {
                ForPattern(pattern, placement);
            }
        }

        foreach (var collection in collections)
        {
            Unique(collection);
            TimeToLive(collection);
            RemovePrefixes(collection);
            Name(collection);
            if (collection.Indexes.Count == 0)
            {
                _decisions.Add(new DesignDecision(DesignAreas.Indexing, collection.Name, "The _id index only",
                    $"No access pattern reads {collection.Name} by another field and none of its values is unique; a read by anything but _id scans the collection, so add an index with the pattern that needs it."));
            }
        }
    }

    private void ForPattern(AccessPatternSpec pattern, Placement placement)
    {
        var collection = placement.Collection;
        var rate = pattern.PerSecond is { } r ? $" at {Number(r)}/s" : string.Empty;
        if (pattern.Search.Count > 0)
        {
            Text(pattern, collection, rate);
            return;
        }

        if (pattern.Near is { } near && placement.Kind == PlacementKind.Collection && collection.Entity?.PointFor(near) is { } point)
        {
            Near(pattern, placement, point, rate);
            return;
        }

        var where = pattern.Where.ToList();
        var prefix = placement.Kind switch
        {
            PlacementKind.Embedded or PlacementKind.ReferenceArray when where.Count > 0 && where.All(w => ImplicitColumns.SameKey(w, placement.ParentKey!)) && pattern.Range is null => null,
            PlacementKind.Embedded => null,
            PlacementKind.ReferenceArray => placement.ArrayField + ".",
            _ => string.Empty,
        };
        if (prefix is null)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, pattern.Name, $"Served by {collection.Name}._id",
                $"{pattern.Entity} lives inside {collection.Name}.{placement.ArrayField}; the pattern reads one {collection.Name} by its key{rate}, which the _id index serves."));
            return;
        }

        var keys = new List<DocumentIndexKey>();
        void Add(string field, IndexKeyKind kind)
        {
            if (!keys.Any(k => k.Field == field))
            {
                keys.Add(new DocumentIndexKey(field, kind));
            }
        }

        if (collection.TenantScoped)
        {
            Add(collection.Fields.First(f => f.Origin == FieldOrigin.Tenant).Name, IndexKeyKind.Ascending);
        }

        var equality = new List<string>();
        var bucketed = placement.Kind == PlacementKind.Bucketed;
        foreach (var name in where.Where(w => pattern.Range is null || !ImplicitColumns.SameKey(w, pattern.Range)))
        {
            var path = Path(collection, placement, prefix, name, bucketed);
            equality.Add(path);
            Add(path, IndexKeyKind.Ascending);
        }

        var sorts = pattern.OrderBy.Select(o => (Path: Path(collection, placement, prefix, o.Column, bucketed), o.Descending)).ToList();
        foreach (var (path, descending) in sorts)
        {
            Add(path, descending ? IndexKeyKind.Descending : IndexKeyKind.Ascending);
        }

        var range = PatternColumns(pattern) is { } column ? Path(collection, placement, prefix, column, bucketed) : null;
        if (range is not null)
        {
            Add(range, IndexKeyKind.Ascending);
        }

        if (keys.Count == 0 || keys.All(k => k.Field == "_id"))
        {
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, pattern.Name, "No index of its own",
                keys.Count == 0 ? $"The pattern reads the whole {collection.Name} collection{rate} (no filter, sort or range); an index would not narrow it." : $"The _id index serves it{rate}."));
            return;
        }

        var reason = $"Equality–sort–range for '{pattern.Name}'{rate}: equality on {List(keys.Where(k => equality.Contains(k.Field) || collection.Field(k.Field)?.Origin == FieldOrigin.Tenant).Select(k => k.Field))}"
            + (sorts.Count > 0 ? $", then the sort {string.Join(", ", sorts.Select(s => s.Path + (s.Descending ? " desc" : " asc")))}" : string.Empty)
            + (range is not null ? $", then the range on {range}" : string.Empty)
            + (bucketed ? "; buckets are found by their parent and start, then unwound" : string.Empty)
            + (pattern.Limit is { } limit ? $"; the first {Count(limit)} come from the index in order, with no in-memory sort" : string.Empty) + ".";
        collection.Indexes.Add(new DocumentIndex(string.Empty, keys, reason) { Serves = new[] { pattern.Name }, Partial = LiveOnly(collection) });
    }

    /// <summary>
    /// A near pattern's compound 2dsphere index: the tenant key and the equality fields first (equality–sort–range: the
    /// geo key takes the sort's place, since $geoNear returns nearest first), the point, then a range as a key filter.
    /// </summary>
    private void Near(AccessPatternSpec pattern, Placement placement, MongoGeoPoint point, string rate)
    {
        var collection = placement.Collection;
        string At(string name) => Path(collection, placement, string.Empty, name, false);
        var keys = collection.Fields.Where(f => f.Origin == FieldOrigin.Tenant).Select(f => new DocumentIndexKey(f.Name, IndexKeyKind.Ascending)).ToList();
        var leading = keys.Count;
        foreach (var path in pattern.Where.Where(w => pattern.Range is null || !ImplicitColumns.SameKey(w, pattern.Range)).Select(At).Where(p => keys.All(k => k.Field != p)))
        {
            keys.Add(new DocumentIndexKey(path, IndexKeyKind.Ascending));
        }

        var equality = keys.Select(k => k.Field).ToList();
        keys.Add(new DocumentIndexKey(point.Field, IndexKeyKind.Spherical));
        var range = pattern.Range is { } r ? At(r) : null;
        if (range is not null && keys.All(k => k.Field != range))
        {
            keys.Add(new DocumentIndexKey(range, IndexKeyKind.Ascending));
        }

        var reason = $"Compound 2dsphere for '{pattern.Name}'{rate}, nearest first around a point: "
            + (equality.Count > 0
                ? $"equality on {List(equality)} leads{(leading > 0 ? " (the tenant key first)" : string.Empty)}, so $geoNear's query bounds those keys and the search widens only through the cells of matching documents; then {point.Field} as 2dsphere (a compound index may hold scalar keys before the 2dsphere key)"
                : $"{point.Field} as 2dsphere; no equality filter to lead it")
            + (range is not null ? $", then {range}, filtered inside the index" : string.Empty)
            + $". The equality–sort–range order with the geo key in the sort's place: $geoNear returns documents by distance, so no sort stage follows"
            + (pattern.Limit is { } limit ? $", and $limit {Count(limit)} stops it after the nearest {Count(limit)}" : string.Empty)
            + $". 2dsphere indexes are sparse: a document without {point.Field} is not in it.";
        collection.Indexes.Add(new DocumentIndex(string.Empty, keys, reason) { Serves = new[] { pattern.Name }, Partial = LiveOnly(collection) });
    }

    private static string? PatternColumns(AccessPatternSpec pattern) =>
        pattern.Range ?? (pattern.Aggregate is not null ? pattern.GroupBy.FirstOrDefault(g => g.Bucket is not null)?.Column : null);

    /// <summary>A field as the index names it: a JSON field's wildcard, an array's element path, a bucket's start for its items' time, a point's coordinate.</summary>
    private static string Path(CollectionDraft collection, Placement placement, string prefix, string name, bool bucketed)
    {
        if (placement.Kind == PlacementKind.Collection && collection.Entity?.PointHolding(name) is { } point)
        {
            return point.PathOf(name);
        }

        if (bucketed && collection.BucketTime is { } time && ImplicitColumns.SameKey(name, time))
        {
            return placement.LinkedKey!;
        }

        var field = collection.Field(name);
        if (prefix.Length > 0 || field is null)
        {
            var inner = placement.Kind == PlacementKind.ReferenceArray ? collection.Field(placement.ArrayField!)?.Items?.Fields.FirstOrDefault(f => ImplicitColumns.SameKey(f.Name, name)) : null;
            return prefix + (inner?.Name ?? field?.Name ?? name);
        }

        return field.Type == DocumentValueType.Object && field.FreeForm ? field.Name + ".$**" : field.Name;
    }

    private void Text(AccessPatternSpec pattern, CollectionDraft collection, string rate)
    {
        var fields = pattern.Search.Select(s => collection.Field(s)?.Name ?? s).ToList();
        var existing = collection.Indexes.FirstOrDefault(i => i.Keys.Any(k => k.Kind == IndexKeyKind.Text));
        var keys = new List<DocumentIndexKey>();
        if (collection.TenantScoped)
        {
            keys.Add(new DocumentIndexKey(collection.Fields.First(f => f.Origin == FieldOrigin.Tenant).Name, IndexKeyKind.Ascending));
        }

        keys.AddRange((existing?.Keys.Where(k => k.Kind == IndexKeyKind.Text).Select(k => k.Field) ?? Enumerable.Empty<string>())
            .Concat(fields).Distinct(StringComparer.Ordinal).Select(f => new DocumentIndexKey(f, IndexKeyKind.Text)));
        var language = pattern.Language ?? existing?.Language ?? "none";
        var reason = $"'{pattern.Name}'{rate} searches {List(fields)}: a collection has one text index, so it covers every searched field"
            + (collection.TenantScoped ? "; the tenant key leads it, so each search names its tenant" : string.Empty)
            + (language == "none" ? "; no stemming language is stated, so words match as written" : $"; stemmed as {language}")
            + (pattern.Fuzzy ? ". The text index matches whole words only: fuzzy and partial matching need an Atlas Search index (its definition is in the script, used when the deployment is Atlas)." : ".");
        var serves = (existing?.Serves ?? Array.Empty<string>()).Append(pattern.Name).ToArray();
        if (existing is not null)
        {
            collection.Indexes.Remove(existing);
        }

        collection.Indexes.Add(new DocumentIndex(string.Empty, keys, reason) { Language = language, Serves = serves, Partial = LiveOnly(collection) });
    }

    private void Unique(CollectionDraft collection)
    {
        var tenant = collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.Tenant);
        var uniques = new List<(string Path, bool Optional, bool Email, string Why)>();
        var entities = collection.Entity is { } own ? new[] { (Entity: own.Name, Path: string.Empty, Optional: false) } : Array.Empty<(string, string, bool)>();
        var embedded = _relations.Where(r => r.Link == DocumentLink.Embed && r.Holder == collection.Name).Select(r => (Entity: r.To, Path: r.Field + ".", Optional: true));
        foreach (var (entity, path, optional) in entities.Concat(embedded))
        {
            // A coordinate stored in a point has no field of its own to be unique on.
            foreach (var attribute in _requirement.FindEntity(entity)?.Attributes.Where(a => a.Unique && (path.Length > 0 || collection.Entity?.PointHolding(a.Name) is null)) ?? Enumerable.Empty<AttributeSpec>())
            {
                uniques.Add((path + MongoNames.Field(_style, attribute.Name), optional || !attribute.Required, attribute.Type.Kind == LogicalTypeKind.Email,
                    $"{entity}.{attribute.Name} is unique"));
            }
        }

        foreach (var relation in _relations.Where(r => r.Kind == RelationshipKind.OneToOne && r.Link == DocumentLink.Reference && r.Holder == collection.Name))
        {
            uniques.Add((relation.Field, !collection.Field(relation.Field)!.Required, false, $"{relation.From} → {relation.To} is one-to-one"));
        }

        if (collection.Kind == CollectionKind.Link)
        {
            var refs = collection.Fields.Where(f => f.Origin == FieldOrigin.Reference).Select(f => f.Name).ToList();
            var keys = (tenant is null ? refs : refs.Prepend(tenant.Name)).Select(f => new DocumentIndexKey(f, IndexKeyKind.Ascending)).ToList();
            collection.Indexes.Add(new DocumentIndex(string.Empty, keys, "One link per pair: the unique pair of keys also serves lookups from the first side.") { Unique = true });
        }

        foreach (var (path, optional, email, why) in uniques)
        {
            var keys = new List<DocumentIndexKey>();
            if (tenant is not null)
            {
                keys.Add(new DocumentIndexKey(tenant.Name, IndexKeyKind.Ascending));
            }

            keys.Add(new DocumentIndexKey(path, IndexKeyKind.Ascending));
            var partial = LiveOnly(collection).ToList();
            if (optional)
            {
                partial.Insert(0, new PartialCondition(path, PartialTest.Exists));
            }

            var reason = why + (tenant is not null ? " within a tenant, so the tenant key leads the unique index" : string.Empty)
                + (optional ? "; the value is optional, so the index covers documents that hold it (a missing value is not a duplicate)" : string.Empty)
                + (collection.SoftDelete ? "; deleted documents are left out, so a deleted value can be used again" : string.Empty)
                + (email ? "; e-mail addresses compare case-insensitively (collation strength 2), and the login query uses the same collation" : string.Empty) + ".";
            collection.Indexes.Add(new DocumentIndex(string.Empty, keys, reason) { Unique = true, Partial = partial, CaseInsensitive = email });
        }
    }

    private void TimeToLive(CollectionDraft collection)
    {
        if (_requirement.Workload.Retention is not { } retention || collection.Kind is not (CollectionKind.Entity or CollectionKind.Bucket) || collection.InsertsPerDay <= 0)
        {
            return;
        }

        var entity = collection.Entity!.Name;
        var referenced = _relations.Any(r => (r.Link == DocumentLink.Reference && ImplicitColumns.SameKey(r.From, entity))
            || (r.Link is DocumentLink.ReferenceArray or DocumentLink.LinkCollection && (ImplicitColumns.SameKey(r.To, entity) || (ImplicitColumns.SameKey(r.From, entity) && r.Holder != collection.Name))));
        var growth = checked((long)(collection.InsertsPerDay * retention.Days));
        var time = collection.Kind == CollectionKind.Bucket
            ? collection.Fields.First(f => f.Origin == FieldOrigin.Bucket && f.Type == DocumentValueType.Date)
            : collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.Timestamp && f.Type == DocumentValueType.Date && f.Name == MongoNames.Field(_style, ImplicitColumns.CreatedAt))
              ?? collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.Attribute && f.Type == DocumentValueType.Date && f.Required);
        var today = collection.Documents.Today;
        if (referenced || time is null || growth < today)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, collection.Name + " retention", "No TTL index",
                referenced ? $"Other documents hold {collection.Name} keys; expiring it by age would leave them pointing at nothing, so the {retention} retention is an archiving job."
                : time is null ? $"{collection.Name} has no required date to age documents by; the {retention} retention is an archiving job."
                : $"{Count(growth)} documents inserted over the {retention} retention are fewer than the {Count(today)} held today: the collection is not an event stream, so the retention is an archiving job."));
            return;
        }

        var seconds = checked((long)Math.Round(retention.Days * 86400, MidpointRounding.AwayFromZero));
        if (seconds > int.MaxValue)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, collection.Name + " retention", "No TTL index",
                $"The {retention} retention is {Count(seconds)} seconds, beyond the {Count(int.MaxValue)} a TTL index accepts; an archiving job removes old documents."));
            return;
        }

        collection.Indexes.Add(new DocumentIndex(string.Empty, new[] { new DocumentIndexKey(time.Name, IndexKeyKind.Ascending) },
            $"Retention {retention}: the TTL monitor deletes documents {Count(seconds)} seconds after {time.Name} (about {Count(checked((long)(collection.InsertsPerDay)))} a day, as many as are inserted), so the collection holds about {Count(collection.Documents.AtRetention)} documents at steady state; nothing references {collection.Name}.")
        {
            ExpireAfterSeconds = seconds,
        });
    }

    private static IReadOnlyList<PartialCondition> LiveOnly(CollectionDraft collection) =>
        collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.SoftDelete) is { } deleted
            ? new[] { new PartialCondition(deleted.Name, PartialTest.IsNull) }
            : Array.Empty<PartialCondition>();

    /// <summary>
    /// A plain index whose keys start another's is served by the longer one (MongoDB also refuses two indexes on the same
    /// keys with different options): by a unique or TTL index too, when that index's filter holds for every document the
    /// pattern reads (the same filter, or "exists" on a field the pattern matches).
    /// </summary>
    private void RemovePrefixes(CollectionDraft collection)
    {
        foreach (var index in collection.Indexes.ToList())
        {
            if (index.Unique || index.ExpireAfterSeconds is not null || index.Keys.Any(k => k.Kind == IndexKeyKind.Text))
            {
                continue;
            }

            var longer = collection.Indexes.FirstOrDefault(o => o != index && o.Keys.Count >= index.Keys.Count
                && o.Keys.Take(index.Keys.Count).SequenceEqual(index.Keys) && !o.Keys.Any(k => k.Kind == IndexKeyKind.Text)
                // A 2dsphere index leaves out documents without a point, so the planner never answers a plain query from it.
                && (o.Keys.Count == index.Keys.Count || !o.Keys.Any(k => k.Kind == IndexKeyKind.Spherical))
                && o.Partial.All(c => index.Partial.Contains(c) || (c.Test == PartialTest.Exists && index.Keys.Any(k => k.Field == c.Field)))
                && (o.Keys.Count > index.Keys.Count || o.Unique || o.ExpireAfterSeconds is not null || collection.Indexes.IndexOf(o) < collection.Indexes.IndexOf(index)));
            if (longer is null)
            {
                continue;
            }

            var at = collection.Indexes.IndexOf(longer);
            collection.Indexes[at] = longer with
            {
                Serves = longer.Serves.Concat(index.Serves).Distinct(StringComparer.Ordinal).ToArray(),
                Reason = longer.Reason + $" It also serves {List(index.Serves.Select(s => "'" + s + "'"))}, whose keys it starts with.",
            };
            collection.Indexes.Remove(index);
        }
    }

    private void Name(CollectionDraft collection)
    {
        var scope = new NameScope(MongoNames.MaxIndexNameBytes);
        for (var i = 0; i < collection.Indexes.Count; i++)
        {
            var index = collection.Indexes[i];
            var prefix = index.ExpireAfterSeconds is not null ? "ttl" : index.Keys.Any(k => k.Kind == IndexKeyKind.Text) ? "tx"
                : index.Keys.Any(k => k.Kind == IndexKeyKind.Spherical) ? "geo" : index.Unique ? "ux" : "ix";
            var parts = index.Keys.Where(k => k.Kind != IndexKeyKind.Text).Select(k => k.Field.Replace(".$**", string.Empty, StringComparison.Ordinal).Replace('.', '_'))
                .Prepend(collection.Name).ToList();
            if (index.Keys.Any(k => k.Kind == IndexKeyKind.Text))
            {
                parts.Add("text");
            }

            var name = scope.Claim(IdentifierShortener.Shorten(Naming.Compose(_style, prefix, parts), MongoNames.MaxIndexNameBytes));
            var fields = index.Keys.Select(k => collection.FieldAt(k.Field)).ToList();
            collection.Indexes[i] = index with { Name = name, EntryBytes = BsonSize.IndexEntry(fields, _values) };
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, collection.Name + "." + name,
                string.Join(", ", index.Keys) + (index.Unique ? " (unique)" : string.Empty) + (index.ExpireAfterSeconds is { } s ? $" (TTL {Count(s)} s)" : string.Empty)
                + (index.Partial.Count > 0 ? " (partial)" : string.Empty), index.Reason));
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list);
    }
}
