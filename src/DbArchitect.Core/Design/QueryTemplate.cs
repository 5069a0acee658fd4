namespace DbArchitect.Core.Design;

/// <summary>What a query template does, which decides the statements it has and the plan it expects.</summary>
public enum QueryShape
{
    /// <summary>No template: the pattern's entity or columns are not in the physical model.</summary>
    Skipped,

    /// <summary>Equality (and containment) predicates, no order: an index seek.</summary>
    Lookup,

    /// <summary>Rows of a range in index order.</summary>
    RangeScan,

    /// <summary>Sorted and limited: a first-page and a next-page statement that continues from the last row (keyset, never OFFSET).</summary>
    KeysetPage,

    /// <summary>An aggregate per time bucket with a running total and a moving average by window functions.</summary>
    TimeBuckets,

    /// <summary>An aggregate grouped by plain columns.</summary>
    Aggregate,

    /// <summary>Trigram similarity, best matches first.</summary>
    FuzzySearch,

    /// <summary>Full-text match against the indexed document, ranked.</summary>
    FullTextSearch,

    /// <summary>Rows inside a latitude/longitude box around a point, nearest first, limited.</summary>
    NearSearch,
}

/// <summary>What a parameter's value is compared with.</summary>
public enum QueryParameterKind
{
    /// <summary>The caller's tenant key.</summary>
    Tenant,

    /// <summary>Equality with the column (case-insensitive for e-mail addresses).</summary>
    Equals,

    /// <summary>A JSON document the column must contain.</summary>
    Contains,

    /// <summary>Inclusive start of a range of the column.</summary>
    RangeStart,

    /// <summary>Exclusive end of a range of the column.</summary>
    RangeEnd,

    /// <summary>The column's value in the last row of the previous page.</summary>
    Cursor,

    /// <summary>Text searched for in the pattern's search columns (the column is the first of them).</summary>
    SearchTerm,

    /// <summary>An edge of the search box around a point: the point's coordinate minus or plus the radius in degrees.</summary>
    BoxEdge,

    /// <summary>The searched point's latitude or longitude (the column is the coordinate's).</summary>
    Point,

    /// <summary>cos(latitude) of the searched point: how much shorter a degree of longitude is there than one of latitude.</summary>
    LongitudeScale,
}

/// <summary>One positional parameter of a statement: placeholder ($1), native type, what to pass, and the column it is compared with.</summary>
public sealed record QueryParameter(string Placeholder, string NativeType, string Meaning, QueryParameterKind Kind, string Column);

/// <summary>One named, parameterised statement in the engine's dialect; an application prepares it once and executes it by name.</summary>
public sealed record QueryStatement(string Name, string Purpose, string Sql, IReadOnlyList<QueryParameter> Parameters)
{
    /// <summary>The server-side function the statement calls, which the build scripts create; null for a plain statement.</summary>
    public QueryRoutine? Routine { get; init; }
}

/// <summary>One column a <see cref="QueryRoutine"/> returns, with its native type.</summary>
public sealed record QueryRoutineColumn(string Name, string NativeType);

/// <summary>
/// A function that runs a template's statement on the server instead of the application: its name (in the design's
/// schema), the native types of its positional parameters, the columns it returns, its body (the statement, whose
/// placeholders are the parameters), the table it reads and why it exists.
/// </summary>
public sealed record QueryRoutine(
    string Name,
    IReadOnlyList<string> ParameterTypes,
    IReadOnlyList<QueryRoutineColumn> Returns,
    string Body,
    string Table,
    string Reason);

/// <summary>
/// The ready query for one access pattern: its statements, the index (or key) the design built for it, and why that
/// index serves this statement (which predicates seek, whether the index order is the ORDER BY).
/// </summary>
public sealed record QueryTemplate(
    string AccessPattern,
    string? Table,
    QueryShape Shape,
    IReadOnlyList<QueryStatement> Statements,
    IReadOnlyList<string> ServingIndexes,
    string Reason);
