using System.Globalization;

namespace DbArchitect.Core.Live;

/// <summary>One row of a catalog query, by column name (case-insensitive); database NULL is null.</summary>
public sealed class LiveRow
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    public LiveRow(IReadOnlyDictionary<string, object?> values)
    {
        _values = values;
    }

    public IEnumerable<string> Columns => _values.Keys;

    public object? this[string column] => _values.TryGetValue(column, out var value)
        ? value
        : throw new KeyNotFoundException($"The query returned no column named '{column}'.");

    public string? String(string column) => this[column] switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public long? Int64(string column) => this[column] is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;

    public double? Double(string column) => this[column] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    public bool? Boolean(string column) => this[column] switch
    {
        null => null,
        bool b => b,
        string s => s is "1" or "t" or "true" or "YES" or "ON" or "on" or "yes",
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0,
    };

    public IReadOnlyList<string> Strings(string column) => this[column] switch
    {
        null => Array.Empty<string>(),
        string[] a => a,
        System.Collections.IEnumerable e and not string => e.Cast<object?>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
        var v => new[] { Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty },
    };
}
