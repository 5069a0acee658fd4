using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>How well an engine fits each kind of application the requirements format names, −1 … 1.</summary>
internal sealed class KindFit
{
    private readonly Dictionary<ApplicationKind, double> _fit;

    public KindFit(double oltp, double analytics, double mixed, double timeSeries, double document, double graph, double keyValue) => _fit = new()
    {
        [ApplicationKind.Oltp] = oltp,
        [ApplicationKind.Analytics] = analytics,
        [ApplicationKind.Mixed] = mixed,
        [ApplicationKind.TimeSeries] = timeSeries,
        [ApplicationKind.Document] = document,
        [ApplicationKind.Graph] = graph,
        [ApplicationKind.KeyValue] = keyValue,
    };

    public double this[ApplicationKind kind] => _fit[kind];

    public int Count => _fit.Count;

    public IEnumerable<double> Values => _fit.Values;
}
