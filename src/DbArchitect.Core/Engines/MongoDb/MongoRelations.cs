using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.InvariantText;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Embed or reference, per relationship, from its cardinality, the children per parent at the horizon, their growth,
/// how the access patterns read the child and the 16 MB document limit: a one-to-one or one-to-few child that nothing
/// else uses is embedded; a child with its own readers, other relationships, unknown or large counts is referenced;
/// a high-rate time-ordered child is bucketed; an unbounded array is never embedded. Many-to-many links become a
/// bounded array of references on one side, or link documents when either side is unbounded or unknown.
/// </summary>
internal sealed class MongoRelations
{
    /// <summary>Most children per parent an embedded array holds ("one-to-few"); more are referenced.</summary>
    public const int OneToFew = 20;

    /// <summary>Children per parent per day from which a time-ordered child is bucketed (one or more an hour).</summary>
    public const int BucketPerDay = 24;

    /// <summary>Most items a bucket holds (the cap MongoDB's own time-series buckets use).</summary>
    public const int MaxBucketItems = 1000;

    private readonly DbRequirement _requirement;
    private readonly MongoEntityBuilder _builder;
    private readonly List<DesignDecision> _decisions;
    private readonly TypicalValues _values;
    private readonly Dictionary<string, CollectionDraft> _drafts;
    private readonly IReadOnlyList<MongoEntity> _entities;

    public MongoRelations(DbRequirement requirement, MongoEntityBuilder builder, IReadOnlyList<MongoEntity> entities, List<DesignDecision> decisions, TypicalValues values)
    {
        _requirement = requirement;
        _builder = builder;
        _entities = entities;
        _decisions = decisions;
        _values = values;
        _drafts = entities.ToDictionary(e => e.Name, e => new CollectionDraft(e.Collection, e.IsTenant ? CollectionKind.Tenant : CollectionKind.Entity, e, e.Description, e.Fields, e.Documents)
        {
            InsertsPerDay = e.RowsPerDay ?? 0,
        }, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where each entity and link lives, by match key of its logical name.</summary>
    public Dictionary<string, Placement> Placements { get; } = new(StringComparer.Ordinal);

    public List<DocumentRelation> Relations { get; } = new();

    public IReadOnlyList<CollectionDraft> Place()
    {
        foreach (var entity in _entities)
        {
            Placements[ImplicitColumns.MatchKey(entity.Name)] = new Placement(PlacementKind.Collection, _drafts[entity.Name], null, null, null);
        }

        var links = new List<CollectionDraft>();
        foreach (var relationship in _requirement.Relationships)
        {
            if (relationship.Kind == RelationshipKind.ManyToMany)
            {
                links.AddRange(ManyToMany(relationship));
            }
            else
            {
                OneToMany(relationship);
            }
        }

        // Embedded children are gone as collections; their documents live in the parent's.
        var embedded = Relations.Where(r => r.Link == DocumentLink.Embed).Select(r => r.To).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _entities.Where(e => !embedded.Contains(e.Name)).Select(e => _drafts[e.Name]).Concat(links).ToList();
    }

    private void OneToMany(RelationshipSpec relationship)
    {
        var parent = _drafts[relationship.From];
        var child = _drafts[relationship.To];
        var key = _builder.FieldName(ImplicitColumns.ForeignKeyColumn(relationship));
        var ratio = Ratio(child.Entity!, parent.Entity!);
        var (owned, why) = Owned(relationship, relationship.To, new[] { key });

        if (ImplicitColumns.IsSelf(relationship))
        {
            Reference(relationship, child, key, ratio, "A self-reference (a tree) is a reference: a document embedding its own kind nests without bound and each level must stay addressable.");
            return;
        }

        // A high-rate, time-ordered child read by its parent and by time is bucketed before ownership is asked: its
        // readers (latest samples of a parent, aggregates over a time range) read buckets as well as single documents.
        var perDay = child.Entity!.RowsPerDay is > 0 && parent.Entity!.Rows is > 0 ? (double)child.Entity.RowsPerDay.Value / parent.Entity.Rows.Value : 0;
        if (relationship.Kind == RelationshipKind.OneToMany && perDay >= BucketPerDay && Others(relationship, relationship.To).Count == 0
            && !FilteredBeyond(relationship.To, key) && BucketTime(relationship.To, child) is { } time)
        {
            Bucket(relationship, child, key, time, perDay);
            return;
        }

        var childBytes = BsonSize.Document(child.Fields.Where(f => f.Origin != FieldOrigin.Tenant), _values);
        if (!owned)
        {
            Reference(relationship, child, key, ratio, $"{relationship.To} is not owned by {relationship.From} alone: {why}; embedding it would copy it or hide it from its other readers.");
            return;
        }

        if (relationship.Kind == RelationshipKind.OneToOne)
        {
            Embed(relationship, parent, child, key, 1, childBytes,
                $"One-to-one and {relationship.To} has no readers or relationships of its own, so it is read with {relationship.From}: a sub-document of {Count(childBytes)} bytes saves a second lookup and a second write per {relationship.From}.");
            return;
        }

        if (ratio is null)
        {
            Reference(relationship, child, key, null, $"The requirements state no volumes for {relationship.From} and {relationship.To}, so the children per parent are unknown; an embedded array could grow without bound toward the 16 MB document limit.");
            return;
        }

        if (_requirement.Workload.Retention is null && child.Entity!.RowsPerDay is > 0)
        {
            Reference(relationship, child, key, ratio, $"{relationship.To} grows by {Count(child.Entity.RowsPerDay.Value)} a day with no retention, so the children per {relationship.From} grow without bound ({Number(ratio.Value)} at three years and rising): an unbounded array is never embedded.");
            return;
        }

        var arrayBytes = (long)Math.Ceiling(ratio.Value) * childBytes;
        if (ratio.Value <= OneToFew && arrayBytes < BsonSize.MaxDocumentBytes)
        {
            Embed(relationship, parent, child, key, ratio.Value, arrayBytes,
                $"One-to-few: {Number(ratio.Value)} {relationship.To} per {relationship.From} at the horizon (at most {Count(OneToFew)} embed), {Count(arrayBytes)} bytes of array, far below 16 MB, and {relationship.To} is read only with its {relationship.From}.");
            return;
        }

        Reference(relationship, child, key, ratio, $"One-to-many: {Number(ratio.Value)} {relationship.To} per {relationship.From} at the horizon, more than the {Count(OneToFew)} an embedded array holds well (an array that large rewrites the parent on every change); each {relationship.To} holds its {relationship.From}'s key.");
    }

    private IEnumerable<CollectionDraft> ManyToMany(RelationshipSpec relationship)
    {
        var from = _drafts[relationship.From];
        var to = _drafts[relationship.To];
        var through = relationship.Through!;
        var (fromColumn, toColumn) = ImplicitColumns.JunctionColumns(relationship);
        var fromKey = _builder.FieldName(fromColumn);
        var toKey = _builder.FieldName(toColumn);
        var subject = $"{relationship.From} ↔ {relationship.To}";
        var attributes = relationship.Attributes.Select(a => _builder.Attribute(null, a)).ToList();
        var linkField = new DocumentField(toKey, _builder.KeyType, true, FieldRules.None, FieldOrigin.Reference, $"Key of the linked {relationship.To}.");
        var (independent, why) = Independent(through, new[] { fromKey, toKey });
        string? reason = null;
        if (ImplicitColumns.IsSelf(relationship))
        {
            reason = $"A self many-to-many ({through}) is a graph: a popular {relationship.From} has links without bound in both directions, so each link is its own document, indexed both ways.";
        }
        else if (independent)
        {
            reason = $"{why}, so the links are documents of their own.";
        }
        else if (!from.Entity!.HasVolumes || !to.Entity!.HasVolumes)
        {
            reason = $"The requirements state no volumes for {relationship.From} or {relationship.To}, so the links per document are unknown; an embedded array could grow without bound, so each link is its own document.";
        }
        else if (to.Documents.AtRetention > from.Documents.AtRetention)
        {
            reason = $"Each {relationship.From} can link to a growing set of {Count(to.Documents.AtRetention)} {relationship.To} documents at the horizon (more than the {Count(from.Documents.AtRetention)} {relationship.From} documents), so a {relationship.From}'s array of links is unbounded; each link is its own document.";
        }

        if (reason is null)
        {
            var item = new DocumentField(through, DocumentValueType.Object, true, FieldRules.None, FieldOrigin.Embedded, null) { Fields = new[] { linkField }.Concat(attributes).ToList() };
            var field = new DocumentField(MongoNames.Field(_requirement.Conventions.Naming, through), DocumentValueType.Array, false, FieldRules.None, FieldOrigin.Embedded,
                $"Links to {relationship.To} ({through}).") { Items = item };
            var bytes = BsonSize.Element(field, _values);
            from.Fields.Add(field);
            from.Embeds.Add(through);
            Placements[ImplicitColumns.MatchKey(through)] = new Placement(PlacementKind.ReferenceArray, from, field.Name, fromKey, toKey);
            var text = $"A bounded array of references inside {relationship.From}: {relationship.To} ({Count(to.Documents.AtRetention)} at the horizon) is a smaller set than {relationship.From} ({Count(from.Documents.AtRetention)}), so each {relationship.From} links a few; assumed {Count(_values.ArrayElements)} links each (the requirements state no volume for {through}), {Count(bytes)} bytes. A lookup from {relationship.To} reads a multikey index on {field.Name}.{toKey} (built when a pattern asks for it).";
            Record(relationship, subject, DocumentLink.ReferenceArray, from.Name, field.Name, text, _values.ArrayElements, bytes);
            yield break;
        }

        var scoped = from.TenantScoped || to.TenantScoped;
        var fields = new List<DocumentField> { new("_id", DocumentValueType.ObjectId, true, FieldRules.None, FieldOrigin.Key, "Key of the link.") };
        if (scoped)
        {
            fields.Add(from.Fields.First(f => f.Origin == FieldOrigin.Tenant));
        }

        fields.Add(new DocumentField(fromKey, _builder.KeyType, true, FieldRules.None, FieldOrigin.Reference, $"Key of the {relationship.From}."));
        fields.Add(linkField);
        fields.AddRange(attributes);
        if (_requirement.Conventions.Timestamps)
        {
            fields.Add(new DocumentField(_builder.FieldName(ImplicitColumns.CreatedAt), DocumentValueType.Date, true, FieldRules.None, FieldOrigin.Timestamp, "When the link was made."));
        }

        var link = new CollectionDraft(MongoNames.Collection(_requirement.Conventions.Naming, through), CollectionKind.Link, null, relationship.Description ?? $"Links between {relationship.From} and {relationship.To}.", fields, Horizons.Zero);
        Placements[ImplicitColumns.MatchKey(through)] = new Placement(PlacementKind.Collection, link, null, null, null);
        Record(relationship, subject, DocumentLink.LinkCollection, link.Name, fromKey, reason + " A unique index on both keys keeps one link per pair.", null, null);
        yield return link;
    }

    private void Reference(RelationshipSpec relationship, CollectionDraft child, string key, double? ratio, string reason)
    {
        child.AddReference(new DocumentField(key, _builder.KeyType, relationship.Required, FieldRules.None, FieldOrigin.Reference,
            $"Key of the {relationship.From}" + (relationship.Description is { Length: > 0 } d ? ": " + d : ".")));
        Record(relationship, $"{relationship.From} → {relationship.To}", DocumentLink.Reference, child.Name, key, reason, ratio, null);
    }

    private void Embed(RelationshipSpec relationship, CollectionDraft parent, CollectionDraft child, string key, double ratio, long bytes, string reason)
    {
        var inner = child.Fields.Where(f => f.Origin != FieldOrigin.Tenant && (relationship.Kind != RelationshipKind.OneToOne || f.Origin != FieldOrigin.Key)).ToList();
        var name = child.Name;
        var document = new DocumentField(name, DocumentValueType.Object, false, FieldRules.None, FieldOrigin.Embedded, child.Description) { Fields = inner };
        var field = relationship.Kind == RelationshipKind.OneToOne
            ? document
            : new DocumentField(name, DocumentValueType.Array, false, FieldRules.None, FieldOrigin.Embedded, child.Description) { Items = document, MaxItems = null };
        parent.Fields.Add(field);
        parent.Embeds.Add(relationship.To);
        Placements[ImplicitColumns.MatchKey(relationship.To)] = new Placement(PlacementKind.Embedded, parent, name, key, null);
        Record(relationship, $"{relationship.From} → {relationship.To}", DocumentLink.Embed, parent.Name, name, reason, ratio, bytes);
    }

    private void Bucket(RelationshipSpec relationship, CollectionDraft child, string key, DocumentField time, double perDay)
    {
        var perHour = perDay / 24;
        var hourly = perHour >= 10;
        var items = (int)Math.Min(MaxBucketItems, Math.Ceiling(hourly ? perHour : perDay));
        var inner = child.Fields.Where(f => f.Origin is not (FieldOrigin.Key or FieldOrigin.Tenant)).ToList();
        var itemField = new DocumentField("items", DocumentValueType.Object, true, FieldRules.None, FieldOrigin.Bucket, null) { Fields = inner };
        var itemsField = new DocumentField(_builder.FieldName("items"), DocumentValueType.Array, true, FieldRules.None, FieldOrigin.Bucket,
            $"The {relationship.To} samples of one {relationship.From} in one {(hourly ? "hour" : "day")}, in time order.") { Items = itemField, MaxItems = items };
        var start = _builder.FieldName("bucket_start");
        var fields = new List<DocumentField> { new("_id", DocumentValueType.ObjectId, true, FieldRules.None, FieldOrigin.Key, "Key of the bucket.") };
        fields.AddRange(child.Fields.Where(f => f.Origin == FieldOrigin.Tenant));
        fields.Add(new DocumentField(key, _builder.KeyType, true, FieldRules.None, FieldOrigin.Reference, $"Key of the {relationship.From}."));
        fields.Add(new DocumentField(start, DocumentValueType.Date, true, FieldRules.None, FieldOrigin.Bucket, $"Start of the bucket's {(hourly ? "hour" : "day")} (UTC)."));
        fields.Add(new DocumentField(_builder.FieldName("count"), DocumentValueType.Int32, true, new FieldRules { Minimum = 1, Maximum = items }, FieldOrigin.Bucket, "Items in the bucket."));
        fields.Add(itemsField);
        child.Fields.Clear();
        child.Fields.AddRange(fields);
        child.Kind = CollectionKind.Bucket;
        child.BucketTime = time.Name;
        child.BucketSeconds = hourly ? 3600 : 86400;
        var bucketsPerDay = checked((long)Math.Ceiling(child.Entity!.RowsPerDay!.Value / (double)items));
        child.Documents = child.Entity.Documents.Map(n => (long)Math.Ceiling(n / (double)items));
        child.InsertsPerDay = bucketsPerDay;
        var bytes = BsonSize.Document(fields, _values);
        Placements[ImplicitColumns.MatchKey(relationship.To)] = new Placement(PlacementKind.Bucketed, child, itemsField.Name, key, start);
        Record(relationship, $"{relationship.From} → {relationship.To}", DocumentLink.Bucket, child.Name, itemsField.Name,
            $"{Number(perDay)} {relationship.To} per {relationship.From} a day ({Count(child.Entity.RowsPerDay.Value)} a day over {Count(_drafts[relationship.From].Entity!.Rows!.Value)} {relationship.From}): one document per {relationship.To} would put {Count(child.Entity.RowsPerDay.Value)} inserts and index entries a day on the collection, and an embedded array in {relationship.From} would pass 16 MB. Bucketed by {relationship.From} and {(hourly ? "hour" : "day")} of {time.Name}: up to {Count(items)} items, about {Count(bytes)} bytes a bucket, {Count(bucketsPerDay)} buckets a day; readers $unwind the items.",
            child.Entity.Documents.AtRetention / (double)Math.Max(1, _drafts[relationship.From].Entity!.Documents.AtRetention), bytes);
    }

    private void Record(RelationshipSpec relationship, string subject, DocumentLink link, string holder, string field, string reason, double? ratio, long? bytes)
    {
        Relations.Add(new DocumentRelation(relationship.From, relationship.To, relationship.Kind, link, holder, field, reason) { ChildrenPerParent = ratio, EmbeddedBytes = bytes });
        var what = link switch
        {
            DocumentLink.Embed => relationship.Kind == RelationshipKind.OneToOne ? $"Embedded as {holder}.{field}" : $"Embedded array {holder}.{field}",
            DocumentLink.Bucket => $"Bucketed in {holder}",
            DocumentLink.ReferenceArray => $"Array of references {holder}.{field}",
            DocumentLink.LinkCollection => $"Link documents in {holder}",
            _ => $"Referenced by {holder}.{field}",
        };
        _decisions.Add(new DesignDecision(DesignAreas.Schema, subject, what, reason));
    }

    /// <summary>Children per parent at the horizon; null when either side states no rows.</summary>
    private static double? Ratio(MongoEntity child, MongoEntity parent) =>
        child.HasVolumes && parent.HasVolumes && parent.Documents.AtRetention > 0 ? (double)child.Documents.AtRetention / parent.Documents.AtRetention : null;

    /// <summary>A child is owned when it takes part in this relationship only and nothing reads it on its own.</summary>
    private (bool Owned, string Why) Owned(RelationshipSpec relationship, string child, IReadOnlyList<string> parentKeys)
    {
        var others = Others(relationship, child);
        if (others.Count > 0)
        {
            return (false, "it takes part in " + string.Join(", ", others.Select(r => $"{r.From} → {r.To}")));
        }

        if (_entities.Any(e => ImplicitColumns.SameKey(e.Name, child) && e.IsTenant))
        {
            return (false, "it is the tenant root");
        }

        var (independent, why) = Independent(child, parentKeys);
        return (!independent, why);
    }

    private List<RelationshipSpec> Others(RelationshipSpec relationship, string entity) =>
        _requirement.Relationships.Where(r => r != relationship && (ImplicitColumns.SameKey(r.From, entity) || ImplicitColumns.SameKey(r.To, entity))).ToList();

    /// <summary>Whether an access pattern searches the entity (by text or near a point) or filters it by equality on anything but its parent's key.</summary>
    private bool FilteredBeyond(string entity, string parentKey) =>
        _requirement.AccessPatterns.Any(p => ImplicitColumns.SameKey(p.Entity, entity) && (p.Search.Count > 0 || p.Near is not null || p.Where.Any(w => !ImplicitColumns.SameKey(w, parentKey))));

    /// <summary>Whether an access pattern reads the entity by anything other than its parent's key (a near search finds documents of its own: $geoNear returns whole documents, never array elements).</summary>
    private (bool Independent, string Why) Independent(string entity, IReadOnlyList<string> parentKeys)
    {
        var keys = parentKeys.Select(ImplicitColumns.MatchKey).ToHashSet(StringComparer.Ordinal);
        var reader = _requirement.AccessPatterns.FirstOrDefault(p => ImplicitColumns.SameKey(p.Entity, entity)
            && (p.Search.Count > 0 || p.Near is not null || p.Aggregate is not null || p.Range is not null || p.Where.Count == 0
                || p.Where.Any(w => !keys.Contains(ImplicitColumns.MatchKey(w)))));
        return reader is null ? (false, string.Empty) : (true, $"access pattern '{reader.Name}' reads {entity} on its own");
    }

    /// <summary>The time field a bucketed child is ordered by: what its patterns sort or range on, else its first required date.</summary>
    private DocumentField? BucketTime(string entity, CollectionDraft child)
    {
        var named = _requirement.AccessPatterns.Where(p => ImplicitColumns.SameKey(p.Entity, entity))
            .SelectMany(p => p.OrderBy.Select(o => o.Column).Append(p.Range ?? string.Empty).Concat(p.GroupBy.Where(g => g.Bucket is not null).Select(g => g.Column)))
            .Select(child.Field).OfType<DocumentField>().FirstOrDefault(f => f.Type == DocumentValueType.Date);
        return named ?? child.Fields.FirstOrDefault(f => f.Type == DocumentValueType.Date && f.Required && f.Origin is FieldOrigin.Attribute or FieldOrigin.Timestamp);
    }
}
