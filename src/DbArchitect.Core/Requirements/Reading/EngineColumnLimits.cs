using System.Globalization;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// The most columns one table may have in each engine, checked at design time: the server would refuse the DDL
/// at apply time, and the capacity model cannot fit such a row on a page.
/// </summary>
internal static class EngineColumnLimits
{
    /// <summary>
    /// Each implemented engine's figure, from its own <see cref="Engines.IEngineLimits"/>, and each engine known to the
    /// ranking whose tables follow another engine's rules, from its profile.
    /// </summary>
    private static readonly Dictionary<string, (int Limit, string Why)> Limits = Engines.EngineRegistry.Entries
        .Select(e => (e.Id, Columns: e.Relational?.Limits.Columns ?? e.Profile.ColumnLimit))
        .Where(e => e.Columns is not null)
        .ToDictionary(e => e.Id, e => (e.Columns!.Figure, e.Columns.Rule), StringComparer.OrdinalIgnoreCase);

    /// <summary>With engine auto the design may land on any relational engine, so the smallest of their limits holds.</summary>
    private static readonly (int Limit, string Why) AutoLimit = Auto();

    /// <summary>Reports EngineLimitExceeded at <paramref name="node"/> when the requirements file's engine cannot hold the table.</summary>
    public static void Check(ReaderContext context, string engine, int columns, string owner, YamlDotNet.RepresentationModel.YamlNode node)
    {
        if (Refusal(engine, columns, owner, context.At(node)) is { } error)
        {
            context.Report(error.ErrorId, error.Kind, error.Message, error.Fix!, error.Location!, columns);
        }
    }

    /// <summary>The error for a table of <paramref name="columns"/> columns on <paramref name="engine"/>, or null when it fits.</summary>
    public static DbArchitectError? Refusal(string engine, int columns, string owner, SourceLocation location)
    {
        var (limit, why) = string.Equals(engine, SettingsReader.AutoEngine, StringComparison.OrdinalIgnoreCase)
            ? AutoLimit
            : Limits.TryGetValue(engine, out var known) ? known : (int.MaxValue, string.Empty);
        return columns <= limit
            ? null
            : new DbArchitectError(ErrorIds.EngineLimitExceeded, ErrorKind.InvalidData,
                $"{Messages.Capitalize(owner)} has {columns.ToString(CultureInfo.InvariantCulture)} columns (its attributes and the ones the design adds); {why}.",
                $"Split it into entities of at most {limit.ToString(CultureInfo.InvariantCulture)} columns joined one-to-one, or keep rarely used values in a json attribute.",
                location, columns);
    }

    private static (int Limit, string Why) Auto()
    {
        var smallest = Engines.EngineRegistry.All.MinBy(e => e.Limits.Columns.Figure)!;
        var others = Engines.EngineRegistry.All.Where(e => e != smallest).OrderByDescending(e => e.Limits.Columns.Figure)
            .Select(e => $"{e.DisplayName} {e.Limits.Columns.Figure.ToString(CultureInfo.InvariantCulture)}");
        return (smallest.Limits.Columns.Figure,
            $"with engine auto the design may be built on {smallest.DisplayName}, which allows at most {smallest.Limits.Columns.Figure.ToString(CultureInfo.InvariantCulture)} columns per table ({string.Join(", ", others)})");
    }
}
