namespace DbArchitect.Core.Export;

/// <summary>
/// The file that proves a folder was written by this module, and lists what it wrote. -Force replaces a folder only
/// when the marker is there and the folder holds nothing else than the files (and their sub-folders) it lists: a
/// file the DBA added later, or a folder the module never wrote (a source tree, the current directory), is never
/// deleted.
/// </summary>
internal static class ExportMarker
{
    public const string FileName = ".dbarchitect-export";

    /// <summary>The first line; a later format that lists files differently gets a new number.</summary>
    public const string FormatLine = "dbarchitect-export format 1";

    /// <summary>The format line, a line of explanation, then one written path per line (forward slashes).</summary>
    public static string Render(IEnumerable<string> relativePaths) =>
        FormatLine + "\n# Written by DbArchitect.PS Export-DbDesign; -Force replaces this folder only while it holds just these files.\n"
        + string.Concat(relativePaths.Select(path => path + "\n"));

    /// <summary>Null when -Force may replace <paramref name="folder"/> (empty, or holding only what its marker lists); else why not.</summary>
    public static string? RefusalReason(string folder)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder, "*", Everything).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var marker = Path.Combine(folder, FileName);
        if (!File.Exists(marker))
        {
            return $"it has no {FileName} marker, so Export-DbDesign did not write it";
        }

        var lines = File.ReadAllLines(marker);
        if (lines.Length == 0 || !string.Equals(lines[0], FormatLine, StringComparison.Ordinal))
        {
            return $"its {FileName} marker does not start with '{FormatLine}'";
        }

        var written = lines.Skip(1).Where(line => line.Length > 0 && !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var folders = written.SelectMany(Parents).ToHashSet(StringComparer.Ordinal);
        var foreign = entries
            .Select(entry => Path.GetRelativePath(folder, entry).Replace('\\', '/'))
            .Where(path => path != FileName && !written.Contains(path) && !folders.Contains(path))
            .Order(StringComparer.Ordinal)
            .ToList();
        return foreign.Count == 0
            ? null
            : $"it holds {foreign.Count} file(s) Export-DbDesign did not write, such as '{foreign[0]}'";
    }

    /// <summary>Hidden files, links and unreadable folders count too: an entry we cannot see is not one we may delete.</summary>
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    private static IEnumerable<string> Parents(string relativePath)
    {
        for (var slash = relativePath.LastIndexOf('/'); slash > 0; slash = relativePath.LastIndexOf('/', slash - 1))
        {
            yield return relativePath[..slash];
        }
    }
}
