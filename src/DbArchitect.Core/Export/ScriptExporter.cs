using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Export;

/// <summary>Writes the scripts of an <see cref="IScriptSource"/> to a folder with the same all-or-nothing rules as a design.</summary>
public static class ScriptExporter
{
    /// <summary>The files the source exports to, without touching the disk (for -WhatIf and tests).</summary>
    public static IReadOnlyList<ExportFile> Plan(IScriptSource source)
    {
        var files = source.ToScripts().Select(s => new ExportFile(s.RelativePath, s.Description, s.Text)).ToList();
        if (files.Count == 0)
        {
            throw new DbArchitectException(new DbArchitectError(
                "NothingToExport", ErrorKind.InvalidData, $"{source.Title} has no SQL to write.",
                "Export only inputs that produced scripts (ConvertTo-DbSql shows them).", null, source));
        }

        ExportPaths.Validate(files);
        return files;
    }

    public static ExportResult Export(IScriptSource source, string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DbArchitectException(new DbArchitectError(
                "DesignPathMissing", ErrorKind.InvalidArgument, "No folder was given to export the scripts to.",
                "Give -Path the folder to create.", null));
        }

        var files = Plan(source);
        var fullPath = DesignFolderWriter.Write(path, files, force, probe: null);
        return new ExportResult(fullPath, source.Engine, files);
    }
}
