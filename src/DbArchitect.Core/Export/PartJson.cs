using DbArchitect.Core.Design;

namespace DbArchitect.Core.Export;

/// <summary>
/// design.json's "parts": each needed part of the architecture (its role names the entry of "supportingTechnologies"
/// holding what it serves, its figures and reason) with the folder its own design was exported to — whose
/// design.json holds the part's model — or why it was not generated. Omitted when the design has no parts.
/// </summary>
internal sealed record PartJson(string Role, string Technology, string? Engine, bool Generated, string? Folder, string? NotGenerated)
{
    public static IReadOnlyList<PartJson>? Of(DbDesign design) => design.Parts.Count == 0
        ? null
        : design.Parts.Select(p => new PartJson(p.Part.Role, p.Part.Technology, p.Design?.Engine, p.Generated, p.Folder, p.NotGenerated)).ToList();
}
