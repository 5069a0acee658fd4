using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>What the MongoDB designer decides, with its figures, on the examples and on small specs that isolate one rule.</summary>
public sealed class MongoDbDesignTests
{
    public static TheoryData<string> Specs() => MongoDbDesigns.All();

    [Fact]
    public void MongoDB_is_registered_as_a_designable_document_engine()
    {
        var entry = EngineRegistry.Entry("mongodb");
        Assert.True(entry.CanDesign);
        Assert.Equal(EngineFamily.Document, entry.Family);
        Assert.Contains("mongodb", EngineRegistry.DesignableIds);
    }

    [Fact]
    public void A_one_to_one_child_nothing_else_reads_is_embedded_and_a_shared_child_is_referenced()
    {
        var model = MongoDbDesigns.Model(MongoDbDesigns.Example("ecommerce"));
        var payment = model.Relations.Single(r => r.To == "payment");
        Assert.Equal((DocumentLink.Embed, "order", "payment"), (payment.Link, payment.Holder, payment.Field));
        Assert.Null(model.FindCollection("payment"));
        Assert.Equal(DocumentValueType.Object, model.FindCollection("order")!.FindField("payment")!.Type);
        var orders = model.Relations.Single(r => r.From == "customer" && r.To == "order");
        Assert.Equal(DocumentLink.Reference, orders.Link);
        Assert.Contains("takes part in", orders.Reason, StringComparison.Ordinal);
        Assert.NotNull(model.FindCollection("order")!.FindField("customer_id"));
    }

    [Fact]
    public void A_many_to_many_toward_a_smaller_set_is_an_array_of_references_and_toward_a_growing_set_link_documents()
    {
        var shop = MongoDbDesigns.Model(MongoDbDesigns.Example("ecommerce"));
        var items = shop.Relations.Single(r => r.Kind == RelationshipKind.ManyToMany);
        Assert.Equal(DocumentLink.ReferenceArray, items.Link);
        var array = shop.FindCollection("order")!.FindField("order_item")!;
        Assert.Equal(new[] { "product_id", "quantity", "unit_price" }, array.Items!.Fields.Select(f => f.Name));
        Assert.Contains("171,312", items.Reason, StringComparison.Ordinal);

        var social = MongoDbDesigns.Model(MongoDbDesigns.Example("social-content"));
        Assert.Equal(DocumentLink.LinkCollection, social.Relations.Single(r => r.To == "post" && r.Kind == RelationshipKind.ManyToMany).Link);
        var follow = social.Relations.Single(r => r.From == "member" && r.To == "member");
        Assert.Equal(DocumentLink.LinkCollection, follow.Link);
        Assert.Contains("graph", follow.Reason, StringComparison.Ordinal);
        var links = social.FindCollection("follow")!;
        Assert.Contains(links.Indexes, i => i.Unique && i.Keys.Select(k => k.Field).SequenceEqual(new[] { "member_id", "followed_id" }));
        Assert.Contains(links.Indexes, i => i.Serves.Contains("who follows me") && i.Keys[0].Field == "followed_id");
    }

    [Fact]
    public void A_high_rate_time_ordered_child_is_bucketed_with_its_figures()
    {
        var design = MongoDbDesigns.Example("iot-telemetry");
        var model = MongoDbDesigns.Model(design);
        var reading = model.FindCollection("reading")!;
        Assert.Equal(CollectionKind.Bucket, reading.Kind);
        // 1,728,000,000 readings a day over 200,000 vehicles = 8,640 a vehicle a day = 360 an hour: hourly buckets of 360.
        Assert.Equal(360, reading.FindField("items")!.MaxItems);
        var bucket = model.Relations.Single(r => r.To == "reading");
        Assert.Equal(DocumentLink.Bucket, bucket.Link);
        Assert.Contains("8,640 reading per vehicle a day", bucket.Reason, StringComparison.Ordinal);
        Assert.True(reading.Size!.AverageBytes < BsonSizeLimit / 100);
        Assert.Contains(reading.Indexes, i => i.Keys.Select(k => k.ToString()).SequenceEqual(new[] { "vehicleId", "bucketStart desc" }));
        Assert.Contains(reading.Indexes, i => i.ExpireAfterSeconds == 90 * 86400 && i.Keys.Single().Field == "bucketStart" && i.Serves.Contains("hourly fleet speed"));
        var track = MongoDbDesigns.Full(design).Queries.Single(q => q.Pattern == "latest track of a vehicle");
        Assert.Equal("aggregate", track.Method);
        Assert.Contains("\"$unwind\": \"$items\"", track.Text, StringComparison.Ordinal);
        Assert.Contains("{ \"$limit\": 3 }", track.Text, StringComparison.Ordinal);
    }

    private const long BsonSizeLimit = 16L * 1024 * 1024;

    [Fact]
    public void The_telemetry_collection_is_sharded_with_the_arithmetic_and_the_rest_is_not()
    {
        var design = MongoDbDesigns.Example("iot-telemetry");
        var model = MongoDbDesigns.Model(design);
        Assert.Equal(new[] { "vehicleId", "bucketStart" }, model.FindCollection("reading")!.Shard!.Keys.Select(k => k.Field));
        Assert.Null(model.FindCollection("vehicle")!.Shard);
        var sharding = design.Decisions.Single(d => d.Area == DesignAreas.Partitioning && d.Subject == "Sharding");
        Assert.Equal("8 shards", sharding.Decision);
        Assert.Contains("/ 2 TB per replica set", sharding.Reason, StringComparison.Ordinal);
        var shop = MongoDbDesigns.Example("ecommerce").Decisions.Single(d => d.Area == DesignAreas.Partitioning && d.Subject == "Sharding");
        Assert.Equal("No sharding needed", shop.Decision);
        Assert.Contains("240 writes/s", shop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexes_follow_equality_sort_range_with_the_tenant_first_and_uniques_are_per_tenant()
    {
        var model = MongoDbDesigns.Model(MongoDbDesigns.Example("saas-projects"));
        var task = model.FindCollection("Task")!;
        var board = task.Indexes.Single(i => i.Serves.Contains("board"));
        Assert.Equal(new[] { "TenantId", "ProjectId", "State", "Priority", "CreatedAt desc" }, board.Keys.Select(k => k.ToString()));
        Assert.Equal(new PartialCondition("DeletedAt", PartialTest.IsNull), board.Partial.Single());
        var text = task.Indexes.Single(i => i.Serves.Contains("task search"));
        Assert.Equal(new[] { "TenantId", "Title text", "Body text" }, text.Keys.Select(k => k.ToString()));
        Assert.Equal("english", text.Language);
        Assert.Contains(task.Indexes, i => i.Keys.Any(k => k.Field == "CustomFields.$**"));
        var email = model.FindCollection("User")!.Indexes.Single(i => i.Unique);
        Assert.Equal(new[] { "TenantId", "Email" }, email.Keys.Select(k => k.Field));
        Assert.True(email.CaseInsensitive);
        Assert.Contains("sign in", email.Serves);
        Assert.Equal("Task", model.Relations.Single(r => r.Kind == RelationshipKind.ManyToMany).Holder);

        var open = MongoDbDesigns.Model(MongoDbDesigns.Example("ecommerce")).FindCollection("order")!.Indexes.Single(i => i.Serves.Contains("open orders"));
        Assert.Equal(new[] { "status", "created_at" }, open.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void No_two_indexes_of_a_collection_share_their_keys()
    {
        foreach (var spec in MongoDbDesigns.Specs)
        {
            foreach (var collection in MongoDbDesigns.Model(MongoDbDesigns.Design(spec)).Collections)
            {
                var keys = collection.Indexes.Select(i => string.Join(",", i.Keys)).ToList();
                Assert.True(keys.Count == keys.Distinct(StringComparer.Ordinal).Count(), $"{spec} {collection.Name}: {string.Join(" | ", keys)}");
                Assert.True(collection.Indexes.Count == collection.Indexes.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_access_pattern_has_a_query_template_that_filters_by_tenant_first(string spec)
    {
        var design = MongoDbDesigns.Design(spec);
        var full = MongoDbDesigns.Full(design);
        foreach (var pattern in design.Requirement.AccessPatterns)
        {
            var query = full.Queries.Single(q => q.Pattern == pattern.Name);
            var collection = full.Document.FindCollection(query.Collection)!;
            if (collection.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.Tenant) is { } tenant && !query.Text.Contains("\"_id\"", StringComparison.Ordinal))
            {
                Assert.Matches("(find\\(|\\$match\": |\"query\": )\\s*\\{ \"" + tenant.Name + "\"", query.Text);
            }
        }
    }

    [Fact]
    public void A_child_growing_without_retention_is_never_embedded_and_a_bounded_one_is()
    {
        Conventions plain = new(NamingStyle.SnakeCase, PrimaryKeyKind.Int, false, false, false);
        var growing = Spec.Requirement(
            new[] { Spec.Entity("parent", 1000, 0, Spec.Attr("n", LogicalType.Int)), Spec.Entity("child", 5000, 10, Spec.Attr("n", LogicalType.Int)) },
            new[] { Spec.OneToMany("parent", "child") }, conventions: plain);
        var unbounded = MongoDbDesigns.Model(DesignEngine.Create(growing, "mongodb")).Relations.Single();
        Assert.Equal(DocumentLink.Reference, unbounded.Link);
        Assert.Contains("without bound", unbounded.Reason, StringComparison.Ordinal);

        var bounded = growing with { Workload = WorkloadProfile.Unspecified with { Retention = new Retention(1, RetentionUnit.Year) } };
        var few = MongoDbDesigns.Model(DesignEngine.Create(bounded, "mongodb"));
        // (5,000 + 10 × 365.25 days) / 1,000 parents = 8.65 children each: one-to-few.
        Assert.Equal(DocumentLink.Embed, few.Relations.Single().Link);
        Assert.Equal(8.65, few.Relations.Single().ChildrenPerParent!.Value, 2);
        Assert.Equal(DocumentValueType.Array, few.FindCollection("parent")!.FindField("child")!.Type);
        Assert.Null(few.FindCollection("child"));

        var many = growing with { Entities = new[] { growing.Entities[0], Spec.Entity("child", 50_000, 0, Spec.Attr("n", LogicalType.Int)) } };
        var referenced = MongoDbDesigns.Model(DesignEngine.Create(many, "mongodb")).Relations.Single();
        Assert.Equal(DocumentLink.Reference, referenced.Link);
        Assert.Contains("50 child per parent", referenced.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_size_follows_the_BSON_specification()
    {
        Conventions plain = new(NamingStyle.SnakeCase, PrimaryKeyKind.Int, false, false, false);
        var requirement = Spec.Requirement(new[] { Spec.Entity("thing", 10, 0, Spec.Attr("n", LogicalType.Int, required: true), Spec.Attr("code", LogicalType.Char(3), required: true)) }, conventions: plain);
        var thing = MongoDbDesigns.Model(DesignEngine.Create(requirement, "mongodb")).FindCollection("thing")!;
        // 4 length + 1 terminator; _id int32: type 1 + "_id\0" 4 + 4; n int32: 1 + 2 + 4; code string: 1 + 5 + (4 + 3 + 1).
        Assert.Equal(5 + 9 + 7 + 14, thing.Size!.AverageBytes);
        Assert.Equal(10 * 35, thing.Size.DataBytesAtHorizon);
    }

    [Fact]
    public void A_large_multi_tenant_collection_is_sharded_on_the_tenant_key_with_zones_and_a_busy_single_tenant_one_on_its_busiest_field_or_hashed()
    {
        var workload = WorkloadProfile.Unspecified with { Tps = 50_000, ReadWriteRatio = new ReadWriteRatio(50, 50) };
        var entities = new[]
        {
            Spec.Entity("account", 5_000_000, 100, Spec.Attr("name", LogicalType.String(100), required: true)),
            Spec.Entity("event", 1_000_000_000, 100_000_000, Spec.Attr("payload", LogicalType.String(400), required: true)),
        };
        var patterns = new[] { Spec.Pattern("events of an account", "event", where: new[] { "account_id" }, perSecond: 500) };
        var single = Spec.Requirement(entities, new[] { Spec.OneToMany("account", "event") }, patterns, workload: workload);
        var key = MongoDbDesigns.Model(DesignEngine.Create(single, "mongodb")).FindCollection("event")!.Shard!;
        Assert.Equal(new[] { "account_id", "_id" }, key.Keys.Select(k => k.Field));
        Assert.False(key.Hashed);
        // 5,000,000 accounts + 100 a day for three years (no retention) = 5,109,575 distinct values.
        Assert.Contains("5,109,575 distinct values", key.Reason, StringComparison.Ordinal);

        var multi = single with { Application = single.Application with { Tenancy = Tenancy.Multi } };
        var tenantKey = MongoDbDesigns.Model(DesignEngine.Create(multi, "mongodb")).FindCollection("event")!.Shard!;
        Assert.Equal(new[] { "tenant_id", "account_id" }, tenantKey.Keys.Select(k => k.Field));
        Assert.NotEmpty(tenantKey.Zones);

        var unread = single with { AccessPatterns = Array.Empty<AccessPatternSpec>() };
        var hashed = MongoDbDesigns.Model(DesignEngine.Create(unread, "mongodb")).FindCollection("event")!.Shard!;
        Assert.True(hashed.Hashed);
        Assert.Equal("_id", hashed.Keys.Single().Field);
    }

    [Fact]
    public void Backup_and_oplog_follow_size_RPO_and_RTO()
    {
        var shop = MongoDbDesigns.Full(MongoDbDesigns.Example("ecommerce")).Backup;
        Assert.StartsWith("mongodump", shop.Method, StringComparison.Ordinal);
        Assert.Equal(72, shop.OplogWindowHours);
        var fleet = MongoDbDesigns.Full(MongoDbDesigns.Example("iot-telemetry")).Backup;
        Assert.StartsWith("Storage snapshots", fleet.Method, StringComparison.Ordinal);
        Assert.Contains("RTO of 240", fleet.Reason, StringComparison.Ordinal);
        Assert.True(fleet.OplogSizeMb > shop.OplogSizeMb);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Designs_are_deterministic_and_culture_invariant(string spec)
    {
        var first = MongoDbDesigns.Files(MongoDbDesigns.Design(spec)).Select(f => f.RelativePath + "\n" + f.Content).ToList();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            var second = MongoDbDesigns.Files(MongoDbDesigns.Design(spec)).Select(f => f.RelativePath + "\n" + f.Content).ToList();
            Assert.Equal(first, second);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_design_md_section_has_a_MongoDB_body_and_decisions_carry_figures(string spec)
    {
        var design = MongoDbDesigns.Design(spec);
        var md = MongoDbDesigns.Files(design).Single(f => f.RelativePath == "design.md").Content;
        Assert.DoesNotContain("numbered scripts", md, StringComparison.Ordinal);
        Assert.DoesNotContain("No query-specific optimization", md, StringComparison.Ordinal);
        foreach (var area in DesignAreas.All.Where(a => a is not DesignAreas.Technology and not DesignAreas.SupportingTechnology))
        {
            Assert.Contains(design.Decisions, d => d.Area == area);
        }

        Assert.Contains("mongodb/create.js", MongoDbDesigns.Files(design).Select(f => f.RelativePath));
    }
}
