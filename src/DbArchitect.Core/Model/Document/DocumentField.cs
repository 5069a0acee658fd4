namespace DbArchitect.Core.Model.Document;

/// <summary>
/// The value types a document store holds, named by what they are rather than by one engine's spelling; each engine of
/// the family maps them to its own (MongoDB's bsonType "long", "decimal", "binData"…). A <see cref="Point"/> is a GeoJSON
/// Point, a closed sub-document whose <see cref="DocumentField.Fields"/> are its type and its [longitude, latitude].
/// </summary>
public enum DocumentValueType { String, Int32, Int64, Double, Decimal128, Boolean, Date, ObjectId, Uuid, Binary, Object, Array, Point }

/// <summary>
/// The rules a validator enforces on one value: allowed members, a regular expression, numeric bounds (inclusive unless
/// marked exclusive), string lengths and array sizes. Bounds are decimal so "0.01" stays exact.
/// </summary>
public sealed record FieldRules
{
    public static FieldRules None { get; } = new();

    public IReadOnlyList<string> Enum { get; init; } = Array.Empty<string>();

    /// <summary>Values the field may not take ("&lt;&gt; x" in a check).</summary>
    public IReadOnlyList<string> NotEnum { get; init; } = Array.Empty<string>();

    public string? Pattern { get; init; }

    public decimal? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public decimal? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Enum.Count == 0 && NotEnum.Count == 0 && Pattern is null && Minimum is null && Maximum is null
        && MinLength is null && MaxLength is null;
}

public enum FieldOrigin { Key, Attribute, Tenant, Timestamp, SoftDelete, Reference, Embedded, Bucket }

/// <summary>
/// One field of a document. An object field lists its own <see cref="Fields"/>; an array field describes its elements in
/// <see cref="Items"/> (an array of embedded documents has an object item with fields). <see cref="Nullable"/> fields
/// hold an explicit null when unset (the soft-delete marker); other optional fields are simply left out.
/// </summary>
public sealed record DocumentField(string Name, DocumentValueType Type, bool Required, FieldRules Rules, FieldOrigin Origin, string? Description)
{
    public bool Nullable { get; init; }

    public DocumentField? Items { get; init; }

    public IReadOnlyList<DocumentField> Fields { get; init; } = Array.Empty<DocumentField>();

    /// <summary>Embedded fields that are free-form (a JSON attribute): any content, no validator below this level.</summary>
    public bool FreeForm { get; init; }

    /// <summary>The logical type the field comes from, as written ("string(200)"); null for fields the design adds.</summary>
    public string? LogicalType { get; init; }

    /// <summary>Most elements an array may hold (a bucket's capacity); null when unbounded by the validator.</summary>
    public int? MaxItems { get; init; }

    /// <summary>An array of exactly these elements, each with its own rules (a point's longitude then latitude); null for a list of <see cref="Items"/>.</summary>
    public IReadOnlyList<DocumentField>? Positions { get; init; }

    /// <summary>The attribute as a column of the shared capacity rules (TypicalValues widths); not part of the exported model.</summary>
    internal Column? Source { get; init; }
}
