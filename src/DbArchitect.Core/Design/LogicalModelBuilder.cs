using DbArchitect.Core.Engines;
using Index = DbArchitect.Core.Model.Index;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Requirements → engine-neutral tables: keys by the primary key convention, foreign keys from relationships,
/// junction tables, timestamps, soft delete, the tenant key and the audit table. Indexes are planned afterwards by
/// <see cref="IndexPlanner"/>; names here follow the naming convention and are fitted to an engine later.
/// </summary>
internal sealed class LogicalModelBuilder
{
    private const string TenantEntityName = "tenant";
    private static readonly string[] AuditActions = { "INSERT", "UPDATE", "DELETE" };

    private readonly DbRequirement _requirement;
    private readonly NamingStyle _style;
    private readonly List<TableDraft> _tables = new();
    private readonly Dictionary<string, TableDraft> _byEntity = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DesignDecision> _decisions;
    private readonly EngineWording _wording;
    private readonly List<DbArchitectError> _errors = new();

    public LogicalModelBuilder(DbRequirement requirement, List<DesignDecision> decisions, EngineWording? wording = null)
    {
        _requirement = requirement;
        _style = requirement.Conventions.Naming;
        _decisions = decisions;
        _wording = wording ?? EngineWording.Neutral;
    }

    private bool MultiTenant => _requirement.Application.Tenancy == Tenancy.Multi;

    private LogicalType KeyType => _requirement.Conventions.PrimaryKey switch
    {
        PrimaryKeyKind.BigInt => LogicalType.BigInt,
        PrimaryKeyKind.Int => LogicalType.Int,
        _ => LogicalType.Uuid,
    };

    private KeyGeneration KeyGeneration => _requirement.Conventions.PrimaryKey == PrimaryKeyKind.Uuid ? KeyGeneration.RandomUuid : KeyGeneration.Identity;

    public IReadOnlyList<TableDraft> Build()
    {
        var tenant = MultiTenant ? BuildTenantTable() : null;
        foreach (var entity in _requirement.Entities)
        {
            if (_byEntity.ContainsKey(entity.Name))
            {
                continue;
            }

            BuildEntity(entity, tenant);
        }

        foreach (var relationship in _requirement.Relationships)
        {
            if (relationship.Kind == RelationshipKind.ManyToMany)
            {
                BuildJunction(relationship, tenant);
            }
            else
            {
                AddForeignKey(relationship);
            }
        }

        AddTimestampColumns();
        if (_tables.Any(t => t.Features.Audit))
        {
            BuildAuditTable();
        }

        if (_errors.Count > 0)
        {
            throw new DbArchitectException(_errors);
        }

        return _tables;
    }

    public TableDraft? TableForEntity(string entity) => _byEntity.GetValueOrDefault(entity);

    private string N(string name) => Naming.Apply(_style, name);

    private TableDraft BuildTenantTable()
    {
        var declared = _requirement.Entities.FirstOrDefault(e => string.Equals(e.Name, TenantEntityName, StringComparison.OrdinalIgnoreCase));
        if (declared is not null)
        {
            var table = BuildEntity(declared, null);
            _decisions.Add(new DesignDecision(DesignAreas.Schema, table.Name,
                "The declared entity is the tenant root",
                "Multi-tenant data is keyed by tenant_id referencing this table; the tenant row itself is not tenant-scoped."));
            return table;
        }

        var generated = new TableDraft(N(TenantEntityName), TableKind.Tenant, null)
        {
            Comment = "Tenants of the application; every tenant-owned row carries a reference to one of these.",
            Features = new TableFeatures(_requirement.Conventions.Timestamps, false, _requirement.Conventions.Audit, false),
        };
        AddPrimaryKeyColumn(generated);
        generated.Columns.Add(new Column(N("name"), LogicalType.String(200), false, null, ColumnRole.Attribute, KeyGeneration.None,
            "Display name of the tenant.", null));
        generated.PrimaryKey = new PrimaryKey(Naming.Compose(_style, "pk", new[] { generated.Name }), new[] { N(ImplicitColumns.Id) });
        _tables.Add(generated);
        _decisions.Add(new DesignDecision(DesignAreas.Schema, generated.Name,
            "Generated a tenant table",
            "tenancy: multi and no entity named 'tenant' was declared; tenant_id on every tenant-owned table references it."));
        return generated;
    }

    private TableDraft BuildEntity(EntitySpec entity, TableDraft? tenant)
    {
        var conventions = _requirement.Conventions;
        var isTenantRoot = string.Equals(entity.Name, TenantEntityName, StringComparison.OrdinalIgnoreCase) && MultiTenant;
        var features = new TableFeatures(
            entity.Timestamps ?? conventions.Timestamps,
            entity.SoftDelete ?? conventions.SoftDelete,
            entity.Audit ?? conventions.Audit,
            MultiTenant && !isTenantRoot && (entity.TenantScoped ?? true));
        var table = new TableDraft(N(entity.Name), isTenantRoot ? TableKind.Tenant : TableKind.Entity, entity.Name)
        {
            Comment = CommentText.OneLine(entity.Description),
            Features = features,
            EstimatedRows = entity.Rows,
            RowsPerDay = entity.RowsPerDay,
        };

        AddPrimaryKeyColumn(table);
        var keyColumns = new List<string>();
        if (features.TenantScoped && tenant is not null)
        {
            var tenantColumn = N(ImplicitColumns.TenantId);
            table.Columns.Add(new Column(tenantColumn, TenantKeyType(tenant), false, null, ColumnRole.TenantKey, KeyGeneration.None,
                "Tenant that owns this row; " + _wording.TenantIsolation, null));
            keyColumns.Add(tenantColumn);
            table.ForeignKeys.Add(new ForeignKey(
                Naming.Compose(_style, "fk", new[] { table.Name, tenantColumn }), new[] { tenantColumn }, tenant.Name,
                new[] { N(ImplicitColumns.Id) }, DeleteAction.Restrict, Array.Empty<string>(), true,
                "Every tenant-owned row belongs to an existing tenant; RESTRICT so that deleting a tenant is a deliberate offboarding job, not a cascade."));
        }

        keyColumns.Add(N(ImplicitColumns.Id));
        table.PrimaryKey = new PrimaryKey(Naming.Compose(_style, "pk", new[] { table.Name }), keyColumns);
        if (keyColumns.Count > 1)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Schema, table.Name,
                $"Primary key ({string.Join(", ", keyColumns)})",
                "Leading with the tenant key keeps each tenant's rows together in the key index, lets foreign keys include the tenant (a row can never reference another tenant's row) and is the distribution key if the database is later sharded by tenant."));
        }

        foreach (var attribute in entity.Attributes)
        {
            AddAttribute(table, attribute);
        }

        _tables.Add(table);
        _byEntity[entity.Name] = table;
        return table;
    }

    private LogicalType TenantKeyType(TableDraft tenant) =>
        tenant.FindColumn(N(ImplicitColumns.Id))?.Type ?? KeyType;

    private void AddPrimaryKeyColumn(TableDraft table)
    {
        var comment = KeyGeneration == KeyGeneration.RandomUuid
            ? "Surrogate primary key: a random UUID, so keys can be generated anywhere and never reveal volumes."
            : "Surrogate primary key from an identity column.";
        table.Columns.Add(new Column(N(ImplicitColumns.Id), KeyType, false, null, ColumnRole.PrimaryKey, KeyGeneration, comment, null));
    }

    private void AddAttribute(TableDraft table, AttributeSpec attribute)
    {
        var name = N(attribute.Name);
        var column = new Column(name, attribute.Type, !attribute.Required, attribute.Default, ColumnRole.Attribute, KeyGeneration.None,
            CommentText.OneLine(attribute.Description), null)
        {
            Profile = attribute.AverageLength is null && attribute.NullShare is null
                ? null
                : new ValueProfile(attribute.AverageLength, attribute.NullShare, attribute.ProfileSource ?? "the requirements"),
        };
        table.Columns.Add(column);

        if (attribute.Check is { } check)
        {
            table.Checks.Add(new CheckConstraint(Naming.Compose(_style, "ck", new[] { table.Name, name }), name, CheckKind.Conditions,
                check.Conditions, Array.Empty<string>(), $"Declared check: {check.Text}"));
        }

        AddTypeChecks(table, name, attribute.Type);
        if (attribute.Unique)
        {
            AddUnique(table, column);
        }
    }

    private void AddTypeChecks(TableDraft table, string column, LogicalType type)
    {
        switch (type.Kind)
        {
            case LogicalTypeKind.Enum:
                table.Checks.Add(new CheckConstraint(Naming.Compose(_style, "ck", new[] { table.Name, column, "values" }), column,
                    CheckKind.EnumMembers, Array.Empty<CheckCondition>(), type.EnumValues,
                    $"Enumerated values of {column}: {string.Join(", ", type.EnumValues)}."));
                break;
            case LogicalTypeKind.Array when type.Element!.Kind == LogicalTypeKind.Enum:
                table.Checks.Add(new CheckConstraint(Naming.Compose(_style, "ck", new[] { table.Name, column, "values" }), column,
                    CheckKind.EnumArrayMembers, Array.Empty<CheckCondition>(), type.Element.EnumValues,
                    $"Every element of {column} is one of: {string.Join(", ", type.Element.EnumValues)}."));
                break;
            case LogicalTypeKind.Email:
                table.Checks.Add(new CheckConstraint(Naming.Compose(_style, "ck", new[] { table.Name, column, "format" }), column,
                    CheckKind.EmailFormat, Array.Empty<CheckCondition>(), Array.Empty<string>(),
                    "Cheap shape check (one @, no spaces); real verification belongs to the application's confirmation mail."));
                break;
            case LogicalTypeKind.Url:
                table.Checks.Add(new CheckConstraint(Naming.Compose(_style, "ck", new[] { table.Name, column, "format" }), column,
                    CheckKind.UrlFormat, Array.Empty<CheckCondition>(), Array.Empty<string>(),
                    "URL must start with a scheme (https://, mailto: is refused on purpose: it has no //)."));
                break;
        }
    }

    /// <summary>
    /// Uniqueness is per tenant in a multi-tenant design, case-insensitive for e-mail addresses, and ignores
    /// soft-deleted rows (so an address can be registered again after its owner was deleted). The latter two need a
    /// unique index rather than a constraint.
    /// </summary>
    private void AddUnique(TableDraft table, Column column)
    {
        var tenant = table.FindByRole(ColumnRole.TenantKey);
        var lowered = column.Type.Kind == LogicalTypeKind.Email;
        var partial = table.Features.SoftDelete;
        var scope = tenant is null ? string.Empty : " within a tenant";
        if (!lowered && !partial)
        {
            var columns = tenant is null ? new[] { column.Name } : new[] { tenant.Name, column.Name };
            table.UniqueKeys.Add(new UniqueKey(Naming.Compose(_style, "uq", new[] { table.Name, column.Name }), columns,
                $"{column.Name} is unique{scope} (declared unique: true)."));
            return;
        }

        var keys = new List<IndexKey>();
        if (tenant is not null)
        {
            keys.Add(IndexKey.Of(tenant.Name));
        }

        keys.Add(lowered
            ? new IndexKey(null, new IndexExpression(IndexExpressionKind.Lower, new[] { column.Name }, null), false, KeyMatch.Ordinary)
            : IndexKey.Of(column.Name));
        var reasons = new List<string> { $"{column.Name} is unique{scope} (declared unique: true)" };
        if (lowered)
        {
            reasons.Add("compared case-insensitively, because Ann@x.com and ann@x.com are one mailbox");
        }

        if (partial)
        {
            reasons.Add("soft-deleted rows are excluded so the value can be reused after a delete");
        }

        table.Indexes.Add(new Index(
            Naming.Compose(_style, "ux", new[] { table.Name, lowered ? "lower_" + column.Name : column.Name }),
            keys, Array.Empty<string>(), IndexStructure.Ordered, true,
            partial ? SoftDeletePredicate() : null,
            string.Join("; ", reasons) + ".",
            new[] { "unique " + column.Name }));
    }

    private IndexPredicate SoftDeletePredicate() =>
        new(new[] { new ColumnTest(N(ImplicitColumns.DeletedAt), PredicateKind.IsNull) });

    private void AddForeignKey(RelationshipSpec relationship)
    {
        var parent = _byEntity[relationship.From];
        var child = _byEntity[relationship.To];
        var column = N(ImplicitColumns.ForeignKeyColumn(relationship));
        if (parent.Kind == TableKind.Tenant && child.Features.TenantScoped && child.FindColumn(column)?.Role == ColumnRole.TenantKey)
        {
            // "tenant has many X" names the tenant key itself; it only sets what happens when a tenant is deleted.
            var index = child.ForeignKeys.FindIndex(f => f.Columns.Count == 1 && f.Columns[0] == column);
            child.ForeignKeys[index] = child.ForeignKeys[index] with
            {
                OnDelete = relationship.OnDelete,
                Reason = $"Every tenant-owned row belongs to an existing tenant; ON DELETE {DeleteText(relationship.OnDelete)} as declared.",
            };
            return;
        }

        var keyType = parent.FindColumn(N(ImplicitColumns.Id))!.Type;
        var verb = relationship.Kind == RelationshipKind.OneToOne ? "one-to-one" : "one-to-many";
        var comment = CommentText.OneLine(relationship.Description)
            ?? $"References {parent.Name} ({verb}{(relationship.Required ? string.Empty : ", optional")}).";
        child.Columns.Add(new Column(column, keyType, !relationship.Required, null, ColumnRole.ForeignKey, KeyGeneration.None, comment, null));

        var (columns, referenced) = ForeignKeyShape(child, parent, column, relationship);
        child.ForeignKeys.Add(new ForeignKey(
            Naming.Compose(_style, "fk", new[] { child.Name, column }), columns, parent.Name, referenced, relationship.OnDelete,
            relationship.OnDelete == DeleteAction.SetNull && columns.Count > 1 ? new[] { column } : Array.Empty<string>(),
            relationship.Required,
            $"{relationship.From} {verb} {relationship.To}; ON DELETE {DeleteText(relationship.OnDelete)}."));

        if (relationship.Kind == RelationshipKind.OneToOne)
        {
            var uniqueColumns = columns.Count > 1 ? columns : new[] { column };
            child.UniqueKeys.Add(new UniqueKey(Naming.Compose(_style, "uq", new[] { child.Name, column }), uniqueColumns,
                $"One-to-one: each {relationship.From} has at most one {relationship.To}."));
        }
    }

    /// <summary>
    /// The foreign key's columns. When both sides are tenant-scoped the key includes tenant_id, so the database itself
    /// refuses a reference to another tenant's row.
    /// </summary>
    private (IReadOnlyList<string> Columns, IReadOnlyList<string> Referenced) ForeignKeyShape(
        TableDraft child, TableDraft parent, string column, RelationshipSpec relationship)
    {
        var id = N(ImplicitColumns.Id);
        if (!parent.Features.TenantScoped)
        {
            return (new[] { column }, new[] { id });
        }

        if (!child.Features.TenantScoped)
        {
            _errors.Add(new DbArchitectError("TenantScopeMismatch", ErrorKind.InvalidData,
                $"{relationship.To} is not tenant-scoped but references tenant-scoped {relationship.From}: its rows would point into one tenant's data while being visible to all.",
                $"Remove 'tenantScoped: false' from {relationship.To}, or make {relationship.From} shared with 'tenantScoped: false'.",
                relationship.Location));
            return (new[] { column }, new[] { id });
        }

        var tenant = N(ImplicitColumns.TenantId);
        return (new[] { tenant, column }, new[] { tenant, id });
    }

    private static string DeleteText(DeleteAction action) => action switch
    {
        DeleteAction.Cascade => "CASCADE",
        DeleteAction.SetNull => "SET NULL",
        DeleteAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };

    private void BuildJunction(RelationshipSpec relationship, TableDraft? tenant)
    {
        var left = _byEntity[relationship.From];
        var right = _byEntity[relationship.To];
        var (fromName, toName) = ImplicitColumns.JunctionColumns(relationship);
        var fromColumn = N(fromName);
        var toColumn = N(toName);
        var scoped = MultiTenant && (left.Features.TenantScoped || right.Features.TenantScoped);
        var conventions = _requirement.Conventions;
        var table = new TableDraft(N(relationship.Through!), TableKind.Junction, relationship.Through)
        {
            Comment = CommentText.OneLine(relationship.Description) ?? $"Links {left.Name} and {right.Name} (many-to-many).",
            Features = new TableFeatures(conventions.Timestamps && relationship.Attributes.Count > 0, false, conventions.Audit, scoped),
            EstimatedRows = right.EstimatedRows is { } r && left.EstimatedRows is { } l ? Math.Max(r, l) : null,
        };

        var key = new List<string>();
        if (scoped && tenant is not null)
        {
            var tenantColumn = N(ImplicitColumns.TenantId);
            table.Columns.Add(new Column(tenantColumn, TenantKeyType(tenant), false, null, ColumnRole.TenantKey, KeyGeneration.None,
                "Tenant that owns this link; " + _wording.TenantIsolation, null));
            key.Add(tenantColumn);
            table.ForeignKeys.Add(new ForeignKey(Naming.Compose(_style, "fk", new[] { table.Name, tenantColumn }), new[] { tenantColumn },
                tenant.Name, new[] { N(ImplicitColumns.Id) }, DeleteAction.Restrict, Array.Empty<string>(), true,
                "Every link belongs to an existing tenant."));
        }

        foreach (var (column, parent) in new[] { (fromColumn, left), (toColumn, right) })
        {
            table.Columns.Add(new Column(column, parent.FindColumn(N(ImplicitColumns.Id))!.Type, false, null, ColumnRole.ForeignKey,
                KeyGeneration.None, $"References {parent.Name}.", null));
            key.Add(column);
        }

        table.PrimaryKey = new PrimaryKey(Naming.Compose(_style, "pk", new[] { table.Name }), key);
        foreach (var (column, parent) in new[] { (fromColumn, left), (toColumn, right) })
        {
            var (columns, referenced) = ForeignKeyShape(table, parent, column, relationship);
            table.ForeignKeys.Add(new ForeignKey(Naming.Compose(_style, "fk", new[] { table.Name, column }), columns, parent.Name, referenced,
                relationship.OnDelete, Array.Empty<string>(), true,
                $"{relationship.From} many-to-many {relationship.To} through {relationship.Through}; ON DELETE {DeleteText(relationship.OnDelete)}."));
        }

        foreach (var attribute in relationship.Attributes)
        {
            AddAttribute(table, attribute);
        }

        _tables.Add(table);
        _byEntity[relationship.Through!] = table;
        _decisions.Add(new DesignDecision(DesignAreas.Schema, table.Name,
            $"Junction table with primary key ({string.Join(", ", key)})",
            $"Many-to-many between {left.Name} and {right.Name}: the composite key forbids duplicate links and serves lookups from {left.Name}; a second index serves the reverse direction."));
    }

    private void AddTimestampColumns()
    {
        foreach (var table in _tables)
        {
            var junctionCreated = table.Kind == TableKind.Junction && _requirement.Conventions.Timestamps;
            if (table.Features.Timestamps || junctionCreated)
            {
                table.Columns.Add(new Column(N(ImplicitColumns.CreatedAt), LogicalType.Timestamp, false, new DefaultSpec(DefaultKind.Now, null),
                    ColumnRole.CreatedAt, KeyGeneration.None, "When the row was inserted.", null));
            }

            if (table.Features.Timestamps)
            {
                table.Columns.Add(new Column(N(ImplicitColumns.UpdatedAt), LogicalType.Timestamp, false, new DefaultSpec(DefaultKind.Now, null),
                    ColumnRole.UpdatedAt, KeyGeneration.None, "When the row last changed; maintained by a trigger.", null));
            }

            if (table.Features.SoftDelete)
            {
                table.Columns.Add(new Column(N(ImplicitColumns.DeletedAt), LogicalType.Timestamp, true, null, ColumnRole.DeletedAt,
                    KeyGeneration.None, "Soft-delete marker: NULL while the row is live, the deletion time afterwards.", null));
            }
        }
    }

    private void BuildAuditTable()
    {
        var wanted = N("audit_log");
        var name = _tables.Any(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase)) ? N("dbarchitect_audit_log") : wanted;
        var table = new TableDraft(name, TableKind.Audit, null)
        {
            Comment = "Change history of audited tables, written by the audit trigger; append-only.",
            Features = TableFeatures.None,
        };
        var volume = AuditVolume.PerDay(_requirement.Workload, _tables.Where(t => t.Features.Audit));
        table.RowsPerDay = volume?.RowsPerDay;
        var id = N(ImplicitColumns.Id);
        table.Columns.Add(new Column(id, LogicalType.BigInt, false, null, ColumnRole.PrimaryKey, KeyGeneration.Identity,
            "Sequential key: the audit log is append-only, so a bigint identity keeps inserts at the right edge of the index.", null));
        if (MultiTenant)
        {
            var tenantTable = _tables.First(t => t.Kind == TableKind.Tenant);
            table.Columns.Add(new Column(N(ImplicitColumns.TenantId), TenantKeyType(tenantTable), true, null, ColumnRole.TenantKey,
                KeyGeneration.None, "Tenant of the changed row (NULL for tables that are not tenant-scoped).", null));
        }

        table.Columns.Add(AuditColumn("table_name", LogicalType.String(128), false, "Table the change was made to."));
        table.Columns.Add(AuditColumn("record_id", LogicalType.Text, false, "Primary key of the changed row: the value as text, or a composite key as a JSON object."));
        table.Columns.Add(AuditColumn("action", LogicalType.Enum(AuditActions), false, "INSERT, UPDATE or DELETE."));
        table.Columns.Add(AuditColumn("changed_by", LogicalType.String(200), true, "Application user from the session setting app.user_id, when set."));
        table.Columns.Add(new Column(N("changed_at"), LogicalType.Timestamp, false, new DefaultSpec(DefaultKind.Now, null), ColumnRole.Audit,
            KeyGeneration.None, "When the change was made.", null));
        table.Columns.Add(AuditColumn("old_values", LogicalType.Json, true, "Row before the change (for UPDATE only the changed columns)."));
        table.Columns.Add(AuditColumn("new_values", LogicalType.Json, true, "Row after the change (for UPDATE only the changed columns)."));
        table.PrimaryKey = new PrimaryKey(Naming.Compose(_style, "pk", new[] { name }), new[] { id });
        var action = N("action");
        table.Checks.Add(new CheckConstraint(Naming.Compose(_style, "ck", new[] { name, action, "values" }), action, CheckKind.EnumMembers,
            Array.Empty<CheckCondition>(), AuditActions, "Only the three DML actions are recorded."));
        _tables.Add(table);
        _decisions.Add(new DesignDecision(DesignAreas.Security, name,
            "Audit log written by a trigger",
            "conventions.audit (or an entity's audit: true) asks for a change history; a trigger cannot be bypassed by application code, and storing only changed columns for UPDATE keeps the log small."
            + (volume is { } v ? $" Growth: {v.Arithmetic}." : string.Empty)));

        Column AuditColumn(string column, LogicalType type, bool nullable, string comment) =>
            new(N(column), type, nullable, null, ColumnRole.Audit, KeyGeneration.None, comment, null);
    }
}
