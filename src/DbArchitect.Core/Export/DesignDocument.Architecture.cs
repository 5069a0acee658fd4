using DbArchitect.Core.Design;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>
/// design.md, Technology Selection → Architecture: the primary store and every needed part beside it, with the
/// entities and access patterns it serves, its figures, its reason, and where its own design was written (or that it
/// was not generated, and why).
/// </summary>
internal static partial class DesignDocument
{
    private static void Architecture(MarkdownBuilder md, DbDesign design)
    {
        if (design.Technologies.Count == 0)
        {
            // A design built without a ranking (by hand, in a test): there is no architecture around it to describe.
            return;
        }

        md.Heading(4, "Architecture");
        if (design.Parts.Count == 0)
        {
            md.Paragraph($"One store: {Escape(design.EngineDisplayName)} serves every entity and access pattern; no part of the workload is served much better by another family (see the supporting technologies considered).");
            return;
        }

        md.Paragraph($"A primary store, {Escape(design.EngineDisplayName)}, for everything the parts below do not serve, and {Number(design.Parts.Count)} part(s) beside it:");
        foreach (var part in design.Parts)
        {
            var s = part.Part;
            md.Heading(5, Escape(s.Role) + " — " + Escape(s.Technology));
            md.Bullet("Serves: " + (s.Serves is { } serves
                ? $"entities {Escape(string.Join(", ", serves.Entities))}; access patterns {Escape(string.Join("; ", serves.AccessPatterns))}"
                : "connections"));
            if (s.Figures is { Count: > 0 } figures)
            {
                md.Bullet("Figures: " + Escape(string.Join("; ", figures.Select(f => f.ToString()))));
            }

            md.Bullet("Reason: " + Escape(s.Reason));
            md.Bullet(part.Generated
                ? $"Design: generated in {Escape(part.Folder)}/ ({Escape(part.Design!.EngineDisplayName)}: {Escape(part.Design.FamilyModel!.Summary)})"
                : "Design: " + Escape(part.NotGenerated));
            md.EndBlock();
        }
    }
}
