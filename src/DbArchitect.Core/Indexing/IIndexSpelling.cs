using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// The engine's words for what advice says about an index: the structure (a recommendation's Method, the "using …" of
/// a signature, the suffix of an advised name), how a key is matched and truncated (a recommendation's key list), and
/// the kind of index a candidate's rule names. Advice keeps the neutral <see cref="IndexStructure"/>,
/// <see cref="KeyMatch"/> and <see cref="KeyFunction"/> values and asks the engine for these words. They are stable
/// identifiers as much as text: advice sorts candidates by their signature and hashes a long name from it, so an
/// engine keeps the spelling its advice has always used. The defaults name each feature in no engine's words.
/// </summary>
public interface IIndexSpelling
{
    /// <summary>Every feature in no engine's words: the defaults below.</summary>
    static IIndexSpelling Neutral { get; } = new NeutralWords();

    /// <summary>The structure's short name in recommendations, signatures and advised names.</summary>
    string Method(IndexStructure structure) => EngineWording.MethodName(structure);

    /// <summary>The word after a key matched by its parts ("name trigram"); empty for a key matched by its whole value.</summary>
    string Match(KeyMatch match) => IndexKey.MatchWord(match);

    /// <summary>A key that truncates a timestamp to a unit: "day(created_at)", the requirements format's own spelling.</summary>
    string Truncated(string column, string? unit) => $"{unit}({column})";

    /// <summary>The kind of index a candidate's rule names ("a {kind} cannot seek an infix").</summary>
    string Kind(IndexStructure structure, KeyMatch match) => match switch
    {
        KeyMatch.Trigram => "trigram " + EngineWording.MethodKind(structure),
        KeyMatch.Containment => "containment " + EngineWording.MethodKind(structure),
        _ => EngineWording.MethodKind(structure),
    };

    /// <summary>The test a JSON containment filter writes, as the candidate's rule names it ("contains").</summary>
    string ContainmentOperator => "contains";

    private sealed class NeutralWords : IIndexSpelling
    {
    }
}
