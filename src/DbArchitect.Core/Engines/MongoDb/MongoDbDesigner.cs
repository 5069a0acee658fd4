using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.InvariantText;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// MongoDB 7.0 designs from the logical requirement: entities to collections, each relationship embedded, referenced
/// or bucketed, validators, indexes by the equality–sort–range rule, shard keys, sizes, concerns, backup, monitoring,
/// roles, the mongosh scripts and the query templates.
/// </summary>
public sealed class MongoDbDesigner : IFamilyDesigner
{
    public string Id => "mongodb";

    public string DisplayName => "MongoDB 7.0";

    public EngineFamily Family => EngineFamily.Document;

    public FamilyDesign Design(DbRequirement requirement, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(warnings);
        var values = TypicalValues.Default;
        var builder = new MongoEntityBuilder(requirement, decisions);
        var entities = builder.Build();
        var relations = new MongoRelations(requirement, builder, entities, decisions, values);
        var drafts = relations.Place();
        new MongoIndexes(requirement, relations.Placements, relations.Relations, decisions, values).Plan(drafts);

        var policy = new ValidationPolicy(false, true, true,
            "Validators reject unknown fields (additionalProperties: false) with validationLevel strict and validationAction error, so a typo in a field name fails the write instead of storing a field no index or query knows; JSON attributes stay free-form inside. A change of shape is rolled out by collMod (moderate, then strict).");
        decisions.Add(new DesignDecision(DesignAreas.Schema, "Validation", "strict, error, additionalProperties false", policy.Reason));
        var sized = drafts.Select(d => (Draft: d, Size: MongoSizing.Measure(d, values))).ToList();
        var sharding = new MongoSharding(requirement, entities, relations.Relations, decisions);
        var shardKeys = sharding.Plan(sized);
        var collections = sized.Select(s => new DocumentCollection(s.Draft.Name, s.Draft.Kind, s.Draft.Entity?.Name, s.Draft.Description, s.Draft.Fields.ToArray(), policy)
        {
            Indexes = s.Draft.Indexes.ToArray(),
            Shard = shardKeys.GetValueOrDefault(s.Draft.Name),
            Size = s.Size,
            Embeds = s.Draft.Embeds.ToArray(),
            BucketSeconds = s.Draft.BucketSeconds,
        }).ToArray();
        foreach (var collection in collections.Where(c => c.Size!.MaxBytes > BsonSize.MaxDocumentBytes / 2))
        {
            warnings.Add(new DesignWarning(WarningSeverity.Warning, collection.Name, $"A {collection.Name} document may reach {Capacity.Bytes(collection.Size!.MaxBytes)}, over half the 16 MB limit."));
        }

        var database = MongoNames.Database(requirement);
        var operations = new MongoOperations(requirement, decisions);
        var model = new DocumentModel(database, collections, relations.Relations.ToArray(), Array.Empty<DocumentRole>());
        model = model with { Roles = operations.Roles(model, database) };
        var concerns = operations.Concerns(model);
        var backup = operations.Backup(model);
        var monitoring = operations.Monitoring(model, backup);
        var queries = new MongoQueries(requirement, relations.Placements, model).Write();
        decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, "Query templates", $"{Count(queries.Count)} templates in mongosh (queries.js)",
            "One per access pattern (and one per bucket's append): each filter leads with the fields its index leads with, in the same order, so the plan is an index scan without an in-memory sort; soft-deleted documents are skipped with the partial indexes' own predicate, so those indexes are eligible."));
        if (model.Collections.Any(c => c.Indexes.Any(i => i.Keys.Any(k => k.Kind == IndexKeyKind.Spherical))))
        {
            decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, "Near searches", "aggregate: $geoNear first, then $limit",
                "$geoNear (spherical, near a GeoJSON point, maxDistance in metres) returns documents nearest first with each one's distance in its distanceField, which find with $nearSphere cannot return; key names the 2dsphere index, so a second geospatial index later cannot make the stage fail, and its query carries the tenant, equality and range filters the compound index leads with. It must be the pipeline's first stage and has no limit of its own since MongoDB 4.2, so $limit follows it; it runs on sharded collections too."));
        }

        decisions.Add(new DesignDecision(DesignAreas.DataMigration, "Schema changes", "collMod of the validator: moderate, backfill, strict",
            "A new database needs no migration: create.js builds it. A later change of shape relaxes the validator (validationLevel moderate), ships the application that writes the new shape, rewrites old documents in batches, then restores strict validation; indexes build online."));
        RecordCapacity(model, sharding.Shards, requirement, decisions);
        var searches = Searches(requirement, relations.Placements);
        return new MongoDbDesign(model, concerns, backup, monitoring, queries, searches, requirement, sharding.Shards, values);
    }

    /// <summary>Collections whose patterns search fuzzily get an Atlas Search definition over the searched fields.</summary>
    private static Dictionary<string, (IReadOnlyList<string> Fields, string Name)> Searches(DbRequirement requirement, IReadOnlyDictionary<string, Placement> placements)
    {
        var searches = new Dictionary<string, (IReadOnlyList<string> Fields, string Name)>(StringComparer.Ordinal);
        foreach (var pattern in requirement.AccessPatterns.Where(p => p.Fuzzy && p.Search.Count > 0))
        {
            if (!placements.TryGetValue(ImplicitColumns.MatchKey(pattern.Entity), out var placement) || placement.Kind != PlacementKind.Collection)
            {
                continue;
            }

            var collection = placement.Collection;
            var fields = pattern.Search.Select(s => collection.Field(s)?.Name ?? s);
            var previous = searches.GetValueOrDefault(collection.Name).Fields ?? Array.Empty<string>();
            searches[collection.Name] = (previous.Concat(fields).Distinct(StringComparer.Ordinal).ToArray(), collection.Name + "_search");
        }

        return searches;
    }

    private static void RecordCapacity(DocumentModel model, int shards, DbRequirement requirement, List<DesignDecision> decisions)
    {
        var data = model.Collections.Aggregate(0L, (sum, c) => checked(sum + c.Size!.DataBytesAtHorizon));
        var index = model.Collections.Aggregate(0L, (sum, c) => checked(sum + c.Size!.IndexBytesAtHorizon));
        var horizon = requirement.Workload.Retention is { } r ? "at the " + r + " retention" : "after three years";
        var cache = requirement.Hardware.MemoryGb is { } gb ? (long)(Math.Max(0.25, (gb - 1) / 2) * 1024 * 1024 * 1024) : (long?)null;
        decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Capacity", $"{Capacity.Bytes(data + index)} {horizon}",
            $"{Capacity.Bytes(data)} of documents and {Capacity.Bytes(index)} of indexes (uncompressed BSON, estimated) over {Count(model.Collections.Count)} collections"
            + (cache is { } c ? $"; the WiredTiger cache of {Capacity.Bytes(c)} (half of RAM less 1 GB) holds {(index <= c ? "every index" : Number(c * 100.0 / index) + " % of the indexes")}" : string.Empty)
            + (shards > 1 ? $"; spread over {shards} shards, {Capacity.Bytes((data + index) / shards)} each." : ".")));
    }
}
