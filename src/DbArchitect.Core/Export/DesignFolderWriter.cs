using System.Security.Cryptography;
using System.Text;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Export;

/// <summary>
/// Writes a design folder all-or-nothing. Files go to a fresh temporary sibling folder (same parent, so the final
/// rename stays on one file system and is atomic); only a complete folder is renamed into place. An existing folder
/// is renamed aside first and deleted only after the new one is in place; on any failure the old folder is restored
/// and the temporary one deleted, so the previous design is never lost and no partial folder is left behind.
/// </summary>
internal static class DesignFolderWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Write(string path, IReadOnlyList<ExportFile> files, bool force, Action<ExportStage, string>? probe)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(target))
        {
            throw new DbArchitectException(new DbArchitectError(
                "PathIsFile", ErrorKind.InvalidArgument,
                $"'{target}' is a file; a design is exported to a folder.",
                "Give -Path a folder that does not exist yet, or an existing design folder with -Force.", null, target));
        }

        var exists = Directory.Exists(target);
        if (exists && !force && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new DbArchitectException(new DbArchitectError(
                "DesignFolderExists", ErrorKind.ResourceExists,
                $"The folder '{target}' already exists and is not empty.",
                "Use -Force to replace it (its current content is kept until the new design is complete), or choose another -Path.",
                null, target));
        }

        var parent = Path.GetDirectoryName(target)
            ?? throw Failed(target, "a design cannot be written to the root of a drive");
        var name = Path.GetFileName(target);
        var temp = Path.Combine(parent, $".{name}.tmp-{Token()}");
        var backup = Path.Combine(parent, $".{name}.old-{Token()}");
        var movedAside = false;
        var movedIn = false;
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temp);
            foreach (var file in files)
            {
                var full = Path.GetFullPath(Path.Combine(temp, file.RelativePath));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, file.Content.Replace("\r\n", "\n", StringComparison.Ordinal), Utf8NoBom);
                probe?.Invoke(ExportStage.FileWritten, file.RelativePath);
            }

            if (exists)
            {
                Directory.Move(target, backup);
                movedAside = true;
                probe?.Invoke(ExportStage.OldFolderMovedAside, backup);
            }

            Directory.Move(temp, target);
            movedIn = true;
            probe?.Invoke(ExportStage.NewFolderMovedIn, target);
        }
        catch (Exception ex) when (ex is not DbArchitectException)
        {
            Rollback(target, temp, backup, movedAside, movedIn);
            throw Failed(target, ex.Message);
        }

        // The new design is complete and in place; a backup that cannot be removed now (a file held open) is a
        // hidden sibling folder, not a reason to fail an export that succeeded.
        TryDelete(backup);
        return target;
    }

    private static void Rollback(string target, string temp, string backup, bool movedAside, bool movedIn)
    {
        if (movedIn)
        {
            // The new folder was already in place when the failure happened: take it out again.
            TryMove(target, temp);
        }

        if (movedAside)
        {
            TryMove(backup, target);
        }

        TryDelete(temp);
    }

    private static void TryMove(string from, string to)
    {
        try
        {
            if (Directory.Exists(from) && !Directory.Exists(to))
            {
                Directory.Move(from, to);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Token() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    private static DbArchitectException Failed(string target, string reason)
    {
        var error = new DbArchitectError(
            "DesignExportFailed", ErrorKind.WriteError,
            $"Could not write the design to '{target}': {reason}",
            "Check that the parent folder is writable and has free space; any previous design in that folder was kept.", null, target);
        return new DbArchitectException(error);
    }
}
