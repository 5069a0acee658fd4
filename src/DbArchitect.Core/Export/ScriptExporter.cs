using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Export;

/// <summary>Writes the scripts of an <see cref="IScriptSource"/> to a folder with the same all-or-nothing rules as a design.</summary>
public static class ScriptExporter
{
    /// <summary>The files the source exports to, without touching the disk (for -WhatIf and tests).</summary>
    /// <summary>
    /// The files of every source, in pipeline order, without touching the disk (for -WhatIf and tests). Sources that
    /// arrive one object at a time (one recommendation each) are written to one folder; two scripts with the same
    /// path are refused rather than one silently replacing the other.
    /// </summary>
    public static IReadOnlyList<ExportFile> Plan(IReadOnlyList<IScriptSource> sources)
    {
        var files = sources.SelectMany(source => source.ToScripts()).Select(s => new ExportFile(s.RelativePath, s.Description, s.Text)).ToList();
        if (files.Count == 0)
        {
            var title = sources.Count == 1 ? sources[0].Title : $"{sources.Count} inputs";
            throw new DbArchitectException(new DbArchitectError(
                "NothingToExport", ErrorKind.InvalidData, $"{title} has no SQL to write.",
                "Export only inputs that produced scripts (ConvertTo-DbSql shows them).", null));
        }

        ExportPaths.Validate(files);
        return files;
    }

    public static ExportResult Export(IReadOnlyList<IScriptSource> sources, string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DbArchitectException(new DbArchitectError(
                "DesignPathMissing", ErrorKind.InvalidArgument, "No folder was given to export the scripts to.",
                "Give -Path the folder to create.", null));
        }

        var files = Plan(sources);
        var written = DesignFolderWriter.Write(path, files, force, probe: null);
        var engines = string.Join(", ", sources.Select(s => s.Engine).Distinct(StringComparer.Ordinal));
        return new ExportResult(written.Path, engines, files) { Leftovers = written.Leftovers };
    }
}
