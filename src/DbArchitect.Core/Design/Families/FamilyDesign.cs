using DbArchitect.Core.Export;

namespace DbArchitect.Core.Design.Families;

/// <summary>One file a family design exports (a mongosh script, a CloudFormation template, a Redis command file).</summary>
public sealed record DesignFile(string RelativePath, string Description, string Text)
{
    public string Name => Path.GetFileName(RelativePath);
}

/// <summary>
/// A non-relational design: the family's own physical model (<see cref="Model"/>, written to design.json), the
/// files that build and run it, its ER-style diagram, and the text of each design.md section. design.md keeps the
/// relational document's section order; the engine writes each section's body.
/// </summary>
public abstract class FamilyDesign
{
    /// <summary>The physical model as data (collections, key families, tables and indexes of the family), for design.json.</summary>
    public abstract object Model { get; }

    /// <summary>The files Export-DbDesign writes besides er.mmd, design.md and design.json, each escaped for its kind.</summary>
    public abstract IReadOnlyList<DesignFile> Files { get; }

    /// <summary>Mermaid text of the physical model (er.mmd).</summary>
    public abstract string Diagram { get; }

    /// <summary>One line for the document's title paragraph: "4 collections with 3 embedded arrays and 9 indexes".</summary>
    public abstract string Summary { get; }

    /// <summary>
    /// Writes what design.md shows in <paramref name="area"/> beyond its decisions (<see cref="DesignAreas"/>:
    /// schema, indexing, partitioning, query optimization, tuning, migration, backup, monitoring, security,
    /// scalability). Every area gets a body: where a practice does not apply to the family, say so and why.
    /// </summary>
    internal abstract void WriteSection(string area, MarkdownBuilder md);
}
