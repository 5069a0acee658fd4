using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// The words of an engine whose advice builds one structure (B-trees only): it names that one, and everything else it
/// never builds in no engine's words. The name comes from the engine's folder.
/// </summary>
public sealed class OneStructureSpelling : IIndexSpelling
{
    private readonly IndexStructure _structure;
    private readonly string _name;

    public OneStructureSpelling(IndexStructure structure, string name)
    {
        _structure = structure;
        _name = name;
    }

    public string Method(IndexStructure structure) => structure == _structure ? _name : EngineWording.MethodName(structure);
}
