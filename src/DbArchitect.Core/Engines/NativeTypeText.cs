using System.Globalization;

namespace DbArchitect.Core.Engines;

/// <summary>A native type as the DDL spells it, split into its name and figures: "DECIMAL(12,2)" → DECIMAL, [12, 2].</summary>
internal sealed record NativeTypeText(string Name, IReadOnlyList<int> Figures)
{
    /// <summary>The figure at <paramref name="index"/>, or <paramref name="otherwise"/> when the type has none there (or says MAX).</summary>
    public int Figure(int index, int otherwise) => index < Figures.Count ? Figures[index] : otherwise;

    public static NativeTypeText Parse(string? sql)
    {
        var text = (sql ?? string.Empty).Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return new NativeTypeText(text.ToUpperInvariant(), Array.Empty<int>());
        }

        var close = text.IndexOf(')', open);
        var figures = text[(open + 1)..(close < 0 ? text.Length : close)]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>()
            .ToArray();
        return new NativeTypeText(text[..open].Trim().ToUpperInvariant(), figures);
    }
}
