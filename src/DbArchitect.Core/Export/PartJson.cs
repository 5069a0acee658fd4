using DbArchitect.Core.Design;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Export;

/// <summary>
/// design.json's "parts": each needed part of the architecture with what it serves, its figures and reason, and the
/// folder its own design was exported to (its design.json there holds its model) or why it was not generated.
/// Null (omitted) when the design has no parts.
/// </summary>
internal sealed record PartJson(
    string Role,
    string Technology,
    string? Engine,
    PartScope? Serves,
    IReadOnlyList<PartFigure>? Figures,
    string Reason,
    bool Generated,
    string? Folder,
    string? NotGenerated)
{
    public static IReadOnlyList<PartJson>? Of(DbDesign design) => design.Parts.Count == 0
        ? null
        : design.Parts.Select(p => new PartJson(p.Part.Role, p.Part.Technology, p.Part.Engine, p.Part.Serves, p.Part.Figures, p.Part.Reason, p.Generated, p.Folder, p.NotGenerated)).ToList();
}
