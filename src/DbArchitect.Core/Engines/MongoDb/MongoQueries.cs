using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>One access pattern as a mongosh call: <c>find</c> with filter, projection, sort and limit, or <c>aggregate</c>.</summary>
public sealed record MongoQuery(string Pattern, string Collection, string Method, string Text, string Note);

/// <summary>
/// Query templates per access pattern, in mongosh syntax, each a function of its parameters <c>p</c>: the filter
/// names the tenant first and skips soft-deleted documents (the same predicate as the partial indexes, so they are
/// used), the sort and limit follow the index's order, a search uses $text, an aggregate $match → $group by
/// $dateTrunc, a bucketed child $unwind, and a child embedded in its parent is read by the parent's key.
/// </summary>
internal sealed class MongoQueries
{
    private const string Indent = "      ";

    /// <summary>The parameter of a near search's radius, in metres (a GeoJSON point's unit).</summary>
    private const string MaxDistance = "maxDistance";

    private readonly DbRequirement _requirement;
    private readonly IReadOnlyDictionary<string, Placement> _placements;
    private readonly DocumentModel _model;

    public MongoQueries(DbRequirement requirement, IReadOnlyDictionary<string, Placement> placements, DocumentModel model)
    {
        _requirement = requirement;
        _placements = placements;
        _model = model;
    }

    public IReadOnlyList<MongoQuery> Write()
    {
        var queries = new List<MongoQuery>();
        foreach (var pattern in _requirement.AccessPatterns)
        {
            if (_placements.TryGetValue(ImplicitColumns.MatchKey(pattern.Entity), out var placement) && _model.FindCollection(placement.Collection.Name) is { } collection)
            {
                queries.Add(Query(pattern, placement, collection));
            }
        }

        foreach (var bucket in _model.Collections.Where(c => c.Kind == CollectionKind.Bucket))
        {
            queries.Add(BucketInsert(bucket));
        }

        return queries;
    }

    private MongoQuery Query(AccessPatternSpec pattern, Placement placement, DocumentCollection collection)
    {
        var target = "database.getCollection(" + MongoJs.String(collection.Name) + ")";
        var filter = new List<(string Key, string Value)>();
        if (collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.Tenant) is { } tenant)
        {
            filter.Add((tenant.Name, MongoJs.Param(tenant.Name)));
        }

        if (collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.SoftDelete) is { } deleted)
        {
            filter.Add((deleted.Name, "{ \"$type\": \"null\" }"));
        }

        if (placement.Kind == PlacementKind.Embedded)
        {
            filter.Insert(0, ("_id", MongoJs.Param(placement.ParentKey!)));
            return Find(pattern, collection, target, filter, new[] { (placement.ArrayField!, "1") }, null, null, null,
                $"{pattern.Entity} is embedded in {collection.Name}.{placement.ArrayField}: one read by the parent's key.");
        }

        var bucketed = placement.Kind == PlacementKind.Bucketed;
        // Only an entity's own collection holds its points; a holder's points are not the linked entity's.
        var entity = placement.Kind == PlacementKind.Collection ? placement.Collection.Entity : null;
        string FieldOf(string name)
        {
            if (entity?.PointHolding(name) is { } point)
            {
                return point.PathOf(name);
            }

            if (bucketed && collection.Fields.First(f => f.Name == placement.ArrayField).Items!.Fields.FirstOrDefault(f => ImplicitColumns.SameKey(f.Name, name)) is { } item)
            {
                return placement.ArrayField + "." + item.Name;
            }

            if (placement.Kind == PlacementKind.ReferenceArray)
            {
                if (ImplicitColumns.SameKey(name, placement.ParentKey!))
                {
                    return "_id";
                }

                var inner = collection.FindField(placement.ArrayField!)!.Items!.Fields.FirstOrDefault(f => ImplicitColumns.SameKey(f.Name, name));
                return placement.ArrayField + "." + (inner?.Name ?? name);
            }

            return collection.Fields.FirstOrDefault(f => ImplicitColumns.SameKey(f.Name, name))?.Name ?? name;
        }

        if (pattern.Search.Count > 0)
        {
            filter.Add(("$text", "{ \"$search\": " + MongoJs.Param("terms") + " }"));
            var note = pattern.Fuzzy ? "Whole-word text search; on Atlas, the $search stage over the search index adds fuzzy matching." : "Text search ranked by relevance.";
            var text = $"{target}.find(\n{Indent}{MongoJs.Object(filter)},\n{Indent}{{ \"score\": {{ \"$meta\": \"textScore\" }} }}\n    ).sort({{ \"score\": {{ \"$meta\": \"textScore\" }} }}).limit({Integer(pattern.Limit ?? 20)})";
            return new MongoQuery(pattern.Name, collection.Name, "find", text, note);
        }

        var range = pattern.Range ?? (pattern.Aggregate is not null ? pattern.GroupBy.FirstOrDefault(g => g.Bucket is not null)?.Column : null);
        var match = new List<(string Key, string Value)>(filter);
        var bucketMatch = new List<(string Key, string Value)>(filter);
        foreach (var name in pattern.Where.Where(w => range is null || !ImplicitColumns.SameKey(w, range)))
        {
            var path = FieldOf(name);
            match.Add((path, MongoJs.Param(name)));
            if (!path.StartsWith(placement.ArrayField + ".", StringComparison.Ordinal) || !bucketed)
            {
                bucketMatch.Add((path, MongoJs.Param(name)));
            }
        }

        var rangeMatch = range is null ? null : "{ \"$gte\": " + MongoJs.Param("from") + ", \"$lt\": " + MongoJs.Param("to") + " }";
        if (rangeMatch is not null)
        {
            match.Add((FieldOf(range!), rangeMatch));
            // A bucket that starts up to one span before "from" still holds items inside the range.
            var bucketRange = collection.BucketSeconds is { } span
                ? "{ \"$gt\": new Date(" + MongoJs.Param("from") + " - " + (span * 1000).ToString(CultureInfo.InvariantCulture) + "), \"$lt\": " + MongoJs.Param("to") + " }"
                : rangeMatch;
            bucketMatch.Add((placement.LinkedKey ?? FieldOf(range!), bucketRange));
        }

        var caseInsensitive = collection.Indexes.Any(i => i.CaseInsensitive && pattern.Where.Any(w => i.Keys.Any(k => ImplicitColumns.SameKey(k.Field, FieldOf(w)))));
        var sort = pattern.OrderBy.Select(o => (FieldOf(o.Column), o.Descending ? "-1" : "1")).ToList();
        // A coordinate is projected with its point: a position in a projection path does not pick an array element.
        var projection = pattern.Select.Select(s => entity?.PointHolding(s)?.Field ?? FieldOf(s)).Distinct(StringComparer.Ordinal).Select(f => (f, "1")).ToList();
        if (pattern.Near is { } near && placement.Kind == PlacementKind.Collection && entity?.PointFor(near) is { } searched)
        {
            return Near(pattern, collection, target, match, searched, sort, projection);
        }

        if (pattern.Aggregate is not null || bucketed)
        {
            var itemOnly = bucketed ? match.Where(m => m.Key.StartsWith(placement.ArrayField + ".", StringComparison.Ordinal)).ToList() : new List<(string Key, string Value)>();
            return Aggregate(pattern, placement, collection, target, bucketed ? bucketMatch : match, itemOnly, sort, projection, FieldOf);
        }

        return Find(pattern, collection, target, match, projection, sort, pattern.Limit, caseInsensitive,
            placement.Kind == PlacementKind.ReferenceArray ? $"{pattern.Entity} is an array of references in {collection.Name}.{placement.ArrayField}." : "Served by the index built for it (equality, sort, range).");
    }

    private static MongoQuery Find(AccessPatternSpec pattern, DocumentCollection collection, string target, List<(string Key, string Value)> filter,
        IReadOnlyList<(string Key, string Value)> projection, IReadOnlyList<(string Key, string Value)>? sort, int? limit, bool? caseInsensitive, string note)
    {
        var text = $"{target}.find(\n{Indent}{MongoJs.Object(filter)}" + (projection.Count > 0 ? $",\n{Indent}{MongoJs.Object(projection)}" : string.Empty) + "\n    )";
        if (caseInsensitive == true)
        {
            text += ".collation({ \"locale\": \"en\", \"strength\": 2 })";
            note += " The collation matches the case-insensitive unique index.";
        }

        if (sort is { Count: > 0 })
        {
            text += ".sort(" + MongoJs.Object(sort) + ")";
        }

        if (limit is { } n)
        {
            text += ".limit(" + Integer(n) + ")";
        }

        return new MongoQuery(pattern.Name, collection.Name, "find", text, note);
    }

    /// <summary>
    /// A near pattern as <c>$geoNear</c>, which must be the pipeline's first stage: the point (longitude first), the
    /// 2dsphere index by <c>key</c>, the equality and range filters as its <c>query</c>, a radius in metres, then $limit.
    /// </summary>
    private MongoQuery Near(AccessPatternSpec pattern, DocumentCollection collection, string target, List<(string Key, string Value)> match, MongoGeoPoint point,
        List<(string Key, string Value)> sort, List<(string Key, string Value)> projection)
    {
        var names = new NameScope(int.MaxValue, caseSensitive: false);
        foreach (var field in collection.Fields)
        {
            names.Claim(field.Name);
        }

        var distance = names.Claim(MongoNames.Field(_requirement.Conventions.Naming, "distance"));
        var near = "{ \"type\": \"Point\", \"coordinates\": [" + MongoJs.Param(point.Longitude) + ", " + MongoJs.Param(point.Latitude) + "] }";
        var geoNear = new List<(string Key, string Value)>
        {
            ("near", near),
            ("key", MongoJs.String(point.Field)),
            ("query", MongoJs.Object(match)),
            ("maxDistance", MongoJs.Param(MaxDistance)),
            ("spherical", "true"),
            ("distanceField", MongoJs.String(distance)),
        };
        var limit = pattern.Limit ?? QueryPlan.DefaultSearchLimit;
        var stages = new List<string> { "{ \"$geoNear\": " + MongoJs.Object(geoNear) + " }", "{ \"$limit\": " + Integer(limit) + " }" };
        if (sort.Count > 0)
        {
            stages.Add("{ \"$sort\": " + MongoJs.Object(sort) + " }");
        }

        if (projection.Count > 0)
        {
            stages.Add("{ \"$project\": " + MongoJs.Object(projection.Append((distance, "1"))) + " }");
        }

        var note = $"Nearest first around [{point.Longitude}, {point.Latitude}] from the parameters (longitude first, as GeoJSON), within p.{MaxDistance} metres, through the 2dsphere index on {point.Field}; {distance} is each document's distance in metres. "
            + "$geoNear rather than $nearSphere in find: it returns each distance, which find cannot, and key names the index."
            + (sort.Count > 0 ? " The stated order re-sorts the nearest after $limit." : string.Empty);
        return new MongoQuery(pattern.Name, collection.Name, "aggregate", $"{target}.aggregate([\n{Indent}" + string.Join(",\n" + Indent, stages) + "\n    ])", note);
    }

    private static MongoQuery Aggregate(AccessPatternSpec pattern, Placement placement, DocumentCollection collection, string target,
        List<(string Key, string Value)> firstMatch, List<(string Key, string Value)> itemMatch, List<(string, string)> sort, List<(string, string)> projection, Func<string, string> fieldOf)
    {
        var stages = new List<string> { "{ \"$match\": " + MongoJs.Object(firstMatch) + " }" };
        var note = "Aggregation served by the index's leading keys.";
        if (placement.Kind == PlacementKind.Bucketed)
        {
            var start = placement.LinkedKey!;
            var item = collection.FindField(placement.ArrayField!)!;
            if (pattern.Limit is { } limit && pattern.Aggregate is null)
            {
                // Newest buckets first: enough of them to hold the limit, plus one partly filled.
                var buckets = (int)Math.Ceiling(limit / (double)(item.MaxItems ?? 1)) + 1;
                stages.Add("{ \"$sort\": " + MongoJs.Object(new[] { (start, pattern.OrderBy.FirstOrDefault()?.Descending == false ? "1" : "-1") }) + " }");
                stages.Add("{ \"$limit\": " + Integer(buckets) + " }");
            }

            stages.Add("{ \"$unwind\": " + MongoJs.String("$" + placement.ArrayField) + " }");
            if (itemMatch.Count > 0)
            {
                stages.Add("{ \"$match\": " + MongoJs.Object(itemMatch) + " }");
            }

            note = $"{pattern.Entity} lives in buckets: find the buckets by parent and start, then $unwind the items.";
        }

        if (pattern.Aggregate is { } aggregate)
        {
            var keys = pattern.GroupBy.Select(g => (Name: g.Column, Expression: g.Bucket is { } unit
                ? "{ \"$dateTrunc\": { \"date\": " + MongoJs.String("$" + fieldOf(g.Column)) + ", \"unit\": " + MongoJs.String(unit.ToString().ToLowerInvariant()) + " } }"
                : MongoJs.String("$" + fieldOf(g.Column)))).ToList();
            var id = keys.Count switch
            {
                0 => "null",
                1 => keys[0].Expression,
                _ => MongoJs.Object(keys.Select(k => (k.Name, k.Expression))),
            };
            var value = aggregate.Function == AggregateFunction.Count
                ? "{ \"$sum\": 1 }"
                : "{ " + MongoJs.String("$" + aggregate.Function.ToString().ToLowerInvariant()) + ": " + MongoJs.String("$" + fieldOf(aggregate.Column!)) + " }";
            stages.Add("{ \"$group\": { \"_id\": " + id + ", \"value\": " + value + " } }");
            stages.Add("{ \"$sort\": { \"_id\": 1 } }");
        }
        else
        {
            if (sort.Count > 0)
            {
                stages.Add("{ \"$sort\": " + MongoJs.Object(sort) + " }");
            }

            if (pattern.Limit is { } n)
            {
                stages.Add("{ \"$limit\": " + Integer(n) + " }");
            }

            if (projection.Count > 0)
            {
                stages.Add("{ \"$project\": " + MongoJs.Object(projection) + " }");
            }
        }

        var text = $"{target}.aggregate([\n{Indent}" + string.Join(",\n" + Indent, stages) + "\n    ])";
        return new MongoQuery(pattern.Name, collection.Name, "aggregate", text, note);
    }

    private static MongoQuery BucketInsert(DocumentCollection bucket)
    {
        var parent = bucket.Fields.First(f => f.Origin == FieldOrigin.Reference);
        var start = bucket.Fields.First(f => f.Origin == FieldOrigin.Bucket && f.Type == DocumentValueType.Date);
        var count = bucket.Fields.First(f => f.Origin == FieldOrigin.Bucket && f.Type == DocumentValueType.Int32);
        var items = bucket.Fields.First(f => f.Type == DocumentValueType.Array && f.Origin == FieldOrigin.Bucket);
        var filter = bucket.Fields.Where(f => f.Origin == FieldOrigin.Tenant).Select(f => (f.Name, MongoJs.Param(f.Name))).ToList();
        filter.Add((parent.Name, MongoJs.Param(parent.Name)));
        filter.Add((start.Name, MongoJs.Param(start.Name)));
        filter.Add((count.Name, "{ \"$lt\": " + Integer(items.MaxItems ?? 1) + " }"));
        var text = $"database.getCollection({MongoJs.String(bucket.Name)}).updateOne(\n{Indent}{MongoJs.Object(filter)},\n{Indent}"
            + "{ \"$push\": " + MongoJs.Object(new[] { (items.Name, MongoJs.Param("item")) }) + ", \"$inc\": " + MongoJs.Object(new[] { (count.Name, "1") }) + " },\n"
            + Indent + "{ \"upsert\": true }\n    )";
        return new MongoQuery("insert into " + bucket.Name, bucket.Name, "updateOne", text,
            $"Appends one item to the current bucket of its parent; a full bucket ({Integer(items.MaxItems ?? 1)} items) makes the upsert start a new one.");
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
