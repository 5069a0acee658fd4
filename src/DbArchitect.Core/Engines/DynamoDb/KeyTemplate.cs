using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>How a value is written into a key so that the order of the key strings is the order of the values.</summary>
public enum KeyEncoding
{
    /// <summary>The value as text: equality only, or ascending order of text.</summary>
    Text,

    /// <summary>An integer, offset by 10^15 and padded to 16 digits so negative and positive values sort by number.</summary>
    Integer,

    /// <summary>A decimal number scaled to 4 fraction digits, then as <see cref="Integer"/>.</summary>
    Decimal,

    /// <summary>A UTC timestamp in fixed-width ISO 8601 (yyyy-MM-ddTHH:mm:ss.fffZ): text order is time order.</summary>
    Timestamp,

    /// <summary>A date as yyyy-MM-dd.</summary>
    Date,

    /// <summary>An enum value by its position in the declared list (3 digits), the order the requirement declares.</summary>
    EnumPosition,

    /// <summary>A boolean as 0 or 1.</summary>
    Boolean,

    /// <summary>The hour of a timestamp (yyyy-MM-ddTHH), an aggregate's bucket.</summary>
    Hour,

    /// <summary>The day of a timestamp or date (yyyy-MM-dd).</summary>
    Day,

    /// <summary>The Monday of the week (yyyy-MM-dd).</summary>
    Week,

    /// <summary>The month (yyyy-MM).</summary>
    Month,

    /// <summary>The year (yyyy).</summary>
    Year,

    /// <summary>The geohash cell of a latitude (the segment's attribute) and a longitude at the segment's precision.</summary>
    Geohash,
}

/// <summary>One part of a key: fixed text, or the value of an attribute in an encoding (descending: digits complemented).</summary>
public sealed record KeySegment(string? Literal, string? Attribute, KeyEncoding Encoding, bool Descending)
{
    /// <summary>Written for a missing value: after every value in ascending order, before every value in descending order (missing is the largest, as in SQL).</summary>
    public const string MissingAscending = "~";

    public const string MissingDescending = "!";

    public static KeySegment Text(string literal) => new(literal, null, KeyEncoding.Text, false);

    public static KeySegment Value(string attribute, KeyEncoding encoding = KeyEncoding.Text, bool descending = false) => new(null, attribute, encoding, descending);

    /// <summary>The geohash of <paramref name="latitude"/> and <paramref name="longitude"/> in <paramref name="precision"/> characters.</summary>
    public static KeySegment Geohash(string latitude, string longitude, int precision) =>
        new(null, latitude, KeyEncoding.Geohash, false) { Longitude = longitude, Precision = precision };

    /// <summary>For a geohash segment: the longitude attribute (<see cref="Attribute"/> holds the latitude).</summary>
    public string? Longitude { get; init; }

    /// <summary>For a geohash segment: its characters (0, and left out of design.json, for every other segment).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int Precision { get; init; }

    /// <summary>Characters this segment takes in a typical key, for the item size.</summary>
    internal int TypicalLength(Func<string, int> textLength) => Literal is not null
        ? System.Text.Encoding.UTF8.GetByteCount(Literal)
        : Encoding switch
        {
            KeyEncoding.Integer or KeyEncoding.Decimal => 16,
            KeyEncoding.Timestamp => 24,
            KeyEncoding.Date => 10,
            KeyEncoding.EnumPosition => 3,
            KeyEncoding.Boolean => 1,
            KeyEncoding.Hour => 13,
            KeyEncoding.Day or KeyEncoding.Week => 10,
            KeyEncoding.Month => 7,
            KeyEncoding.Year => 4,
            KeyEncoding.Geohash => Precision,
            _ => textLength(Attribute!),
        };
}

/// <summary>
/// A key value built from fixed text and attribute values: CUSTOMER#&lt;customer_id&gt;, ORDER#&lt;created_at&gt;#&lt;id&gt;. The same
/// template builds the key of an item when it is written and the key condition of a query, so they cannot disagree.
/// </summary>
public sealed record KeyTemplate(IReadOnlyList<KeySegment> Segments)
{
    /// <summary>The separator of key parts. A value containing it stays unambiguous only as the last part of an equality.</summary>
    public const char Separator = '#';

    private const long IntegerOffset = 1_000_000_000_000_000;

    /// <summary>The template as documentation: CUSTOMER#&lt;customer_id&gt;#ORDER#&lt;created_at desc&gt;.</summary>
    public string Pattern => Describe(null, null);

    /// <summary>
    /// The template with placeholders, <paramref name="suffix"/> added inside the placeholder of <paramref name="attribute"/>
    /// (a range's bounds: &lt;created_at from&gt;); bucketed values read &lt;day(created_at)&gt;.
    /// </summary>
    public string Describe(string? attribute, string? suffix) => string.Concat(Segments.Select(s => s.Literal ?? "<"
        + (s.Encoding is KeyEncoding.Hour or KeyEncoding.Day or KeyEncoding.Week or KeyEncoding.Month or KeyEncoding.Year
            ? s.Encoding.ToString().ToLowerInvariant() + "(" + s.Attribute + ")"
            : s.Encoding == KeyEncoding.Geohash ? string.Create(CultureInfo.InvariantCulture, $"geohash{s.Precision}({s.Attribute}, {s.Longitude})")
            : s.Attribute)
        + (s.Descending ? " desc" : string.Empty) + (s.Attribute == attribute && suffix is not null ? " " + suffix : string.Empty) + ">"));

    /// <summary>The attributes the key is built from, in order.</summary>
    public IReadOnlyList<string> Attributes => Segments.SelectMany(s => new[] { s.Attribute, s.Longitude }).OfType<string>().ToList();

    public KeyTemplate Append(params KeySegment[] segments) => new(Segments.Concat(segments).ToList());

    /// <summary>The first <paramref name="count"/> segments (a prefix for begins_with).</summary>
    public KeyTemplate Take(int count) => new(Segments.Take(count).ToList());

    /// <summary>
    /// The key of an item: each attribute's value (null when absent) in the segment's encoding. A query of one cell passes
    /// <paramref name="cell"/>, written for the geohash segment instead of the cell of the values.
    /// </summary>
    public string Render(Func<string, object?> value, Func<string, IReadOnlyList<string>> enumValues, string? cell = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(enumValues);
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            text.Append(segment.Literal ?? (segment.Encoding == KeyEncoding.Geohash
                ? cell ?? Cell(segment, value(segment.Attribute!), value(segment.Longitude!))
                : Encode(segment, value(segment.Attribute!), enumValues(segment.Attribute!))));
        }

        return text.ToString();
    }

    /// <summary>The geohash of a position; missing (sorted last) when either coordinate is absent.</summary>
    private static string Cell(KeySegment segment, object? latitude, object? longitude) =>
        latitude is null || longitude is null
            ? KeySegment.MissingAscending
            : DynamoDb.Geohash.Encode(Convert.ToDouble(latitude, CultureInfo.InvariantCulture), Convert.ToDouble(longitude, CultureInfo.InvariantCulture), segment.Precision);

    /// <summary>One value in its segment's encoding (the exported query templates document the same rules).</summary>
    public static string Encode(KeySegment segment, object? value, IReadOnlyList<string> enumValues)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (value is null)
        {
            return segment.Descending ? KeySegment.MissingDescending : KeySegment.MissingAscending;
        }

        var text = segment.Encoding switch
        {
            KeyEncoding.Integer => Padded(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            KeyEncoding.Decimal => Padded(checked((long)Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture) * 10_000m, MidpointRounding.AwayFromZero))),
            KeyEncoding.Timestamp => value is DateTimeOffset offset
                ? offset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : Convert.ToDateTime(value, CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            KeyEncoding.Date => value is DateOnly date
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : Convert.ToDateTime(value, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            KeyEncoding.EnumPosition => Position(value, enumValues),
            KeyEncoding.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture) ? "1" : "0",
            KeyEncoding.Hour => DynamoDbKeys.Bucket(Instant(value), Requirements.TimeBucket.Hour),
            KeyEncoding.Day => DynamoDbKeys.Bucket(Instant(value), Requirements.TimeBucket.Day),
            KeyEncoding.Week => DynamoDbKeys.Bucket(Instant(value), Requirements.TimeBucket.Week),
            KeyEncoding.Month => DynamoDbKeys.Bucket(Instant(value), Requirements.TimeBucket.Month),
            KeyEncoding.Year => DynamoDbKeys.Bucket(Instant(value), Requirements.TimeBucket.Year),
            KeyEncoding.Geohash => throw new ArgumentException("A geohash segment is written from both coordinates by its template's Render.", nameof(segment)),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return segment.Descending ? Complement(text) : text;
    }

    private static DateTime Instant(object value) => value switch
    {
        DateTimeOffset offset => offset.UtcDateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
    };

    private static string Padded(long value)
    {
        if (value <= -IntegerOffset || value >= IntegerOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A sort key number must lie within ±10^15.");
        }

        return (value + IntegerOffset).ToString("D16", CultureInfo.InvariantCulture);
    }

    private static string Position(object value, IReadOnlyList<string> enumValues)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        var index = enumValues.ToList().FindIndex(v => string.Equals(v, text, StringComparison.Ordinal));
        return (index < 0 ? 999 : index).ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>Each digit d becomes 9 - d: fixed-width digit strings then sort in reverse; separators stay.</summary>
    private static string Complement(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9')
            {
                chars[i] = (char)('9' - chars[i] + '0');
            }
        }

        return new string(chars);
    }
}
