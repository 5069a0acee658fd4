using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Model.Document;

/// <summary>How a relationship of the logical model lives in documents.</summary>
public enum DocumentLink
{
    /// <summary>The child is a sub-document (one-to-one) or an array of sub-documents (one-to-few) inside the parent.</summary>
    Embed,

    /// <summary>The child is its own document holding the parent's key (one-to-many and beyond).</summary>
    Reference,

    /// <summary>Children are grouped into bucket documents per parent and time span (high-rate time-ordered children).</summary>
    Bucket,

    /// <summary>A bounded array of references (and link attributes) inside one side of a many-to-many.</summary>
    ReferenceArray,

    /// <summary>One link document per pair (a many-to-many with unbounded or unknown links per side).</summary>
    LinkCollection,
}

/// <summary>
/// One relationship's physical form, with the figures that decided it: children per parent at the horizon, the bytes
/// the embedded part adds to its holder, and the reason in words.
/// </summary>
public sealed record DocumentRelation(
    string From,
    string To,
    RelationshipKind Kind,
    DocumentLink Link,
    string Holder,
    string Field,
    string Reason)
{
    /// <summary>Children per parent at the forecast horizon; null when the requirements state no volumes.</summary>
    public double? ChildrenPerParent { get; init; }

    /// <summary>Bytes the embedded part adds to its holder at the horizon (for Embed, ReferenceArray and Bucket).</summary>
    public long? EmbeddedBytes { get; init; }
}
