using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Model;

/// <summary>
/// The engine-neutral schema: what New-DbDesign builds and what Import-DbSchema will read from a live database.
/// Types stay logical; <see cref="Column.NativeType"/> is filled in only in an engine's physical model.
/// </summary>
public sealed record SchemaModel(
    string Name,
    string Schema,
    IReadOnlyList<Table> Tables,
    IReadOnlyList<string> Extensions)
{
    public Table? FindTable(string name) =>
        Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>The engine id whose native types the model carries; null for a logical model. Import-DbSchema sets it.</summary>
    public string? Engine { get; init; }

    /// <summary>Sequences of the schema that no identity column owns, with their settings (imported schemas).</summary>
    public IReadOnlyList<SequenceDefinition> Sequences { get; init; } = Array.Empty<SequenceDefinition>();

    /// <summary>Names of the schema's views and materialized views (imported schemas).</summary>
    public IReadOnlyList<string> Views { get; init; } = Array.Empty<string>();
}

public enum TableKind { Entity, Junction, Tenant, Audit }

/// <summary>Behaviour the design attaches to a table; engines turn each into triggers, policies or columns.</summary>
public sealed record TableFeatures(bool Timestamps, bool SoftDelete, bool Audit, bool TenantScoped)
{
    public static readonly TableFeatures None = new(false, false, false, false);
}

public sealed record Table(
    string Name,
    TableKind Kind,
    string? Comment,
    IReadOnlyList<Column> Columns,
    PrimaryKey PrimaryKey,
    IReadOnlyList<ForeignKey> ForeignKeys,
    IReadOnlyList<UniqueKey> UniqueKeys,
    IReadOnlyList<CheckConstraint> Checks,
    IReadOnlyList<Index> Indexes,
    TableFeatures Features,
    string? SourceEntity,
    long? EstimatedRows,
    long? RowsPerDay)
{
    public Column? FindColumn(string name)
    {
        // A loop, not FirstOrDefault with a closure: every layer of the design asks for columns by name.
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The partition key as the catalog states it ("RANGE (created_at)"); null when the table is not partitioned.</summary>
    public string? PartitionBy { get; init; }

    /// <summary>
    /// The table's row rules (<see cref="RowPolicy"/>), their predicates spelled as the engine's catalog prints them
    /// (imported schemas, and designs as an engine's scripts build them).
    /// </summary>
    public IReadOnlyList<RowPolicy> Policies { get; init; } = Array.Empty<RowPolicy>();

    /// <summary>The table's row rules are enforced (PostgreSQL's ENABLE ROW LEVEL SECURITY, a SQL Server security policy's STATE = ON).</summary>
    public bool RowSecurityEnabled { get; init; }

    /// <summary>The row rules bind the table's owner too (PostgreSQL's FORCE ROW LEVEL SECURITY).</summary>
    public bool RowSecurityForced { get; init; }

    /// <summary>
    /// Storage and history options of an imported table that the neutral model has no field for, as the engine names
    /// them ("MEMORY_OPTIMIZED", "SYSTEM_VERSIONED_TEMPORAL_TABLE history dbo.order_history"); empty for a design.
    /// </summary>
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();
}

/// <summary>
/// A row rule, the one shape every engine's row-level security has: for a command (ALL, SELECT, INSERT, UPDATE, DELETE)
/// and the roles it applies to (sorted; "public" for everyone), rows are visible while <see cref="VisibleWhen"/> holds and
/// may be written while <see cref="WritableWhen"/> holds. PostgreSQL spells it CREATE POLICY … USING … WITH CHECK, SQL
/// Server a security policy's FILTER and BLOCK predicates, Oracle a VPD policy function. <see cref="Permissive"/>: rules
/// of one command combine with OR (a restrictive rule is ANDed with them). Predicates are the engine's own text.
/// </summary>
public sealed record RowPolicy(string Name, string Command, IReadOnlyList<string> Roles, string? VisibleWhen, string? WritableWhen, bool Permissive, string? Comment);

/// <summary>A stand-alone sequence and the settings that decide the values it hands out.</summary>
public sealed record SequenceDefinition(string Name, string DataType, long Start, long Increment, long Minimum, long Maximum, long Cache, bool Cycle);

public enum ColumnRole { PrimaryKey, ForeignKey, Attribute, TenantKey, CreatedAt, UpdatedAt, DeletedAt, Audit }

public enum KeyGeneration { None, RandomUuid, Identity }

public sealed record Column(
    string Name,
    LogicalType Type,
    bool Nullable,
    DefaultSpec? Default,
    ColumnRole Role,
    KeyGeneration Generation,
    string? Comment,
    string? NativeType)
{
    /// <summary>What is known of the column's typical values (stated in the requirements or read from live statistics); null when nothing is.</summary>
    public ValueProfile? Profile { get; init; }

    /// <summary>The expression of a computed (generated) column as the catalog prints it; null for a stored column.</summary>
    public string? Computed { get; init; }
}

/// <summary>
/// The typical size of a column's values and how often they are NULL, with where that came from ("the requirements",
/// "pg_stats of shop.public.customer"). <see cref="AverageLength"/> counts characters of text and bytes of JSON or binary
/// values; either figure may be unknown.
/// </summary>
public sealed record ValueProfile(int? AverageLength, double? NullShare, string Source);

public sealed record PrimaryKey(string Name, IReadOnlyList<string> Columns);

public sealed record ForeignKey(
    string Name,
    IReadOnlyList<string> Columns,
    string ReferencedTable,
    IReadOnlyList<string> ReferencedColumns,
    DeleteAction OnDelete,
    IReadOnlyList<string> SetNullColumns,
    bool Required,
    string Reason);

/// <summary>A plain unique constraint on columns. Uniqueness on an expression or with a predicate is a unique <see cref="Index"/>.</summary>
public sealed record UniqueKey(string Name, IReadOnlyList<string> Columns, string Reason);

public enum CheckKind
{
    /// <summary>Conditions written in the requirements file.</summary>
    Conditions,

    /// <summary>Value must be one of the enum's members.</summary>
    EnumMembers,

    /// <summary>Every array element must be one of the enum's members.</summary>
    EnumArrayMembers,

    EmailFormat,
    UrlFormat,
}

public sealed record CheckConstraint(
    string Name,
    string Column,
    CheckKind Kind,
    IReadOnlyList<CheckCondition> Conditions,
    IReadOnlyList<string> EnumValues,
    string Reason)
{
    /// <summary>The condition as the catalog spells it (imported schemas); null in a design, which keeps it structured.</summary>
    public string? Expression { get; init; }
}

/// <summary>
/// What an index does, in no engine's words; each engine maps it to its own method (PostgreSQL's btree, gin, gist, brin,
/// hash) or builds the nearest one it has and records why (an engine without a block-range index builds an ordered one).
/// </summary>
public enum IndexStructure
{
    /// <summary>Keys kept in order: equality, ranges, sorting and prefixes (a B-tree in every relational engine).</summary>
    Ordered,

    /// <summary>One entry per element of a value (word, trigram, JSON key or value): containment and full-text search.</summary>
    Inverted,

    /// <summary>A search tree over values that overlap (geometry, ranges, nearest neighbour).</summary>
    Spatial,

    /// <summary>A summary (minimum and maximum) per range of storage blocks: tiny, for columns that follow insert order.</summary>
    BlockRange,

    /// <summary>Equality only, by hash of the key.</summary>
    Hash,
}

public enum IndexExpressionKind
{
    /// <summary>lower(column): case-insensitive equality and uniqueness.</summary>
    Lower,

    /// <summary>A full-text document over one or more columns in a text search language.</summary>
    FullText,
}

/// <summary>An engine-neutral index key expression; each engine renders it in its own dialect.</summary>
public sealed record IndexExpression(IndexExpressionKind Kind, IReadOnlyList<string> Columns, string? Language)
{
    // Value equality over the column list, so two plans of lower(email) are the same key.
    public bool Equals(IndexExpression? other) =>
        other is not null && Kind == other.Kind && Columns.SequenceEqual(other.Columns, StringComparer.Ordinal)
        && string.Equals(Language, other.Language, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, string.Join("\u0001", Columns), Language);
}

/// <summary>How an index key is matched: by its whole value, or (in an inverted index) by the parts each engine extracts.</summary>
public enum KeyMatch
{
    /// <summary>The whole value: equality, order, ranges.</summary>
    Ordinary,

    /// <summary>Trigrams of the text: similarity, substring ('%term%') and typo-tolerant search.</summary>
    Trigram,

    /// <summary>Keys and values of a JSON document: containment filters.</summary>
    Containment,
}

public sealed record IndexKey(string? Column, IndexExpression? Expression, bool Descending, KeyMatch Match)
{
    public static IndexKey Of(string column, bool descending = false) => new(column, null, descending, KeyMatch.Ordinary);

    /// <summary>A readable form used in names, reasons and redundancy checks: "created_at desc", "lower(email)", "name trigram".</summary>
    public override string ToString() => Text(MatchWord);

    /// <summary>The readable form with the engine's word for how the key is matched (<paramref name="match"/>; empty for none).</summary>
    public string Text(Func<KeyMatch, string> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var body = Expression is null
            ? Column!
            : Expression.Kind == IndexExpressionKind.Lower
                ? $"lower({Expression.Columns[0]})"
                : $"fulltext({string.Join(", ", Expression.Columns)})";
        var word = match(Match);
        return body + (word.Length == 0 ? string.Empty : " " + word) + (Descending ? " desc" : string.Empty);
    }

    /// <summary>How a key is matched in no engine's words: "trigram", "containment", empty for the whole value.</summary>
    public static string MatchWord(KeyMatch match) => match switch
    {
        KeyMatch.Trigram => "trigram",
        KeyMatch.Containment => "containment",
        _ => string.Empty,
    };
}

public enum PredicateKind { IsNull, IsNotNull }

/// <summary>A partial index predicate: the conjunction of simple column tests.</summary>
public sealed record IndexPredicate(IReadOnlyList<ColumnTest> Tests)
{
    public bool Equals(IndexPredicate? other) => other is not null && Tests.SequenceEqual(other.Tests);

    public override int GetHashCode() => Tests.Aggregate(0, (h, t) => HashCode.Combine(h, t));

    public override string ToString() => string.Join(" and ", Tests.Select(t => t.ToString()));
}

public sealed record ColumnTest(string Column, PredicateKind Kind)
{
    public override string ToString() => Kind == PredicateKind.IsNull ? $"{Column} is null" : $"{Column} is not null";
}

/// <summary>
/// An index with the reason it exists. <see cref="Serves"/> lists the access patterns and rules it serves (after
/// merging redundant candidates), so a DBA can see why dropping it would hurt.
/// </summary>
public sealed record Index(
    string Name,
    IReadOnlyList<IndexKey> Keys,
    IReadOnlyList<string> Include,
    IndexStructure Method,
    bool Unique,
    IndexPredicate? Predicate,
    string Reason,
    IReadOnlyList<string> Serves)
{
    /// <summary>
    /// The catalog's definition of an imported index whose keys or predicate the neutral model cannot express
    /// (an arbitrary expression); null when <see cref="Keys"/> and <see cref="Predicate"/> say everything.
    /// </summary>
    public string? Definition { get; init; }
}
