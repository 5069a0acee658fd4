using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Sizes of each collection from <see cref="BsonSize"/>: the typical document, documents today and at the horizon, data
/// and index bytes at the horizon (uncompressed: WiredTiger's block compression usually stores less, which this does
/// not count), and inserts per day.
/// </summary>
internal static class MongoSizing
{
    /// <summary>Characters of a typical word, and bytes of a text index entry (word, score, record id).</summary>
    private const int WordCharacters = 6;
    private const int TextEntryBytes = WordCharacters + 8 + 8;

    public static DocumentSize Measure(CollectionDraft collection, TypicalValues values)
    {
        var average = BsonSize.Document(collection.Fields, values);
        var documents = collection.Documents.AtRetention;
        var data = checked(documents * average);
        long index = checked(documents * BsonSize.IndexEntry(new[] { collection.Fields[0] }, values));
        foreach (var entry in collection.Indexes)
        {
            if (entry.Keys.Any(k => k.Kind == IndexKeyKind.Text))
            {
                // One entry per distinct word: the word, its score and the record id.
                var characters = entry.Keys.Where(k => k.Kind == IndexKeyKind.Text).Sum(k => collection.FieldAt(k.Field) is { } f ? BsonSize.Value(f, values) : 0);
                index = checked(index + documents * Math.Max(1, characters / WordCharacters) * TextEntryBytes);
                continue;
            }

            // A key into an array (a multikey index) has one entry per element.
            var perDocument = entry.Keys.Any(k => k.Field.Contains('.', StringComparison.Ordinal) && collection.Field(k.Field.Split('.')[0])?.Type == DocumentValueType.Array)
                ? values.ArrayElements : 1;
            index = checked(index + documents * perDocument * entry.EntryBytes);
        }

        return new DocumentSize(average, Math.Max(average, BsonSize.Document(collection.Fields, values)), collection.Documents.Today, documents, data, index, collection.InsertsPerDay);
    }

    public static IReadOnlyList<string> Assumptions(TypicalValues values) => new[]
    {
        "Document sizes follow the BSON specification: 5 bytes a document, a type byte and the NUL-terminated field name per element, then the value (int 4, long/double/date 8, decimal 16, UUID 21, ObjectId 12, string 5 + UTF-8 bytes).",
        $"Text widths are typical values (a string(n) fills {values.StringFill:0%} of n unless its name says what it holds, e-mail {values.Email}, URL {values.Url}, text {values.Text} characters, JSON {values.Json} bytes), ASCII assumed; arrays hold {values.ArrayElements} elements; all estimated.",
        $"Index entries are the key values plus an 8-byte record id, before WiredTiger's prefix compression; a text index holds one {TextEntryBytes}-byte entry per {WordCharacters}-character word; data and index bytes are uncompressed (block compression usually stores less on disk).",
    };
}
