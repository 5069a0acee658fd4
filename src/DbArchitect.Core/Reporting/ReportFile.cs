using System.Text;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// Writes a report file all-or-nothing: the text goes to a temporary file beside the target and is moved into place,
/// so a reader never sees half a report. An existing file is replaced only when <c>force</c> says so.
/// </summary>
public static class ReportFile
{
    /// <summary>Writes the text (UTF-8, no BOM) and returns the full path; throws <see cref="IOException"/> when the file exists and force is false.</summary>
    public static string Write(string path, string text, bool force)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && !force)
        {
            throw new IOException($"The file '{Path.GetFileName(full)}' already exists; use -Force to replace it.");
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: force);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return full;
    }
}
