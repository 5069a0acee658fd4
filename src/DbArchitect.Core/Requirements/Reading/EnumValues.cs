namespace DbArchitect.Core.Requirements.Reading;

/// <summary>The words format 1 uses for each enumerated value, as written in the file (matched case-insensitively).</summary>
internal static class EnumValues
{
    public static readonly IReadOnlyList<(string Text, ApplicationKind Value)> ApplicationKinds = new[]
    {
        ("oltp", ApplicationKind.Oltp), ("analytics", ApplicationKind.Analytics), ("mixed", ApplicationKind.Mixed),
        ("time-series", ApplicationKind.TimeSeries), ("document", ApplicationKind.Document), ("graph", ApplicationKind.Graph),
        ("key-value", ApplicationKind.KeyValue),
    };

    public static readonly IReadOnlyList<(string Text, Tenancy Value)> Tenancies = new[] { ("single", Tenancy.Single), ("multi", Tenancy.Multi) };

    public static readonly IReadOnlyList<(string Text, StorageKind Value)> Storages = new[]
    {
        ("ssd", StorageKind.Ssd), ("hdd", StorageKind.Hdd), ("network", StorageKind.Network),
    };

    public static readonly IReadOnlyList<(string Text, NamingStyle Value)> NamingStyles = new[]
    {
        ("snake_case", NamingStyle.SnakeCase), ("PascalCase", NamingStyle.PascalCase), ("camelCase", NamingStyle.CamelCase),
        ("as-written", NamingStyle.AsWritten),
    };

    public static readonly IReadOnlyList<(string Text, PrimaryKeyKind Value)> PrimaryKeys = new[]
    {
        ("uuid", PrimaryKeyKind.Uuid), ("bigint", PrimaryKeyKind.BigInt), ("int", PrimaryKeyKind.Int),
    };

    public static readonly IReadOnlyList<(string Text, RelationshipKind Value)> RelationshipKinds = new[]
    {
        ("one-to-one", RelationshipKind.OneToOne), ("one-to-many", RelationshipKind.OneToMany), ("many-to-many", RelationshipKind.ManyToMany),
    };

    public static readonly IReadOnlyList<(string Text, DeleteAction Value)> DeleteActions = new[]
    {
        ("cascade", DeleteAction.Cascade), ("restrict", DeleteAction.Restrict), ("set-null", DeleteAction.SetNull), ("no-action", DeleteAction.NoAction),
    };

    public static readonly IReadOnlyList<string> SearchLanguages = new[]
    {
        "simple", "arabic", "danish", "dutch", "english", "finnish", "french", "german", "hungarian", "italian", "norwegian",
        "portuguese", "romanian", "russian", "spanish", "swedish", "turkish",
    };

    public static readonly IReadOnlyList<(string Text, TimeBucket Value)> TimeBuckets = new[]
    {
        ("hour", TimeBucket.Hour), ("day", TimeBucket.Day), ("week", TimeBucket.Week), ("month", TimeBucket.Month), ("year", TimeBucket.Year),
    };

    public static readonly IReadOnlyList<(string Text, AggregateFunction Value)> Aggregates = new[]
    {
        ("count", AggregateFunction.Count), ("sum", AggregateFunction.Sum), ("avg", AggregateFunction.Avg), ("min", AggregateFunction.Min),
        ("max", AggregateFunction.Max),
    };
}
