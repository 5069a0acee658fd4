using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Health;

/// <summary>
/// Every health check in the assembly, found by reflection (a new check is a new file, nothing to register), in id
/// order. Also the engine profiles that name the current database.
/// </summary>
public static class HealthCheckCatalog
{
    private static readonly Lazy<IReadOnlyList<HealthCheck>> AllChecks = new(() => Discover<HealthCheck>().OrderBy(c => c.Id, StringComparer.Ordinal).ThenBy(c => c.Engines[0], StringComparer.Ordinal).ToList());

    private static readonly Lazy<IReadOnlyList<IHealthEngineProfile>> Profiles = new(() => Discover<IHealthEngineProfile>().ToList());

    public static IReadOnlyList<HealthCheck> All => AllChecks.Value;

    public static IReadOnlyList<HealthCheck> For(string engine) =>
        All.Where(c => c.Engines.Contains(engine, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>The distinct check ids (for tab completion and documentation).</summary>
    public static IReadOnlyList<string> Ids(string? engine = null) =>
        (engine is null ? All : For(engine)).Select(c => c.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The checks of the engine that -Check/-ExcludeCheck select (wildcards allowed; empty include means all).</summary>
    public static IReadOnlyList<HealthCheck> Select(string engine, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        For(engine)
            .Where(c => include.Count == 0 || include.Any(p => HealthPattern.Matches(p.ToUpperInvariant(), c.Id)))
            .Where(c => !exclude.Any(p => HealthPattern.Matches(p.ToUpperInvariant(), c.Id)))
            .ToList();

    /// <summary>
    /// Refuses -Check/-ExcludeCheck patterns that match no check of any engine (HealthCheckUnknown): such a pattern is
    /// almost always a typo, and a pipeline gate must not pass because it ran nothing.
    /// </summary>
    public static void RequireKnown(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var unknown = include.Concat(exclude).Where(p => !All.Any(c => HealthPattern.Matches(p.ToUpperInvariant(), c.Id))).ToArray();
        if (unknown.Length > 0)
        {
            throw new DbArchitectException(unknown.Select(p => new DbArchitectError(
                "HealthCheckUnknown", ErrorKind.InvalidArgument, $"No health check matches '{p}'.",
                $"Checks: {string.Join(", ", Ids())} (docs/health-checks.md).", null, p)).ToArray());
        }
    }

    public static IHealthEngineProfile? ProfileFor(string engine) =>
        Profiles.Value.FirstOrDefault(p => p.Engines.Contains(engine, StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<T> Discover<T>() =>
        typeof(HealthCheckCatalog).Assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!);
}
