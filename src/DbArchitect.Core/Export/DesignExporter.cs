using DbArchitect.Core.Design;

namespace DbArchitect.Core.Export;

/// <summary>One file of an exported design, relative to the design folder.</summary>
public sealed record ExportFile(string RelativePath, string Description, string Content);

/// <summary>What Export-DbDesign wrote.</summary>
public sealed record ExportResult(string Path, string Engine, IReadOnlyList<ExportFile> Files)
{
    public int FileCount => Files.Count;
}

/// <summary>Writes a design folder all-or-nothing. TODO(helper D): implementation.</summary>
public static class DesignExporter
{
    /// <summary>The files a design exports to, in order, without touching the disk (used by -WhatIf and by tests).</summary>
    public static IReadOnlyList<ExportFile> Plan(DbDesign design) => throw new NotImplementedException();

    /// <summary>
    /// Writes the files under <paramref name="path"/>. An existing non-empty folder is refused unless
    /// <paramref name="force"/>; a failure leaves no partial folder and the old one intact.
    /// </summary>
    public static ExportResult Export(DbDesign design, string path, bool force) => throw new NotImplementedException();
}
