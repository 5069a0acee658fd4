namespace DbArchitect.Core.Indexing;

/// <summary>
/// What the advisor knows of a column: distinct values (a count, never a fraction), NULL share, average width in bytes,
/// physical order correlation (1 = stored in key order, BRIN-friendly) and the frequencies of common constants.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    double Distinct,
    double NullFraction,
    int Width,
    double Correlation,
    IReadOnlyDictionary<string, double> CommonValues,
    ColumnFamily Family)
{
    public static ColumnProfile Unknown(string name, long rows) =>
        new(name, Math.Max(1, rows / 10.0), 0, 8, 0, new Dictionary<string, double>(StringComparer.Ordinal), ColumnFamily.Other);
}

/// <summary>The kinds of column that decide which index method fits.</summary>
public enum ColumnFamily { Other, Text, Json, Time }

/// <summary>An index that exists (or the design builds) with what the server says of its use.</summary>
public sealed record ExistingIndex(IndexDefinition Definition, bool BacksConstraint, long? Scans, long? SizeBytes)
{
    /// <summary>
    /// What the index enforces or serves besides lookups, as the catalog states it ("exclusion constraint",
    /// "replica identity"); null when nothing. Such an index is never proposed for dropping.
    /// </summary>
    public string? Enforces { get; init; }
}

public sealed record ForeignKeyProfile(string Name, IReadOnlyList<string> Columns, string ReferencedTable);

/// <summary>A table as the advisor sees it.</summary>
public sealed record TableProfile(
    string Schema,
    string Name,
    long Rows,
    long Pages,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<ExistingIndex> Indexes,
    IReadOnlyList<ForeignKeyProfile> ForeignKeys)
{
    public ColumnProfile Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) ?? ColumnProfile.Unknown(name, Rows);

    public bool HasColumn(string name) => Columns.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Average row width in bytes (24-byte tuple header included).</summary>
    public int RowWidth => 24 + Columns.Sum(c => c.Width);

    /// <summary>The rows' bytes (rows × average width): what an index that copies columns is measured against.</summary>
    public double DataBytes => Math.Max(1.0, Rows * (double)RowWidth);
}
