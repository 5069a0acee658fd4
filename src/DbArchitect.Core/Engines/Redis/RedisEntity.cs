using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// An entity (or a many-to-many junction) as the key schema sees it: its key segment, columns, volumes today and at
/// retention, whether its keys expire with the retention, and whether it is a time-ordered feed kept as streams.
/// </summary>
internal sealed record RedisEntity(
    string Name,
    string Segment,
    IReadOnlyList<RedisColumn> Columns,
    long RowsToday,
    long RowsAtRetention,
    long? TtlSeconds,
    bool Junction)
{
    /// <summary>Rows assumed for an entity whose requirements state none.</summary>
    public const long AssumedRows = 1_000;

    public RedisColumn Id => Columns.First(c => c.Origin is ColumnOrigin.PrimaryKey or ColumnOrigin.JunctionKey);

    public RedisColumn? Tenant => Columns.FirstOrDefault(c => c.Origin == ColumnOrigin.Tenant);

    /// <summary>Set for an entity kept as one stream per parent: the parent's key column and the time column that orders it.</summary>
    public (RedisColumn Parent, RedisColumn Time)? Feed { get; init; }

    public RedisColumn? Column(string name) =>
        Columns.FirstOrDefault(c => ImplicitColumns.SameKey(c.Name, name));
}
