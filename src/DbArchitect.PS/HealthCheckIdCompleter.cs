using System.Collections;
using DbArchitect.Core.Health;

namespace DbArchitect.PS;

/// <summary>Tab completion for -Check and -ExcludeCheck: the check ids of the -Engine already typed (all engines' otherwise).</summary>
public sealed class HealthCheckIdCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound)
    {
        var checks = bound["Engine"] is string engine ? HealthCheckCatalog.For(engine) : HealthCheckCatalog.All;
        return checks.GroupBy(c => c.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(check => (check.Id, $"{check.Category}: {check.Title}"));
    }
}
