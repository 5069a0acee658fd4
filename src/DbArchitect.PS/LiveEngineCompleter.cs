using System.Collections;
using DbArchitect.Core.Engines;

namespace DbArchitect.PS;

/// <summary>Tab completion for a live cmdlet's -Engine: only the engines the module can connect to.</summary>
public sealed class LiveEngineCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound) =>
        EngineRegistry.All.Where(e => e.Live is not null).Select(e => (e.Id, e.DisplayName));
}
