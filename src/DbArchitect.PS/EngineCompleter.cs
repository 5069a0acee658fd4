using System.Collections;
using DbArchitect.Core.Engines;

namespace DbArchitect.PS;

/// <summary>Tab completion for -Engine: every engine id the requirements format knows, from Core's registry.</summary>
public sealed class EngineCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound) =>
        EngineRegistry.Entries.Select(entry => (entry.Id, entry.Id + (entry.Relational is not null ? " (generates SQL)"
            : entry.CanDesign ? $" ({FamilyText.Of(entry.Family)} design)"
            : " (known; design support pending)")));
}
