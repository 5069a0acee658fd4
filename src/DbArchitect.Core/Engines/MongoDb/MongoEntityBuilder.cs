using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Entities to <see cref="MongoEntity"/>: collection and field names by the naming convention, the key, the tenant
/// key, timestamps and the soft-delete marker, and each attribute's type and validation rules. A multi-tenant
/// requirement without a tenant entity gets a generated one, as the relational designs do.
/// </summary>
internal sealed class MongoEntityBuilder
{
    private readonly DbRequirement _requirement;
    private readonly List<DesignDecision> _decisions;
    private readonly NamingStyle _style;

    public MongoEntityBuilder(DbRequirement requirement, List<DesignDecision> decisions)
    {
        _requirement = requirement;
        _decisions = decisions;
        _style = requirement.Conventions.Naming;
    }

    public DocumentValueType KeyType => _requirement.Conventions.PrimaryKey switch
    {
        PrimaryKeyKind.BigInt => DocumentValueType.Int64,
        PrimaryKeyKind.Int => DocumentValueType.Int32,
        _ => DocumentValueType.Uuid,
    };

    public string FieldName(string name) => MongoNames.Field(_style, name);

    public IReadOnlyList<MongoEntity> Build()
    {
        var multi = _requirement.Application.Tenancy == Tenancy.Multi;
        var entities = new List<MongoEntity>();
        if (multi && _requirement.FindEntity(MongoEntity.TenantEntity) is null)
        {
            var name = new AttributeSpec("name", LogicalType.String(200), true, false, null, null, "Display name of the tenant.", new SourceLocation(_requirement.SourcePath, 1, 1));
            entities.Add(Entity(new EntitySpec(MongoEntity.TenantEntity, "Tenants of the application.", null, null, new[] { name }, null, null, null, false, name.Location), multi));
            _decisions.Add(new DesignDecision(DesignAreas.Schema, "Tenants", "Generated a tenant collection",
                "tenancy: multi and no entity named 'tenant' was declared; every tenant-owned document carries tenant_id referencing it."));
        }

        entities.AddRange(_requirement.Entities.Select(e => Entity(e, multi)));
        var defaults = _requirement.Entities.SelectMany(e => e.Attributes).Count(a => a.Default is not null);
        if (defaults > 0)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Schema, "Defaults", "Written by the application",
                $"MongoDB has no column defaults; the {InvariantText.Count(defaults)} stated defaults are set by the application (or the insert's own values) and the validator requires every required field, so a document without one is refused."));
        }

        return entities;
    }

    private MongoEntity Entity(EntitySpec entity, bool multi)
    {
        var conventions = _requirement.Conventions;
        var isTenant = multi && string.Equals(entity.Name, MongoEntity.TenantEntity, StringComparison.OrdinalIgnoreCase);
        var scoped = multi && !isTenant && (entity.TenantScoped ?? true);
        var timestamps = entity.Timestamps ?? conventions.Timestamps;
        var softDelete = entity.SoftDelete ?? conventions.SoftDelete;
        var fields = new List<DocumentField>
        {
            new("_id", KeyType, true, FieldRules.None, FieldOrigin.Key, "Key of the " + entity.Name + " document."),
        };
        if (scoped)
        {
            fields.Add(new DocumentField(FieldName(ImplicitColumns.TenantId), KeyType, true, FieldRules.None, FieldOrigin.Tenant,
                "Tenant that owns the document; every query and index leads with it."));
        }

        fields.AddRange(entity.Attributes.Select(a => Attribute(entity, a)));
        var points = MongoGeoPoint.Place(_requirement, entity, fields, _decisions);

        if (timestamps)
        {
            fields.Add(new DocumentField(FieldName(ImplicitColumns.CreatedAt), DocumentValueType.Date, true, FieldRules.None, FieldOrigin.Timestamp, "When the document was created."));
            fields.Add(new DocumentField(FieldName(ImplicitColumns.UpdatedAt), DocumentValueType.Date, true, FieldRules.None, FieldOrigin.Timestamp, "When the document was last changed."));
        }

        if (softDelete)
        {
            fields.Add(new DocumentField(FieldName(ImplicitColumns.DeletedAt), DocumentValueType.Date, true, FieldRules.None, FieldOrigin.SoftDelete,
                "null while the document is live; the time it was deleted otherwise.") { Nullable = true });
        }

        return new MongoEntity(entity.Name, MongoNames.Collection(_style, entity.Name), entity.Description, isTenant, scoped, timestamps, softDelete,
            entity.Rows, entity.RowsPerDay, MongoEntity.DocumentsAt(entity.Rows, entity.RowsPerDay, _requirement.Workload.Retention), fields) { Points = points };
    }

    /// <summary>An attribute (of an entity or of a relationship) as a field with its type's and its check's rules.</summary>
    public DocumentField Attribute(EntitySpec? entity, AttributeSpec attribute)
    {
        var unexpressed = new List<string>();
        var type = attribute.Type;
        var element = type.Kind == LogicalTypeKind.Array ? type.Element! : null;
        var ruled = element ?? type;
        var rules = MongoTypes.WithCheck(MongoTypes.RulesOf(ruled), ruled, attribute.Check, unexpressed);
        if (unexpressed.Count > 0)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Schema, $"{entity?.Name ?? "link"}.{attribute.Name} check", "Enforced by the application",
                $"$jsonSchema cannot state {string.Join(" and ", unexpressed)} on a {ruled} value (bounds apply to numbers, lengths to strings); the application checks it before writing."));
        }

        var name = FieldName(attribute.Name);
        var column = new Column(name, type, !attribute.Required, attribute.Default, ColumnRole.Attribute, KeyGeneration.None, attribute.Description, null)
        {
            Profile = attribute.AverageLength is not null || attribute.NullShare is not null
                ? new ValueProfile(attribute.AverageLength, attribute.NullShare, attribute.ProfileSource ?? "the requirements")
                : null,
        };
        if (element is not null)
        {
            var items = new DocumentField(name, MongoTypes.Of(element), true, rules, FieldOrigin.Attribute, null)
            {
                LogicalType = element.ToString(),
                Source = column with { Type = element, Profile = null },
            };
            return new DocumentField(name, DocumentValueType.Array, attribute.Required, FieldRules.None, FieldOrigin.Attribute, attribute.Description)
            {
                Items = items,
                LogicalType = type.ToString(),
                Source = column,
            };
        }

        return new DocumentField(name, MongoTypes.Of(type), attribute.Required, rules, FieldOrigin.Attribute, attribute.Description)
        {
            FreeForm = type.Kind == LogicalTypeKind.Json,
            LogicalType = type.ToString(),
            Source = column,
        };
    }
}
