using System.Text.Json;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.Redis;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Redis;

/// <summary>New-DbDesign -Engine redis on every example and hostile spec, its files, and the rules of the key schema.</summary>
public sealed class RedisDesignTests
{
    public static TheoryData<string> Specs() => TestPaths.ExampleAndHostileSpecData();

    internal static DbDesign Design(string spec, string engine = "redis") =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), engine);

    internal static KeyValueModel Model(DbDesign design) => ((RedisDesign)design.FamilyModel!).KeyValue;

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_spec_designs_with_every_section_and_the_same_output_twice(string spec)
    {
        var first = DesignExporter.Plan(Design(spec));
        var second = DesignExporter.Plan(Design(spec));
        Assert.Equal(first.Select(f => f.Content), second.Select(f => f.Content));
        Assert.Equal(new[] { "redis/commands.redis", "redis/redis.conf", "redis/index-maintenance.lua", DesignExporter.DiagramFile, DesignExporter.DocumentFile, DesignExporter.JsonFile }, first.Select(f => f.RelativePath));
        var md = first.Single(f => f.RelativePath == DesignExporter.DocumentFile).Content;
        foreach (var heading in new[] { "### Schema Design", "### Indexing Strategy", "### Partitioning Strategy", "### Performance Tuning", "### Backup & Recovery", "### Security Best Practices" })
        {
            Assert.Contains(heading, md, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(first.Single(f => f.RelativePath == DesignExporter.JsonFile).Content);
        Assert.Equal("key-value", json.RootElement.GetProperty("family").GetString());
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_access_pattern_has_a_query_over_a_family_of_the_design(string spec)
    {
        var design = Design(spec);
        var model = Model(design);
        foreach (var pattern in design.Requirement.AccessPatterns)
        {
            var query = model.Queries.SingleOrDefault(q => q.AccessPattern == pattern.Name);
            if (pattern.Aggregate is { Function: AggregateFunction.Min or AggregateFunction.Max })
            {
                continue;
            }

            Assert.NotNull(query);
            Assert.Contains(model.Families, f => f.Name == query!.Family && f.Serves.Contains(pattern.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_key_of_a_write_shares_the_tenant_slot_in_multi_tenant_designs(string spec)
    {
        var design = Design(spec);
        if (design.Requirement.Application.Tenancy != Tenancy.Multi)
        {
            return;
        }

        var model = Model(design);
        foreach (var entity in design.Requirement.Entities.Where(e => e.Name != "tenant"))
        {
            var ops = RedisWritePlan.Insert(model, entity.Name, Sample(model, entity.Name));
            Assert.NotEmpty(ops);
            Assert.Single(ops.Select(o => RedisKeys.HashTag(o.Key)).Distinct());
        }
    }

    [Fact]
    public void Commands_file_quotes_every_word_so_hostile_values_stay_one_argument()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\x00\"", RedisCliText.Word("a\"b\\c\nd\0"));
        var commands = DesignExporter.Plan(Design("tests/fixtures/hostile/quotes-and-comments.yaml")).Single(f => f.RelativePath == "redis/commands.redis").Content;
        foreach (var line in commands.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Matches("^(\"([^\"\\\\]|\\\\.)*\" ?)+$", line);
        }
    }

    [Fact]
    public void Entities_are_hashes_orders_sorted_sets_uniques_lookups_and_feeds_streams()
    {
        var shop = Model(Design("examples/requirements/ecommerce.yaml"));
        Assert.Equal(ValueStructure.Hash, shop.Families.Single(f => f.Name == "order").Structure);
        var history = shop.Families.Single(f => f.Serves.Contains("customer order history"));
        Assert.Equal((ValueStructure.SortedSet, "created_at"), (history.Structure, history.ScoreColumn));
        Assert.Equal("shop_fast:order:by_customer_id_created_at:{<customer_id>}", history.Pattern);
        Assert.Equal(ValueStructure.String, shop.Families.Single(f => f.Name == "customer:by_email").Structure);
        Assert.Equal("noeviction", shop.Queries.Count > 0 ? "noeviction" : string.Empty);

        var fleet = Model(Design("examples/requirements/iot-telemetry.yaml"));
        var reading = fleet.Families.Single(f => f.Name == "reading");
        Assert.Equal((KeyFamilyPurpose.Feed, ValueStructure.Stream), (reading.Purpose, reading.Structure));
        Assert.Equal(90 * 86_400, reading.TtlSeconds);
        Assert.Contains(fleet.Families, f => f.Structure == ValueStructure.Geo);
    }

    [Fact]
    public void Persistence_follows_the_rpo_and_eviction_the_role()
    {
        var design = Design("examples/requirements/saas-projects.yaml");
        Assert.Contains(design.Decisions, d => d.Subject == "Persistence" && d.Decision.Contains("everysec", StringComparison.Ordinal));
        Assert.Contains(design.Decisions, d => d.Subject == "Eviction" && d.Decision.Contains("noeviction", StringComparison.Ordinal));
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "examples/requirements/saas-projects.yaml"));
        var strict = requirement with { Operations = new OperationsProfile(0, 30, null) };
        Assert.Contains(DesignEngine.Create(strict, "redis").Decisions, d => d.Subject == "Persistence" && d.Decision.Contains("always", StringComparison.Ordinal));
    }

    [Fact]
    public void As_a_cache_it_keeps_answers_with_ttls_evicts_by_lfu_and_states_the_hit_ratio()
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "examples/requirements/ecommerce.yaml"));
        var decisions = new List<DesignDecision>();
        var design = (RedisDesign)new RedisDesigner("postgresql").Design(requirement, decisions, new List<DesignWarning>());
        Assert.Equal("cache", design.KeyValue.Role);
        Assert.All(design.KeyValue.Families, f => Assert.Equal((KeyFamilyPurpose.Cache, 300L), (f.Purpose, f.TtlSeconds!.Value)));
        Assert.Contains(decisions, d => d.Decision == "maxmemory-policy allkeys-lfu");
        // 80:20 reads:writes → 4 reads per write, the first misses: 0.8 × 0.75 = 60 %.
        Assert.Contains(decisions, d => d.Subject == "Cache hit ratio" && d.Decision == "about 60%");
        Assert.DoesNotContain(design.Files, f => f.RelativePath.EndsWith(".lua", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(8, 8)]
    [InlineData(24, 32)]
    [InlineData(129, 160)]
    [InlineData(4096, 4096)]
    [InlineData(4097, 5120)]
    public void Allocations_round_to_jemalloc_size_classes(long bytes, long expected) => Assert.Equal(expected, RedisMemory.Jemalloc(bytes));

    [Fact]
    public void Small_hashes_are_listpacks_and_large_ones_hashtables()
    {
        Assert.Equal("listpack", RedisMemory.Hash(128, 2000, 8, 10, 64).Encoding);
        Assert.Equal("hashtable", RedisMemory.Hash(129, 2000, 8, 10, 64).Encoding);
        Assert.Equal("hashtable", RedisMemory.Hash(3, 200, 8, 10, 65).Encoding);
        Assert.Equal("skiplist", RedisMemory.SortedSet(129, 8, true, 13).Encoding);
    }

    [Fact]
    public void Rows_falling_at_random_hit_only_some_key_values()
    {
        Assert.Equal(63.2, RedisSizing.Occupied(100, 100), 1);
        Assert.Equal(100, RedisSizing.Occupied(100, 100_000), 1);
        Assert.Equal(10, RedisSizing.Occupied(1_000_000, 10), 1);
    }

    [Fact]
    public void Elements_scattered_around_a_mean_near_the_listpack_limit_put_a_share_of_keys_in_the_skiplist()
    {
        static (long Bytes, string Encoding) SortedSet(double n) => RedisMemory.SortedSet(n, 8, true, 5);
        var atMean = SortedSet(119).Bytes;
        var scattered = RedisSizing.Scattered(119, 119, SortedSet);

        // Poisson(119) passes 128 about one time in five: a fifth of ~15 kB skiplists on top of ~1.4 kB listpacks.
        Assert.Equal("listpack", scattered.Encoding);
        Assert.InRange(scattered.Bytes, atMean + (0.1 * SortedSet(130).Bytes), atMean + (0.3 * SortedSet(130).Bytes));
        Assert.Equal(SortedSet(20).Bytes, RedisSizing.Scattered(20, 20, SortedSet).Bytes, (double)SortedSet(20).Bytes * 0.15);
    }

    [Fact]
    public void A_pipeline_index_near_the_listpack_limit_is_sized_with_its_skiplist_keys_and_a_junction_by_its_hit_owners()
    {
        // crm-deals at the proof's sample scale: 11,923 deals over 20 tenants × 5 stages, ~119 per key (MEMORY USAGE: ~4,100 B).
        var full = RequirementsReader.Load(Path.Combine(TestPaths.Examples, "crm-deals.yaml"));
        var factor = 20_000 / full.Entities.Sum(e => (double)(e.Rows ?? 1_000));
        var sample = full with { Entities = full.Entities.Select(e => e with { Rows = Math.Max(20, (long)Math.Round((e.Rows ?? 1_000) * factor)) }).ToList() };
        var pipeline = Model(DesignEngine.Create(sample, "redis")).Families.Single(f => f.Name == "deal:by_stage_close_date").Size!;
        Assert.InRange(pipeline.UsageBytesPerKey, 3_500, 5_000);

        // social-content: a follow per member (the junction's rows are the larger side's), so only ~63 % of members
        // have a key, each with 1 / (1 - e^-1) ≈ 1.58 follows.
        var follows = Model(Design("examples/requirements/social-content.yaml")).Families.Single(f => f.Name == "follow:by_member_id").Size!;
        Assert.InRange(follows.ElementsPerKey, 1.5, 1.65);
    }

    internal static IReadOnlyDictionary<string, string?> Sample(KeyValueModel model, string entity)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in model.Families.Where(f => f.Entity == entity).SelectMany(f => f.Fields))
        {
            row.TryAdd(field.Name, field.Type.Kind switch
            {
                LogicalTypeKind.Date => "2026-01-01",
                LogicalTypeKind.Json => "{\"a\":\"b\"}",
                _ => "1",
            });
        }

        foreach (var family in model.Families.Where(f => f.Entity == entity))
        {
            foreach (var column in family.KeyColumns.Concat(family.Fields.Select(f => f.Name)).Append(family.MemberColumn ?? family.KeyColumns[0]).Append(family.ScoreColumn ?? family.KeyColumns[0]))
            {
                row.TryAdd(column, "1");
            }
        }

        return row;
    }
}
