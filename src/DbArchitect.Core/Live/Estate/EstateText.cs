using System.Text;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// Nested figures (a health result's Evidence) as one CSV-friendly text: "key=value; key2=value2", keys in ordinal
/// order. A ';' or '\' inside a key or value is escaped with '\', so the text splits back unambiguously.
/// </summary>
public static class EstateText
{
    public static string Flatten(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(Escape(key).Replace("=", "\\=", StringComparison.Ordinal)).Append('=').Append(Escape(value ?? string.Empty));
        }

        return text.ToString();
    }

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);
}
