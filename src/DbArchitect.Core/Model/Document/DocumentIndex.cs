namespace DbArchitect.Core.Model.Document;

public enum IndexKeyKind
{
    Ascending,
    Descending,
    Text,
    Hashed,

    /// <summary>Points on a sphere (WGS 84), for nearest-first and within-radius searches; MongoDB's 2dsphere.</summary>
    Spherical,
}

public sealed record DocumentIndexKey(string Field, IndexKeyKind Kind)
{
    public override string ToString() => Kind switch
    {
        IndexKeyKind.Descending => Field + " desc",
        IndexKeyKind.Text => Field + " text",
        IndexKeyKind.Hashed => Field + " hashed",
        IndexKeyKind.Spherical => Field + " 2dsphere",
        _ => Field,
    };
}

public enum PartialTest
{
    /// <summary>The field is present (an optional unique value).</summary>
    Exists,

    /// <summary>The field holds an explicit null (a live document whose soft-delete marker is unset).</summary>
    IsNull,
}

/// <summary>One condition of a partial index's filter; all conditions must hold.</summary>
public sealed record PartialCondition(string Field, PartialTest Test);

/// <summary>
/// An index of a collection: its keys in order, uniqueness, a partial filter, a time-to-live, the access patterns it
/// serves and the reason with its figures.
/// </summary>
public sealed record DocumentIndex(string Name, IReadOnlyList<DocumentIndexKey> Keys, string Reason)
{
    public bool Unique { get; init; }

    public IReadOnlyList<PartialCondition> Partial { get; init; } = Array.Empty<PartialCondition>();

    /// <summary>Documents expire this many seconds after the key's date (retention).</summary>
    public long? ExpireAfterSeconds { get; init; }

    /// <summary>Compares text case-insensitively (a collation of strength 2): e-mail addresses.</summary>
    public bool CaseInsensitive { get; init; }

    /// <summary>Language of a text index ("english", "none").</summary>
    public string? Language { get; init; }

    public IReadOnlyList<string> Serves { get; init; } = Array.Empty<string>();

    /// <summary>Bytes one entry takes (keys plus the record reference), an estimate.</summary>
    public int EntryBytes { get; init; }
}

/// <summary>
/// How a collection is spread over shards: its key (ranged or hashed), the zones that pin key ranges (tenants) to
/// shards, and the reason with the arithmetic.
/// </summary>
public sealed record ShardKey(IReadOnlyList<DocumentIndexKey> Keys, string Reason)
{
    public IReadOnlyList<string> Zones { get; init; } = Array.Empty<string>();

    public bool Hashed => Keys.Any(k => k.Kind == IndexKeyKind.Hashed);
}
