namespace DbArchitect.Core.Engines;

/// <summary>How a family is named in messages and documents: "document", "key-value", "wide-column".</summary>
public static class FamilyText
{
    public static string Of(EngineFamily family) => family switch
    {
        EngineFamily.Relational => "relational",
        EngineFamily.Document => "document",
        EngineFamily.KeyValue => "key-value",
        EngineFamily.WideColumn => "wide-column",
        EngineFamily.TimeSeries => "time-series",
        EngineFamily.Columnar => "columnar analytics",
        EngineFamily.Graph => "graph",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };
}
