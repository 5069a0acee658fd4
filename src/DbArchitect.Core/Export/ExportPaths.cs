using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Export;

/// <summary>Checks that every planned file stays inside the design folder and that no two files share a path.</summary>
internal static class ExportPaths
{
    private static readonly char[] Separators = { '/', '\\' };

    /// <summary>
    /// The file name of the requirements file, never its folder: exported files must not reveal where the DBA keeps
    /// it. Both separators count, so a path written on Windows is cut correctly on Linux too.
    /// </summary>
    public static string SourceName(string sourcePath) => sourcePath[(sourcePath.LastIndexOfAny(Separators) + 1)..];

    public static void Validate(IReadOnlyList<ExportFile> files)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var path = file.RelativePath;
            var segments = path.Split('/');
            var safe = path.Length > 0
                && !Path.IsPathRooted(path)
                && !path.Contains('\\', StringComparison.Ordinal)
                && !path.Contains(':', StringComparison.Ordinal)
                && segments.All(s => s.Length > 0 && s != "." && s != "..");
            if (!safe || !seen.Add(path))
            {
                throw new DbArchitectException(new DbArchitectError(
                    "InvalidExportPath", ErrorKind.InvalidData,
                    safe ? $"Two files of the design would be written to '{path}'." : $"'{path}' is not a relative path inside the design folder.",
                    "This is a defect in the script generator; please report it with the requirements file.", null, path));
            }
        }
    }
}
