using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Design.Architecture;

/// <summary>
/// One needed part of the architecture beside the primary store: what it serves and why (<see cref="Part"/>), and
/// either its own design (<see cref="Design"/>, exported to <see cref="Folder"/>) or, for a technology no engine of the
/// registry can design yet, <see cref="NotGenerated"/> saying so.
/// </summary>
public sealed record DesignPart(SupportingTechnology Part, string? Folder, DbDesign? Design, string? NotGenerated)
{
    public bool Generated => Design is not null;
}
