using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Bytes of documents by the BSON specification (bsonspec.org): a document is an int32 length, its elements and a
/// trailing 0x00; an element is a type byte, the field name as a NUL-terminated UTF-8 string and the value. Values:
/// int32 4, int64/double/date 8, decimal128 16, bool 1, ObjectId 12, string int32 length + UTF-8 bytes + NUL, binary
/// int32 length + subtype byte + bytes (a UUID 16), an array a document whose keys are "0", "1", …. Text widths and
/// JSON and array sizes are the shared <see cref="TypicalValues"/>; ASCII text is assumed (one byte a character).
/// Field names are stored in every document, which is why they count.
/// </summary>
internal static class BsonSize
{
    public const int DocumentOverhead = 5;

    /// <summary>MongoDB's limit on one document.</summary>
    public const long MaxDocumentBytes = 16L * 1024 * 1024;

    public static int Document(IEnumerable<DocumentField> fields, TypicalValues values) =>
        checked(DocumentOverhead + fields.Sum(f => Element(f, values)));

    /// <summary>Expected bytes of one element: the value's bytes weighted by how often it is present.</summary>
    public static int Element(DocumentField field, TypicalValues values)
    {
        var bytes = checked(1 + Encoding.UTF8.GetByteCount(field.Name) + 1 + Value(field, values));
        return field.Source is { } column && !field.Required ? values.Expected(column, bytes) : bytes;
    }

    public static int Value(DocumentField field, TypicalValues values) => field.Type switch
    {
        DocumentValueType.Int32 => 4,
        DocumentValueType.Int64 or DocumentValueType.Double or DocumentValueType.Date => 8,
        DocumentValueType.Decimal128 => 16,
        DocumentValueType.Boolean => 1,
        DocumentValueType.ObjectId => 12,
        DocumentValueType.Uuid => 4 + 1 + 16,
        DocumentValueType.Binary => checked(4 + 1 + (field.Source is { } c ? values.Size(c) : values.Binary)),
        DocumentValueType.String => checked(4 + Characters(field, values) + 1),
        DocumentValueType.Object when field.FreeForm || field.Fields.Count == 0 => field.Source is { } c ? Math.Max(DocumentOverhead, values.Size(c)) : values.Json,
        DocumentValueType.Object or DocumentValueType.Point => Document(field.Fields, values),
        DocumentValueType.Array when field.Positions is { } positions => Tuple(positions, values),
        DocumentValueType.Array => Array(field.Items, field.MaxItems ?? values.ArrayElements, values),
        _ => 0,
    };

    /// <summary>An array of <paramref name="count"/> elements like <paramref name="item"/>.</summary>
    public static int Array(DocumentField? item, long count, TypicalValues values)
    {
        if (item is null || count <= 0)
        {
            return DocumentOverhead;
        }

        long total = DocumentOverhead;
        var value = Value(item, values);
        for (long i = 0; i < count; i++)
        {
            total = checked(total + 1 + Digits(i) + 1 + value);
        }

        return checked((int)total);
    }

    /// <summary>An array of exactly these elements (keys "0", "1", …).</summary>
    private static int Tuple(IReadOnlyList<DocumentField> positions, TypicalValues values) =>
        checked(DocumentOverhead + positions.Select((p, i) => 1 + Digits(i) + 1 + Value(p, values)).Sum());

    private static int Digits(long i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    private static int Characters(DocumentField field, TypicalValues values)
    {
        if (field.Source is { } column)
        {
            return values.Size(column);
        }

        return field.Rules.Enum.Count > 0
            ? (int)Math.Round(field.Rules.Enum.Average(v => (double)Encoding.UTF8.GetByteCount(v)), MidpointRounding.AwayFromZero)
            : field.Rules.MaxLength ?? values.Text;
    }

    /// <summary>
    /// Bytes of one index entry: the key values plus an 8-byte record id, before WiredTiger's prefix compression. A point
    /// is keyed by the one S2 cell that holds it, a 64-bit integer (2dsphere version 3), not by its GeoJSON bytes.
    /// </summary>
    public static int IndexEntry(IEnumerable<DocumentField?> keyFields, TypicalValues values) =>
        checked(8 + keyFields.Sum(f => f is null or { Type: DocumentValueType.Point } ? 8 : f.Type == DocumentValueType.Array && f.Items is { } item ? Value(item, values) : Math.Min(Value(f, values), 1024)));
}
