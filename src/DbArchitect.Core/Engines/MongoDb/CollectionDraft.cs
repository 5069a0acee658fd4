using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>A collection while the designer builds it: fields grow as relationships are placed, then it is frozen.</summary>
internal sealed class CollectionDraft
{
    public CollectionDraft(string name, CollectionKind kind, MongoEntity? entity, string? description, IEnumerable<DocumentField> fields, Horizons documents)
    {
        Name = name;
        Kind = kind;
        Entity = entity;
        Description = description;
        Fields = fields.ToList();
        Documents = documents;
    }

    public string Name { get; }

    public CollectionKind Kind { get; set; }

    public MongoEntity? Entity { get; }

    public string? Description { get; }

    public List<DocumentField> Fields { get; }

    public List<string> Embeds { get; } = new();

    public List<DocumentIndex> Indexes { get; } = new();

    /// <summary>Documents at each horizon (bucket documents for a bucketed child).</summary>
    public Horizons Documents { get; set; }

    public long InsertsPerDay { get; set; }

    public bool TenantScoped => Fields.Any(f => f.Origin == FieldOrigin.Tenant);

    public bool SoftDelete => Fields.Any(f => f.Origin == FieldOrigin.SoftDelete);

    /// <summary>The bucketed child's time field (inside the items) and the bucket's own start field.</summary>
    public string? BucketTime { get; set; }

    /// <summary>Seconds one bucket covers.</summary>
    public long? BucketSeconds { get; set; }

    public DocumentField? Field(string name) =>
        Fields.FirstOrDefault(f => ImplicitColumns.SameKey(f.Name, name));

    /// <summary>The field at a dotted path ("payment.amount", "order_item.product_id"), through sub-documents and array items; a wildcard ("custom_fields.$**") names its object.</summary>
    public DocumentField? FieldAt(string path)
    {
        IReadOnlyList<DocumentField> level = Fields;
        DocumentField? field = null;
        foreach (var step in path.Split('.'))
        {
            if (step == "$**")
            {
                return field;
            }

            field = level.FirstOrDefault(f => string.Equals(f.Name, step, StringComparison.Ordinal));
            if (field is null)
            {
                return null;
            }

            var inner = field.Type == DocumentValueType.Array ? field.Items : field;
            level = inner?.Fields ?? Array.Empty<DocumentField>();
        }

        return field;
    }

    /// <summary>Adds a field after the key and tenant fields, where readers look for references.</summary>
    public void AddReference(DocumentField field)
    {
        var at = Fields.FindLastIndex(f => f.Origin is FieldOrigin.Key or FieldOrigin.Tenant or FieldOrigin.Reference) + 1;
        Fields.Insert(at, field);
    }
}
