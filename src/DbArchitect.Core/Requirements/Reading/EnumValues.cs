namespace DbArchitect.Core.Requirements.Reading;

/// <summary>The words format 1 uses for each enumerated value, as written in the file (matched case-insensitively).</summary>
internal static class EnumValues
{
    public static readonly IReadOnlyList<EnumWord<ApplicationKind>> ApplicationKinds = new EnumWord<ApplicationKind>[]
    {
        new("oltp", ApplicationKind.Oltp), new("analytics", ApplicationKind.Analytics), new("mixed", ApplicationKind.Mixed),
        new("time-series", ApplicationKind.TimeSeries), new("document", ApplicationKind.Document), new("graph", ApplicationKind.Graph),
        new("key-value", ApplicationKind.KeyValue),
    };

    public static readonly IReadOnlyList<EnumWord<Tenancy>> Tenancies = new EnumWord<Tenancy>[] { new("single", Tenancy.Single), new("multi", Tenancy.Multi) };

    public static readonly IReadOnlyList<EnumWord<StorageKind>> Storages = new EnumWord<StorageKind>[]
    {
        new("ssd", StorageKind.Ssd), new("hdd", StorageKind.Hdd), new("network", StorageKind.Network),
    };

    public static readonly IReadOnlyList<EnumWord<NamingStyle>> NamingStyles = new EnumWord<NamingStyle>[]
    {
        new("snake_case", NamingStyle.SnakeCase), new("PascalCase", NamingStyle.PascalCase), new("camelCase", NamingStyle.CamelCase),
        new("as-written", NamingStyle.AsWritten),
    };

    public static readonly IReadOnlyList<EnumWord<PrimaryKeyKind>> PrimaryKeys = new EnumWord<PrimaryKeyKind>[]
    {
        new("uuid", PrimaryKeyKind.Uuid), new("bigint", PrimaryKeyKind.BigInt), new("int", PrimaryKeyKind.Int),
    };

    public static readonly IReadOnlyList<EnumWord<RelationshipKind>> RelationshipKinds = new EnumWord<RelationshipKind>[]
    {
        new("one-to-one", RelationshipKind.OneToOne), new("one-to-many", RelationshipKind.OneToMany), new("many-to-many", RelationshipKind.ManyToMany),
    };

    public static readonly IReadOnlyList<EnumWord<DeleteAction>> DeleteActions = new EnumWord<DeleteAction>[]
    {
        new("cascade", DeleteAction.Cascade), new("restrict", DeleteAction.Restrict), new("set-null", DeleteAction.SetNull), new("no-action", DeleteAction.NoAction),
    };

    public static readonly IReadOnlyList<string> SearchLanguages = new[]
    {
        "simple", "arabic", "danish", "dutch", "english", "finnish", "french", "german", "hungarian", "italian", "norwegian",
        "portuguese", "romanian", "russian", "spanish", "swedish", "turkish",
    };

    public static readonly IReadOnlyList<EnumWord<TimeBucket>> TimeBuckets = new EnumWord<TimeBucket>[]
    {
        new("hour", TimeBucket.Hour), new("day", TimeBucket.Day), new("week", TimeBucket.Week), new("month", TimeBucket.Month), new("year", TimeBucket.Year),
    };

    public static readonly IReadOnlyList<EnumWord<AggregateFunction>> Aggregates = new EnumWord<AggregateFunction>[]
    {
        new("count", AggregateFunction.Count), new("sum", AggregateFunction.Sum), new("avg", AggregateFunction.Avg), new("min", AggregateFunction.Min),
        new("max", AggregateFunction.Max),
    };
}

/// <summary>
/// One word of a closed set and the value it stands for. A class, not a tuple: code over a list of (string, enum)
/// tuples was JIT-compiled in every new session, once per enum, because no ReadyToRun image can hold it.
/// </summary>
internal sealed record EnumWord<T>(string Text, T Value)
    where T : struct;
