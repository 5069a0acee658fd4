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
        Fields.FirstOrDefault(f => ImplicitColumns.MatchKey(f.Name) == ImplicitColumns.MatchKey(name));

    /// <summary>Adds a field after the key and tenant fields, where readers look for references.</summary>
    public void AddReference(DocumentField field)
    {
        var at = Fields.FindLastIndex(f => f.Origin is FieldOrigin.Key or FieldOrigin.Tenant or FieldOrigin.Reference) + 1;
        Fields.Insert(at, field);
    }
}
