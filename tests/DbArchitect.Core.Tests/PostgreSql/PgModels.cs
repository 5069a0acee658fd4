#pragma warning disable CA1861 // Fixture data: readability beats caching arrays built once per test.
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.PostgreSql;

/// <summary>Small physical designs built by hand, as the design engine would hand them to the PostgreSQL scripts.</summary>
internal static class PgModels
{
    private static readonly PostgreSqlTypes Types = new();

    public const string HostileDescription = "It's a \"test\" -- of ; quoting\nsecond line \\ backslash, ünïcödé ✓";

    public static DbDesign Design(SchemaModel physical, IReadOnlyList<AccessPatternSpec>? patterns = null) =>
        new(Requirement("ShopFast", patterns ?? Array.Empty<AccessPatternSpec>()), "postgresql", "PostgreSQL 15", physical, physical,
            Array.Empty<DesignDecision>(), Array.Empty<DesignWarning>());

    /// <summary>The test models by name, the hostile one with its access patterns.</summary>
    public static DbDesign Named(string name) => name switch
    {
        "hostile" => Design(Hostile(), HostilePatterns()),
        "edge" => Design(Edge()),
        _ => Design(Plain()),
    };

    public static DbRequirement Requirement(string application, IReadOnlyList<AccessPatternSpec> patterns) => new(
        "test.yaml", 1,
        new ApplicationInfo(application, null, ApplicationKind.Oltp, Tenancy.Multi, null, SourceLocation.None),
        WorkloadProfile.Unspecified, HardwareProfile.Unspecified, "postgresql", Conventions.Default,
        Array.Empty<EntitySpec>(), Array.Empty<RelationshipSpec>(), patterns);

    public static AccessPatternSpec Pattern(
        string name, string entity, string[]? where = null, SortKey[]? orderBy = null, int? limit = null, string[]? search = null,
        bool fuzzy = false, string? range = null, AggregateSpec? aggregate = null, GroupKey[]? groupBy = null, string[]? select = null,
        string? language = null, double? perSecond = null) =>
        new(name, entity, where ?? Array.Empty<string>(), orderBy ?? Array.Empty<SortKey>(), limit, perSecond,
            search ?? Array.Empty<string>(), fuzzy, range, aggregate, groupBy ?? Array.Empty<GroupKey>(), select ?? Array.Empty<string>(),
            language, SourceLocation.None);

    public static IReadOnlyList<AccessPatternSpec> HostilePatterns() => new[]
    {
        Pattern("customer order history", "order", where: new[] { "user_id" }, orderBy: new[] { new SortKey("created_at", true) }, limit: 20, perSecond: 300),
        Pattern("order search", "order", search: new[] { "select" }, fuzzy: true, select: new[] { "id", "select" }, perSecond: 200),
        Pattern("full-text search", "order", search: new[] { "select", "status", "total" }, language: "english"),
        Pattern("daily revenue", "Order", range: "created_at", aggregate: new AggregateSpec(AggregateFunction.Sum, "total"),
            groupBy: new[] { new GroupKey("created_at", TimeBucket.Day) }, perSecond: 0.1),
        Pattern("user by email", "user", where: new[] { "email" }),
        Pattern("nothing here", "ghost", where: new[] { "x" }),
    };

    public static Column Col(
        string name, LogicalType type, bool nullable = true, DefaultSpec? @default = null,
        ColumnRole role = ColumnRole.Attribute, KeyGeneration generation = KeyGeneration.None, string? comment = null) =>
        new(name, type, nullable, @default, role, generation, comment, Types.Map(type).Sql);

    public static Table Tbl(
        string name, IReadOnlyList<Column> columns, IReadOnlyList<string> pk, TableFeatures? features = null,
        TableKind kind = TableKind.Entity, string? comment = null,
        IReadOnlyList<ForeignKey>? fks = null, IReadOnlyList<UniqueKey>? uniques = null,
        IReadOnlyList<CheckConstraint>? checks = null, IReadOnlyList<Model.Index>? indexes = null) =>
        new(name, kind, comment, columns, new PrimaryKey(Shorten(name + "_pkey"), pk),
            fks ?? Array.Empty<ForeignKey>(), uniques ?? Array.Empty<UniqueKey>(), checks ?? Array.Empty<CheckConstraint>(),
            indexes ?? Array.Empty<Model.Index>(), features ?? TableFeatures.None, name, null, null);

    public static string Shorten(string name) => IdentifierShortener.Shorten(name, 63);

    public static Model.Index Idx(string name, IndexStructure method, IReadOnlyList<IndexKey> keys, bool unique = false,
        IReadOnlyList<string>? include = null, IndexPredicate? predicate = null, string reason = "", IReadOnlyList<string>? serves = null) =>
        new(name, keys, include ?? Array.Empty<string>(), method, unique, predicate, reason, serves ?? Array.Empty<string>());

    private static readonly DefaultSpec Now = new(DefaultKind.Now, null);
    private static readonly DefaultSpec Random = new(DefaultKind.RandomUuid, null);

    /// <summary>A tiny single-tenant model: no audit, no timestamps, no tenant, no fancy indexes.</summary>
    public static SchemaModel Plain() => new("Plain", "plain", new[]
    {
        Tbl("note", new[]
        {
            Col("id", LogicalType.BigInt, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.Identity),
            Col("body", LogicalType.Text, false),
        }, new[] { "id" }),
    }, Array.Empty<string>());

    /// <summary>Every feature at once, with hostile names, descriptions and defaults.</summary>
    public static SchemaModel Hostile()
    {
        var all = new TableFeatures(Timestamps: true, SoftDelete: true, Audit: true, TenantScoped: true);
        var status = LogicalType.Enum(new[] { "pending", "paid", "it's shipped" });
        var tagType = LogicalType.ArrayOf(LogicalType.Enum(new[] { "gift", "rush" }));
        var longName = "a_very_long_attribute_name_that_goes_on_and_on_past_the_postgresql_limit_of_63";

        var tenant = Tbl("tenant", new[]
        {
            Col("id", LogicalType.Uuid, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.RandomUuid),
            Col("name", LogicalType.String(200), false),
            Col("created_at", LogicalType.Timestamp, false, Now, ColumnRole.CreatedAt),
            Col("updated_at", LogicalType.Timestamp, false, Now, ColumnRole.UpdatedAt),
        }, new[] { "id" }, new TableFeatures(true, false, false, false), TableKind.Tenant, "A customer organisation");

        var user = Tbl("user", new[]
        {
            Col("tenant_id", LogicalType.Uuid, false, role: ColumnRole.TenantKey),
            Col("id", LogicalType.Uuid, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.RandomUuid),
            Col("Email", LogicalType.Simple(LogicalTypeKind.Email), false, comment: HostileDescription),
            Col("größe", LogicalType.Decimal(5, 2), true, new DefaultSpec(DefaultKind.Literal, "-1.5")),
            Col("website", LogicalType.Simple(LogicalTypeKind.Url)),
            Col("preferences", LogicalType.Json, true, new DefaultSpec(DefaultKind.Json, "{\"theme\":\"dark\",\"q\":\"it's\"}")),
            Col("note", LogicalType.Text, true, new DefaultSpec(DefaultKind.Literal, "O'Brien -- ; DROP TABLE x; \\n ✓")),
            Col("birthday", LogicalType.Simple(LogicalTypeKind.Date), true, new DefaultSpec(DefaultKind.Literal, "2000-01-01")),
            Col("wake_up", LogicalType.Simple(LogicalTypeKind.Time), true, Now),
            Col("active", LogicalType.Bool, false, new DefaultSpec(DefaultKind.Literal, "true")),
            Col("score", LogicalType.Simple(LogicalTypeKind.Double), true, new DefaultSpec(DefaultKind.Literal, "-1.5e3")),
            Col("code", LogicalType.Char(3), true, new DefaultSpec(DefaultKind.Literal, "abc")),
            Col("login_count", LogicalType.Int, false, new DefaultSpec(DefaultKind.Literal, "0")),
            Col("avatar", LogicalType.Simple(LogicalTypeKind.Binary)),
            Col(Shorten(longName), LogicalType.SmallInt),
            Col("created_at", LogicalType.Timestamp, false, Now, ColumnRole.CreatedAt),
            Col("updated_at", LogicalType.Timestamp, false, Now, ColumnRole.UpdatedAt),
            Col("deleted_at", LogicalType.Timestamp, true, null, ColumnRole.DeletedAt),
        }, new[] { "id" }, all, comment: HostileDescription,
        fks: new[]
        {
            new ForeignKey("user_tenant_id_fkey", new[] { "tenant_id" }, "tenant", new[] { "id" }, DeleteAction.Cascade,
                Array.Empty<string>(), true, "Every user belongs to a tenant"),
        },
        uniques: new[]
        {
            new UniqueKey("user_tenant_id_id_key", new[] { "tenant_id", "id" }, "Target of composite tenant foreign keys"),
        },
        checks: new[]
        {
            new CheckConstraint("user_email_check", "Email", CheckKind.EmailFormat, Array.Empty<CheckCondition>(), Array.Empty<string>(), "Looks like an e-mail address"),
            new CheckConstraint("user_website_check", "website", CheckKind.UrlFormat, Array.Empty<CheckCondition>(), Array.Empty<string>(), "Absolute URL"),
            new CheckConstraint("user_größe_check", "größe", CheckKind.Conditions, new[]
            {
                new CheckCondition(CheckOperator.Between, new[] { "-10", "100.5" }, false),
            }, Array.Empty<string>(), "between -10 and 100.5"),
            new CheckConstraint("user_code_check", "code", CheckKind.Conditions, new[]
            {
                new CheckCondition(CheckOperator.Matches, new[] { "^[A-Za-z]{3}$" }, false),
                new CheckCondition(CheckOperator.In, new[] { "abc", "it's", "x--y" }, false),
            }, Array.Empty<string>(), "code rules"),
            new CheckConstraint("user_note_check", "note", CheckKind.Conditions, new[]
            {
                new CheckCondition(CheckOperator.LessOrEqual, new[] { "2000" }, true),
            }, Array.Empty<string>(), "length <= 2000"),
            new CheckConstraint("user_login_count_check", "login_count", CheckKind.Conditions, new[]
            {
                new CheckCondition(CheckOperator.GreaterOrEqual, new[] { "0" }, false),
            }, Array.Empty<string>(), ">= 0"),
        },
        indexes: new[]
        {
            Idx("user_tenant_id_lower_email_key", IndexStructure.Ordered, new[]
            {
                IndexKey.Of("tenant_id"),
                new IndexKey(null, new IndexExpression(IndexExpressionKind.Lower, new[] { "Email" }, null), false, KeyMatch.Ordinary),
            }, unique: true, predicate: new IndexPredicate(new[] { new ColumnTest("deleted_at", PredicateKind.IsNull) }),
            reason: "Unique e-mail per tenant, case-insensitive, among live rows"),
            Idx("user_preferences_idx", IndexStructure.Inverted, new[] { new IndexKey("preferences", null, false, KeyMatch.Containment) },
                reason: "JSON containment on preferences"),
        });

        var order = Tbl("order", new[]
        {
            Col("tenant_id", LogicalType.Uuid, false, role: ColumnRole.TenantKey),
            Col("id", LogicalType.Uuid, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.RandomUuid),
            Col("user_id", LogicalType.Uuid, true, role: ColumnRole.ForeignKey),
            Col("Total", LogicalType.Money, false, comment: "Order total; 'gross' -- incl. tax;"),
            Col("status", status, false, new DefaultSpec(DefaultKind.Literal, "it's shipped")),
            Col("tags", tagType, false, new DefaultSpec(DefaultKind.Json, "[\"gift\"]")),
            Col("select", LogicalType.String(100)),
            Col("created_at", LogicalType.Timestamp, false, Now, ColumnRole.CreatedAt),
            Col("updated_at", LogicalType.Timestamp, false, Now, ColumnRole.UpdatedAt),
        }, new[] { "id" }, all, comment: "A customer's order",
        fks: new[]
        {
            new ForeignKey("order_tenant_id_user_id_fkey", new[] { "tenant_id", "user_id" }, "user", new[] { "tenant_id", "id" },
                DeleteAction.SetNull, new[] { "user_id" }, false, "Orders outlive their user; only user_id is cleared, the tenant stays"),
        },
        uniques: new[] { new UniqueKey("order_tenant_id_id_key", new[] { "tenant_id", "id" }, "Target of composite tenant foreign keys") },
        checks: new[]
        {
            new CheckConstraint("order_status_check", "status", CheckKind.EnumMembers, Array.Empty<CheckCondition>(), status.EnumValues, "enum"),
            new CheckConstraint("order_tags_check", "tags", CheckKind.EnumArrayMembers, Array.Empty<CheckCondition>(), new[] { "gift", "rush" }, "enum array"),
            new CheckConstraint("order_Total_check", "Total", CheckKind.Conditions, new[] { new CheckCondition(CheckOperator.GreaterOrEqual, new[] { "0" }, false) }, Array.Empty<string>(), ">= 0"),
        },
        indexes: new[]
        {
            Idx("order_tenant_id_user_id_created_at_idx", IndexStructure.Ordered, new[] { IndexKey.Of("tenant_id"), IndexKey.Of("user_id"), IndexKey.Of("created_at", true) },
                include: new[] { "Total", "status" }, reason: "access pattern: customer order history", serves: new[] { Serves.AccessPattern("customer order history") }),
            Idx("order_select_trgm_idx", IndexStructure.Inverted, new[] { IndexKey.Of("tenant_id"), new IndexKey("select", null, false, KeyMatch.Trigram) },
                reason: "access pattern: fuzzy search on select", serves: new[] { Serves.AccessPattern("order search") }),
            Idx("order_fulltext_idx", IndexStructure.Inverted, new[]
            {
                new IndexKey(null, new IndexExpression(IndexExpressionKind.FullText, new[] { "select", "status", "Total" }, "english"), false, KeyMatch.Ordinary),
            }, reason: "access pattern: full-text search", serves: new[] { Serves.AccessPattern("full-text search") }),
        });

        var item = Tbl("order_item", new[]
        {
            Col("tenant_id", LogicalType.Uuid, false, role: ColumnRole.TenantKey),
            Col("order_id", LogicalType.Uuid, false, role: ColumnRole.ForeignKey),
            Col("line", LogicalType.Int, false),
            Col("quantity", LogicalType.Int, false),
        }, new[] { "order_id", "line" }, new TableFeatures(false, false, true, true), TableKind.Junction,
        fks: new[]
        {
            new ForeignKey("order_item_tenant_id_order_id_fkey", new[] { "tenant_id", "order_id" }, "order", new[] { "tenant_id", "id" },
                DeleteAction.Cascade, Array.Empty<string>(), true, "Lines belong to their order"),
        });

        var audit = Tbl("audit_log", new[]
        {
            Col("id", LogicalType.BigInt, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.Identity),
            Col("tenant_id", LogicalType.Uuid, true, role: ColumnRole.TenantKey),
            Col("table_name", LogicalType.Text, false, role: ColumnRole.Audit),
            Col("record_id", LogicalType.Text, false, role: ColumnRole.Audit),
            Col("action", LogicalType.Enum(new[] { "insert", "update", "delete" }), false, role: ColumnRole.Audit),
            Col("changed_by", LogicalType.Text, true, role: ColumnRole.Audit),
            Col("changed_at", LogicalType.Timestamp, false, Now, ColumnRole.Audit),
            Col("old_values", LogicalType.Json, true, role: ColumnRole.Audit),
            Col("new_values", LogicalType.Json, true, role: ColumnRole.Audit),
        }, new[] { "id" }, TableFeatures.None, TableKind.Audit, "Who changed what and when",
        checks: new[]
        {
            new CheckConstraint("audit_log_action_check", "action", CheckKind.EnumMembers, Array.Empty<CheckCondition>(), new[] { "insert", "update", "delete" }, "enum"),
        });

        return new SchemaModel("ShopFast", "shop", new[] { tenant, user, order, item, audit }, Array.Empty<string>());
    }

    /// <summary>Odd corners: a quoted unicode schema, 63-byte unicode names, differing updated_at names, a jsonb audit key, GiST/BRIN/hash.</summary>
    public static SchemaModel Edge()
    {
        var features = new TableFeatures(Timestamps: true, SoftDelete: false, Audit: true, TenantScoped: false);
        var unicodeTable = Shorten("客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户客户");
        var customer = Tbl(unicodeTable, new[]
        {
            Col("Id", LogicalType.BigInt, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.Identity),
            Col("Name", LogicalType.String(100), false, comment: "carriage\r\nreturn and tab\t"),
            Col("Visits", LogicalType.ArrayOf(LogicalType.Int), true, new DefaultSpec(DefaultKind.Json, "[]")),
            Col("Ratio", LogicalType.Simple(LogicalTypeKind.Float), true, new DefaultSpec(DefaultKind.Literal, "NaN")),
            Col("Token", LogicalType.Uuid, true, new DefaultSpec(DefaultKind.RandomUuid, null)),
            Col("Fixed", LogicalType.Uuid, true, new DefaultSpec(DefaultKind.Literal, "6F9619FF-8B86-D011-B42D-00C04FC964FF")),
            Col("Born", LogicalType.Simple(LogicalTypeKind.Date), true, new DefaultSpec(DefaultKind.Now, null)),
            Col("UpdatedAt", LogicalType.Timestamp, false, new DefaultSpec(DefaultKind.Now, null), ColumnRole.UpdatedAt),
        }, new[] { "Id" }, features, comment: "Ein Kunde \u2028 with line separator",
        indexes: new[]
        {
            Idx("customer_name_gist", IndexStructure.Spatial, new[] { IndexKey.Of("Id"), new IndexKey("Name", null, false, KeyMatch.Trigram) }, include: new[] { "Ratio" }, reason: "gist"),
            Idx("customer_born_brin", IndexStructure.BlockRange, new[] { IndexKey.Of("Born") }, reason: "brin"),
            Idx("customer_token_hash", IndexStructure.Hash, new[] { IndexKey.Of("Token") }),
            Idx("customer_visits_gin", IndexStructure.Inverted, new[] { IndexKey.Of("Visits") }, reason: "array containment"),
        });
        var visit = Tbl("visit", new[]
        {
            Col("customer_id", LogicalType.BigInt, false, role: ColumnRole.ForeignKey),
            Col("day", LogicalType.Simple(LogicalTypeKind.Date), false),
            Col("modified_at", LogicalType.Timestamp, false, new DefaultSpec(DefaultKind.Now, null), ColumnRole.UpdatedAt),
        }, new[] { "customer_id", "day" }, features,
        fks: new[]
        {
            new ForeignKey("visit_customer_id_fkey", new[] { "customer_id" }, unicodeTable, new[] { "Id" }, DeleteAction.NoAction, Array.Empty<string>(), true, "visits of a customer"),
        });
        var audit = Tbl("AuditLog", new[]
        {
            Col("Id", LogicalType.Uuid, false, role: ColumnRole.PrimaryKey, generation: KeyGeneration.RandomUuid),
            Col("TableName", LogicalType.Text, false, role: ColumnRole.Audit),
            Col("RecordId", LogicalType.Json, false, role: ColumnRole.Audit),
            Col("Action", LogicalType.Enum(new[] { "INSERT", "UPDATE", "DELETE" }), false, role: ColumnRole.Audit),
            Col("OldValues", LogicalType.Json, true, role: ColumnRole.Audit),
            Col("NewValues", LogicalType.Json, true, role: ColumnRole.Audit),
        }, new[] { "Id" }, TableFeatures.None, TableKind.Audit);
        return new SchemaModel("Edge", "Ünïcode Schema", new[] { customer, visit, audit }, new[] { "citext" });
    }
}
