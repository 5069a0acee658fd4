using DbArchitect.Core.Design;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Export;

/// <summary>What Export-DbDesign wrote, and what of its own it could not remove (see <see cref="ExportLeftover"/>).</summary>
public sealed record ExportResult(string Path, string Engine, IReadOnlyList<ExportFile> Files)
{
    public int FileCount => Files.Count;

    public IReadOnlyList<ExportLeftover> Leftovers { get; init; } = Array.Empty<ExportLeftover>();
}

/// <summary>
/// A design folder: the engine's SQL scripts at their relative paths (numbered build steps at the top, optional
/// scripts in sub-folders), then er.mmd, design.md and design.json. Written all-or-nothing.
/// </summary>
public static class DesignExporter
{
    public const string DiagramFile = "er.mmd";
    public const string DocumentFile = "design.md";
    public const string JsonFile = "design.json";

    /// <summary>The files a design exports to, in order, without touching the disk (used by -WhatIf and by tests).</summary>
    public static IReadOnlyList<ExportFile> Plan(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var files = design.FamilyModel is { } family
            ? PlanFamily(design, family)
            : Plan(design, EngineRegistry.Get(design.Engine).Scripts.Generate(design));
        return design.Parts.Any(p => p.Generated) ? WithParts(design, files) : files;
    }

    /// <summary>The design's files followed by each generated part's own design folder (parts/redis-cache/…).</summary>
    private static IReadOnlyList<ExportFile> WithParts(DbDesign design, IReadOnlyList<ExportFile> files)
    {
        var all = new List<ExportFile>(files);
        foreach (var part in design.Parts.Where(p => p.Generated))
        {
            all.AddRange(Plan(part.Design!).Select(f => f.Moved(part.Folder + "/" + f.RelativePath, part.Part.Role + ": " + f.Description)));
        }

        ExportPaths.Validate(all);
        return all;
    }

    /// <summary>A non-relational design's folder: the family's files, then er.mmd, design.md and design.json.</summary>
    private static IReadOnlyList<ExportFile> PlanFamily(DbDesign design, Design.Families.FamilyDesign family)
    {
        var files = new List<ExportFile>(family.Files.Count + 3);
        files.AddRange(family.Files.Select(f => new ExportFile(f.RelativePath, f.Description, f.Text)));
        files.Add(new ExportFile(DiagramFile, "Mermaid diagram of the physical model", family.Diagram));
        files.Add(new ExportFile(DocumentFile, "Architecture document", stream => DesignDocument.WriteFamily(stream, design, family)));
        files.Add(new ExportFile(JsonFile, "The design as JSON", stream => DesignJson.WriteFamily(stream, design, family)));
        ExportPaths.Validate(files);
        return files;
    }

    /// <summary>
    /// Writes the files under <paramref name="path"/>. An existing non-empty folder is refused unless
    /// <paramref name="force"/> and this module wrote it; a failure leaves no partial folder and the old one intact.
    /// </summary>
    public static ExportResult Export(DbDesign design, string path, bool force) =>
        Export(design, path, force, scripts: null, probe: null);

    /// <summary>
    /// Writes the files <see cref="Plan(DbDesign)"/> returned for <paramref name="design"/>, with the rules of
    /// <see cref="Export(DbDesign, string, bool)"/>: a caller that planned first (to ask before writing) does not
    /// generate the scripts a second time.
    /// </summary>
    public static ExportResult Export(DbDesign design, IReadOnlyList<ExportFile> planned, string path, bool force)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(planned);
        RefuseMissingPath(path);
        var written = DesignFolderWriter.Write(path, planned, force, probe: null);
        return new ExportResult(written.Path, design.Engine, planned) { Leftovers = written.Leftovers };
    }

    /// <summary>The plan for given scripts: lets tests use scripts independent of any engine's generator.</summary>
    internal static IReadOnlyList<ExportFile> Plan(DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        var files = new List<ExportFile>(scripts.Count + 3);
        files.AddRange(scripts.Select(s => new ExportFile(s.RelativePath, s.Description, s.Text)));
        // The diagram is drawn once: er.mmd and design.md's diagram section are the same text.
        var diagram = MermaidErDiagram.Render(design.Physical);
        files.Add(new ExportFile(DiagramFile, "Mermaid ER diagram of the physical model", diagram));
        files.Add(new ExportFile(DocumentFile, "Architecture document", stream => DesignDocument.Write(stream, design, scripts, diagram)));
        files.Add(new ExportFile(JsonFile, "The design as JSON", stream => DesignJson.Write(stream, design, scripts)));
        ExportPaths.Validate(files);
        return files;
    }

    /// <summary>
    /// <paramref name="scripts"/> replaces the engine's generator when given; <paramref name="probe"/> is called at
    /// each <see cref="ExportStage"/> so a test can inject a failure mid-write.
    /// </summary>
    internal static ExportResult Export(
        DbDesign design, string path, bool force, IReadOnlyList<SqlScript>? scripts, Action<ExportStage, string>? probe)
    {
        RefuseMissingPath(path);
        var files = scripts is null ? Plan(design) : Plan(design, scripts);
        var written = DesignFolderWriter.Write(path, files, force, probe);
        return new ExportResult(written.Path, design.Engine, files) { Leftovers = written.Leftovers };
    }

    private static void RefuseMissingPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DbArchitectException(new DbArchitectError(
                "DesignPathMissing", ErrorKind.InvalidArgument, "No folder was given to export the design to.",
                "Give -Path the folder to create.", null));
        }
    }
}
