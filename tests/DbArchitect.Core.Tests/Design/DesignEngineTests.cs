using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Design;

public sealed class DesignEngineTests
{
    private static Table T(DbDesign design, string name) => design.Physical.FindTable(name) ?? throw new Xunit.Sdk.XunitException($"no table {name}");

    [Fact]
    public void EntitiesBecomeTablesWithUuidKeysAndTimestamps()
    {
        var customer = T(DesignEngine.Create(Shop()), "customer");
        var id = customer.FindColumn("id")!;
        Assert.Equal(KeyGeneration.RandomUuid, id.Generation);
        Assert.Equal("uuid", id.NativeType);
        Assert.Equal(new[] { "id" }, customer.PrimaryKey.Columns);
        Assert.Equal(ColumnRole.CreatedAt, customer.FindColumn("created_at")!.Role);
        Assert.Equal(ColumnRole.UpdatedAt, customer.FindColumn("updated_at")!.Role);
        Assert.False(customer.FindColumn("email")!.Nullable);
        Assert.True(customer.FindColumn("preferences")!.Nullable);
    }

    [Fact]
    public void BigintConventionGivesIdentityKeysAndMatchingForeignKeyTypes()
    {
        var design = DesignEngine.Create(Shop(Conventions.Default with { PrimaryKey = PrimaryKeyKind.BigInt }));
        Assert.Equal(KeyGeneration.Identity, T(design, "customer").FindColumn("id")!.Generation);
        Assert.Equal(LogicalTypeKind.BigInt, T(design, "order").FindColumn("customer_id")!.Type.Kind);
    }

    [Fact]
    public void OneToManyPutsARequiredForeignKeyOnTheManySide()
    {
        var order = T(DesignEngine.Create(Shop()), "order");
        var fk = Assert.Single(order.ForeignKeys);
        Assert.Equal(new[] { "customer_id" }, fk.Columns);
        Assert.Equal("customer", fk.ReferencedTable);
        Assert.Equal(DeleteAction.Restrict, fk.OnDelete);
        Assert.False(order.FindColumn("customer_id")!.Nullable);
    }

    [Fact]
    public void ManyToManyBuildsAJunctionWithCompositeKeyBothForeignKeysAndAReverseIndex()
    {
        var item = T(DesignEngine.Create(Shop()), "order_item");
        Assert.Equal(TableKind.Junction, item.Kind);
        Assert.Equal(new[] { "order_id", "product_id" }, item.PrimaryKey.Columns);
        Assert.Equal(new[] { "order", "product" }, item.ForeignKeys.Select(f => f.ReferencedTable).ToArray());
        Assert.NotNull(item.FindColumn("quantity"));
        var reverse = Assert.Single(item.Indexes);
        Assert.Equal(new[] { "product_id", "order_id" }, reverse.Keys.Select(k => k.Column).ToArray());
    }

    [Fact]
    public void SelfReferencingManyToManyGetsTwoDistinctColumns()
    {
        var design = DesignEngine.Create(Requirement(
            new[] { Entity("user", Attr("handle", LogicalType.String(30))) },
            new[] { ManyToMany("user", "user", "follow", "followed") }));
        var follow = T(design, "follow");
        Assert.Equal(new[] { "user_id", "followed_id" }, follow.PrimaryKey.Columns);
        Assert.All(follow.ForeignKeys, f => Assert.Equal("user", f.ReferencedTable));
    }

    [Fact]
    public void SelfReferencingOneToManyUsesAParentColumn()
    {
        var design = DesignEngine.Create(Requirement(
            new[] { Entity("category", Attr("name", LogicalType.String(80))) },
            new[] { OneToMany("category", "category", DeleteAction.SetNull, required: false) }));
        var category = T(design, "category");
        Assert.True(category.FindColumn("parent_category_id")!.Nullable);
        Assert.Equal(DeleteAction.SetNull, category.ForeignKeys.Single().OnDelete);
    }

    [Fact]
    public void OneToOneIsAUniqueForeignKey()
    {
        var design = DesignEngine.Create(Requirement(
            new[] { Entity("customer"), Entity("profile", Attr("bio", LogicalType.Text)) },
            new[] { OneToOne("customer", "profile") }));
        var profile = T(design, "profile");
        Assert.Contains(profile.UniqueKeys, u => u.Columns.SequenceEqual(new[] { "customer_id" }));
        Assert.DoesNotContain(profile.Indexes, i => i.Keys.Select(k => k.Column).SequenceEqual(new[] { "customer_id" }));
    }

    [Fact]
    public void EmailUniquenessIsCaseInsensitiveAndCoversEqualityLookups()
    {
        var customer = T(DesignEngine.Create(Shop()), "customer");
        var unique = Assert.Single(customer.Indexes, i => i.Unique);
        Assert.Equal(IndexExpressionKind.Lower, unique.Keys.Single().Expression!.Kind);
        Assert.Contains(customer.Checks, c => c.Kind == CheckKind.EmailFormat);
        Assert.Contains(customer.Checks, c => c.Kind == CheckKind.EnumMembers && c.EnumValues.SequenceEqual(new[] { "active", "suspended", "closed" }));
    }

    [Fact]
    public void AccessPatternIndexFollowsEqualityThenSortAndAbsorbsTheForeignKeyIndex()
    {
        var order = T(DesignEngine.Create(Shop()), "order");
        var history = Assert.Single(order.Indexes, i => i.Serves.Contains("access pattern 'customer order history'"));
        Assert.Equal(new[] { "customer_id", "created_at desc", "id desc" }, history.Keys.Select(k => k.ToString()).ToArray());
        Assert.Equal("ix_order_customer_id_created_at", history.Name);
        Assert.Contains("foreign key fk_order_customer_id", history.Serves);
        Assert.DoesNotContain(order.Indexes, i => i.Keys.Count == 1 && i.Keys[0].Column == "customer_id");
    }

    [Fact]
    public void SortedLimitedPatternIndexEndsWithThePrimaryKeyAsTieBreakerInTheSortDirection()
    {
        var requirement = Shop() with
        {
            AccessPatterns = new[]
            {
                Spec.Pattern("by name", "product", where: new[] { "name" }, orderBy: new[] { new SortKey("price", true) }, limit: 10),
                Spec.Pattern("all by name", "product", where: new[] { "name" }, orderBy: new[] { new SortKey("price", true) }),
                Spec.Pattern("by sku", "product", orderBy: new[] { new SortKey("sku", false) }, limit: 10),
            },
        };
        var product = T(DesignEngine.Create(requirement), "product");
        var paged = Assert.Single(product.Indexes, i => i.Serves.Contains("access pattern 'by name'"));
        Assert.Equal(new[] { "name", "price desc", "id desc" }, paged.Keys.Select(k => k.ToString()).ToArray());
        Assert.Contains("breaks ties", paged.Reason, StringComparison.Ordinal);

        // Without a limit there is no cursor to keep stable; a unique sort (sku) needs no tie-breaker.
        Assert.Contains("access pattern 'all by name'", paged.Serves);
        Assert.DoesNotContain(product.Indexes, i => i.Keys.Any(k => k.Column == "sku") && i.Keys.Any(k => k.Column == "id"));
    }

    [Fact]
    public void AggregatePatternOnAModestTableGetsACoveringRangeIndex()
    {
        var requirement = Shop();
        requirement = requirement with { Entities = requirement.Entities.Select(e => e with { RowsPerDay = null }).ToArray() };
        var order = T(DesignEngine.Create(requirement), "order");
        var revenue = Assert.Single(order.Indexes, i => i.Serves.Contains("access pattern 'daily revenue'"));
        Assert.Equal(IndexStructure.Ordered, revenue.Method);
        Assert.Equal("created_at", revenue.Keys.Single().Column);
        Assert.Equal(new[] { "total" }, revenue.Include);
    }

    [Fact]
    public void AggregatePatternOnATableGrowingPastTenMillionRowsGetsBrin()
    {
        // 1.5M rows + 20,000/day over the 5-year retention is about 38M rows.
        var order = T(DesignEngine.Create(Shop()), "order");
        var revenue = Assert.Single(order.Indexes, i => i.Serves.Contains("access pattern 'daily revenue'"));
        Assert.Equal(IndexStructure.BlockRange, revenue.Method);
    }

    [Fact]
    public void FuzzySearchGetsOneTrigramIndexPerColumn()
    {
        var product = T(DesignEngine.Create(Shop()), "product");
        var trigram = product.Indexes.Where(i => i.Method == IndexStructure.Inverted).ToArray();
        Assert.Equal(new[] { "name", "description" }, trigram.Select(i => i.Keys.Single().Column).ToArray());
        Assert.All(trigram, i => Assert.Equal(KeyMatch.Trigram, i.Keys.Single().Match));
        Assert.All(trigram, i => Assert.Contains("product search", i.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void NoIndexIsADuplicateOrLeftPrefixOfAnother()
    {
        foreach (var design in new[] { DesignEngine.Create(Shop()), DesignEngine.Create(Shop(tenancy: Tenancy.Multi)), DesignEngine.Create(Shop(Conventions.Default with { SoftDelete = true, Audit = true })) })
        {
            foreach (var table in design.Physical.Tables)
            {
                var all = table.Indexes.Select(i => (i.Name, Keys: i.Keys.Select(k => k.ToString()).ToArray(), i.Method, Predicate: i.Predicate?.ToString(), i.Unique)).ToList();
                all.Add((table.PrimaryKey.Name, table.PrimaryKey.Columns.ToArray(), IndexStructure.Ordered, null, true));
                all.AddRange(table.UniqueKeys.Select(u => (u.Name, u.Columns.ToArray(), IndexStructure.Ordered, (string?)null, true)));
                foreach (var a in all.Where(x => !x.Unique))
                {
                    foreach (var b in all.Where(b => b.Name != a.Name && b.Method == a.Method && (b.Predicate is null || b.Predicate == a.Predicate)))
                    {
                        var prefix = a.Keys.Length <= b.Keys.Length && b.Keys.Take(a.Keys.Length).SequenceEqual(a.Keys);
                        Assert.False(prefix, $"{table.Name}: {a.Name} ({string.Join(", ", a.Keys)}) is served by {b.Name} ({string.Join(", ", b.Keys)})");
                    }
                }
            }
        }
    }

    [Fact]
    public void MultiTenancyLeadsKeysForeignKeysAndIndexesWithTheTenant()
    {
        var design = DesignEngine.Create(Shop(tenancy: Tenancy.Multi));
        var tenant = T(design, "tenant");
        Assert.Equal(TableKind.Tenant, tenant.Kind);
        var order = T(design, "order");
        Assert.True(order.Features.TenantScoped);
        Assert.Equal(new[] { "tenant_id", "id" }, order.PrimaryKey.Columns);
        var customerFk = order.ForeignKeys.Single(f => f.ReferencedTable == "customer");
        Assert.Equal(new[] { "tenant_id", "customer_id" }, customerFk.Columns);
        Assert.Equal(new[] { "tenant_id", "id" }, customerFk.ReferencedColumns);
        Assert.All(design.Physical.Tables.Where(t => t.Features.TenantScoped).SelectMany(t => t.Indexes),
            i => Assert.Equal("tenant_id", i.Keys[0].Column));
        Assert.Contains(T(design, "customer").Indexes, i => i.Unique && i.Keys[0].Column == "tenant_id");
    }

    [Fact]
    public void SoftDeleteMakesPatternIndexesAndUniquesPartialButNeverIndexesThatServeAForeignKey()
    {
        var design = DesignEngine.Create(Shop(Conventions.Default with { SoftDelete = true }));
        var product = T(design, "product");
        Assert.NotNull(product.FindColumn("deleted_at"));
        var sku = Assert.Single(product.Indexes, i => i.Unique && i.Keys.Single().Column == "sku");
        Assert.Equal("deleted_at is null", sku.Predicate!.ToString());
        var order = T(design, "order");
        // A pattern index that also serves a foreign key is whole: the key's checks must see soft-deleted rows.
        Assert.All(order.Indexes.Where(i => i.Method != IndexStructure.BlockRange && i.Serves.Any(s => s.StartsWith("access pattern", StringComparison.Ordinal))),
            i => Assert.Equal(i.Serves.Any(s => s.StartsWith("foreign key", StringComparison.Ordinal)), i.Predicate is null));
        Assert.Contains(order.Indexes, i => i.Predicate is null && i.Serves.Contains("foreign key fk_order_customer_id"));
    }

    [Fact]
    public void AuditAddsAnAppendOnlyLogTable()
    {
        var design = DesignEngine.Create(Shop(Conventions.Default with { Audit = true }));
        var log = T(design, "audit_log");
        Assert.Equal(TableKind.Audit, log.Kind);
        Assert.Equal(KeyGeneration.Identity, log.FindColumn("id")!.Generation);
        Assert.Contains(log.Indexes, i => i.Method == IndexStructure.BlockRange);
        Assert.All(design.Physical.Tables.Where(t => t.Kind == TableKind.Entity), t => Assert.True(t.Features.Audit));
    }

    [Fact]
    public void PascalCaseConventionNamesTablesColumnsAndConstraints()
    {
        var design = DesignEngine.Create(Shop(Conventions.Default with { Naming = NamingStyle.PascalCase }));
        var item = T(design, "OrderItem");
        Assert.Equal(new[] { "OrderId", "ProductId" }, item.PrimaryKey.Columns);
        Assert.StartsWith("PK_", item.PrimaryKey.Name, StringComparison.Ordinal);
        Assert.NotNull(T(design, "Order").FindColumn("CreatedAt"));
    }

    [Fact]
    public void LongNamesAreShortenedWithinTheLimitUniquelyAndDeterministically()
    {
        var longA = new string('a', 70) + "_one";
        var longB = new string('a', 70) + "_two";
        var requirement = Requirement(new[] { Entity(longA, Attr(longB, LogicalType.Int, unique: true)), Entity(longB, Attr("x", LogicalType.Int)) },
            new[] { OneToMany(longA, longB) });
        var first = DesignEngine.Create(requirement);
        var names = first.Physical.Tables.Select(t => t.Name)
            .Concat(first.Physical.Tables.SelectMany(t => t.Indexes.Select(i => i.Name).Concat(t.ForeignKeys.Select(f => f.Name))
                .Concat(t.UniqueKeys.Select(u => u.Name)).Concat(t.Checks.Select(c => c.Name)).Append(t.PrimaryKey.Name)))
            .ToArray();
        Assert.All(names, n => Assert.True(Encoding.UTF8.GetByteCount(n) <= 63, n));
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(first.Physical.Tables.SelectMany(t => t.Columns), c => Assert.True(Encoding.UTF8.GetByteCount(c.Name) <= 63, c.Name));
        var second = DesignEngine.Create(requirement);
        Assert.Equal(names, second.Physical.Tables.Select(t => t.Name)
            .Concat(second.Physical.Tables.SelectMany(t => t.Indexes.Select(i => i.Name).Concat(t.ForeignKeys.Select(f => f.Name))
                .Concat(t.UniqueKeys.Select(u => u.Name)).Concat(t.Checks.Select(c => c.Name)).Append(t.PrimaryKey.Name))).ToArray());
        var fk = first.Physical.Tables.Single(t => t.Name.StartsWith("aaaa", StringComparison.Ordinal) && t.ForeignKeys.Count > 0).ForeignKeys[0];
        Assert.NotNull(first.Physical.FindTable(fk.ReferencedTable));
    }

    [Fact]
    public void NonTenantEntityReferencingTenantDataIsRefused()
    {
        var requirement = Requirement(
            new[] { Entity("account"), Entity("country") with { TenantScoped = false } },
            new[] { OneToMany("account", "country") }, tenancy: Tenancy.Multi);
        var ex = Assert.Throws<DbArchitectException>(() => DesignEngine.Create(requirement));
        Assert.Equal("TenantScopeMismatch", ex.Errors.Single().ErrorId);
    }

    [Fact]
    public void LargeInsertOrderedRangeScansGetBrin()
    {
        var requirement = Requirement(
            new[] { Entity("reading", 50_000_000, 2_000_000, Attr("value", LogicalType.Simple(LogicalTypeKind.Double), required: true)) },
            patterns: new[] { Pattern("recent readings", "reading", range: "created_at", perSecond: 2) });
        var reading = T(DesignEngine.Create(requirement), "reading");
        var brin = Assert.Single(reading.Indexes);
        Assert.Equal(IndexStructure.BlockRange, brin.Method);
        Assert.Contains("BRIN", brin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SameRequirementGivesAnEqualDesign()
    {
        static string Describe(DbDesign d) => string.Join("\n", d.Physical.Tables.Select(t =>
            $"{t.Name}|{string.Join(",", t.Columns.Select(c => c.Name + ":" + c.NativeType))}|{string.Join(",", t.Indexes.Select(i => i.Name + ":" + string.Join("/", i.Keys)))}"))
            + string.Join("\n", d.Decisions.Select(x => x.ToString()));
        Assert.Equal(Describe(DesignEngine.Create(Shop(tenancy: Tenancy.Multi))), Describe(DesignEngine.Create(Shop(tenancy: Tenancy.Multi))));
    }

    [Fact]
    public void EveryAreaOfTheArchitectureHasAtLeastOneDecision()
    {
        var areas = DesignEngine.Create(Shop()).Decisions.Select(d => d.Area).ToHashSet();
        foreach (var area in new[] { "Technology", "Supporting technology", "Schema", "Partitioning", "Query optimization", "Performance tuning",
                     "Data migration", "Backup and recovery", "Monitoring and maintenance", "Security", "Scalability roadmap" })
        {
            Assert.Contains(area, areas);
        }
    }

    [Fact]
    public void SchemaNameComesFromTheApplicationName()
    {
        Assert.Equal("shop_fast", DesignEngine.Create(Shop()).Physical.Schema);
    }
}

public sealed class TenantRelationshipTests
{
    [Fact]
    public void RelationshipFromTheTenantEntityIsTheTenantKeyNotASecondColumn()
    {
        var requirement = Spec.Requirement(
            new[] { Spec.Entity("tenant", Spec.Attr("name", LogicalType.String(100))), Spec.Entity("project", Spec.Attr("title", LogicalType.String(100))) },
            new[] { Spec.OneToMany("tenant", "project", DeleteAction.Cascade) },
            tenancy: Tenancy.Multi);
        var project = DesignEngine.Create(requirement).Physical.FindTable("project")!;
        Assert.Single(project.Columns, c => c.Name == "tenant_id");
        var fk = Assert.Single(project.ForeignKeys);
        Assert.Equal(DeleteAction.Cascade, fk.OnDelete);
    }
}

public sealed class QueryTemplateTests
{
    [Fact]
    public void EachQueryTemplateNamesTheIndexesThatServeItsPattern()
    {
        var design = DesignEngine.Create(Spec.Shop());
        var queries = DbArchitect.Core.Engines.EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.Kind == DbArchitect.Core.Engines.ScriptKind.Queries).Text;
        var history = design.Physical.FindTable("order")!.Indexes.Single(i => i.Serves.Contains(DbArchitect.Core.Model.Serves.AccessPattern("customer order history")));
        Assert.Contains("-- customer order history (300/s)\n-- Served by: " + history.Name, queries, StringComparison.Ordinal);
        Assert.Contains("-- Served by: ix_product_name_trgm, ix_product_description_trgm", queries, StringComparison.Ordinal);
    }
}
