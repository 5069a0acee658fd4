using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Export;

/// <summary>
/// Writes a design folder all-or-nothing. Files go to a fresh temporary sibling folder (same parent, so the final
/// rename stays on one file system and is atomic); only a complete folder is renamed into place. An existing folder
/// is renamed aside first and deleted only after the new one is in place; on any failure the old folder is restored
/// and the temporary one deleted, so the previous design is never lost and no partial folder is left behind.
/// An existing folder is replaced only when it is empty or this module wrote it (<see cref="ExportMarker"/>):
/// an export never deletes what it did not write.
/// </summary>
internal static class DesignFolderWriter
{
    public static FolderWriteResult Write(string path, IReadOnlyList<ExportFile> files, bool force, Action<ExportStage, string>? probe)
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
        if (exists && Directory.EnumerateFileSystemEntries(target).Any())
        {
            RefuseUnlessReplaceable(target, force);
        }

        var parent = Path.GetDirectoryName(target)
            ?? throw Failed(target, "a design cannot be written to the root of a drive");
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        var leftovers = ExportTemporaries.CleanStale(parent, name, folder => TryDelete(folder, probe)).ToList();
        using var temporaries = Begin(parent, name, target);
        var (temp, backup) = (temporaries.Temp, temporaries.Backup);
        var movedAside = false;
        var movedIn = false;
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var file in files)
            {
                WriteFile(temp, file);
                probe?.Invoke(ExportStage.FileWritten, file.RelativePath);
            }

            WriteFile(temp, new ExportFile(ExportMarker.FileName, string.Empty, ExportMarker.Render(files.Select(f => f.RelativePath))));
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
            Rollback(target, temp, backup, movedAside, movedIn, probe);
            throw Failed(target, ex.Message);
        }

        // The new design is complete and in place; a backup that cannot be removed now (a file held open) is not a
        // reason to fail an export that succeeded, but it is reported rather than left behind in silence.
        if (TryDelete(backup, probe) is { } reason)
        {
            leftovers.Add(new ExportLeftover(backup, reason));
        }

        return new FolderWriteResult(target, leftovers);
    }

    private static void RefuseUnlessReplaceable(string target, bool force)
    {
        if (!force)
        {
            throw new DbArchitectException(new DbArchitectError(
                "DesignFolderExists", ErrorKind.ResourceExists,
                $"The folder '{target}' already exists and is not empty.",
                "Use -Force to replace a folder Export-DbDesign wrote (its current content is kept until the new design is complete), or choose another -Path.",
                null, target));
        }

        string? reason;
        try
        {
            reason = ExportMarker.RefusalReason(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = $"its content cannot be read to check that Export-DbDesign wrote it ({ex.Message})";
        }

        if (reason is not null)
        {
            throw new DbArchitectException(new DbArchitectError(
                "DesignFolderNotExported", ErrorKind.ResourceExists,
                $"-Force does not replace '{target}': {reason}. Export-DbDesign replaces only an empty folder or one it wrote (marked by {ExportMarker.FileName}, holding only the files listed there).",
                "Give -Path a new or empty folder, or move your own files out of that folder; nothing was changed.",
                null, target));
        }
    }

    private static ExportTemporaries Begin(string parent, string name, string target)
    {
        try
        {
            return ExportTemporaries.Begin(parent, name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(target, ex.Message);
        }
    }

    private static void WriteFile(string folder, ExportFile file)
    {
        var full = Path.GetFullPath(Path.Combine(folder, file.RelativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Unbuffered: every renderer already writes in chunks of 16-64 KB (StreamWriter, the JSON writer, WriteText's
        // pieces), so a file buffer would only copy each chunk once more on its way to the disk.
        using var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.WriteTo(stream);
    }

    private static void Rollback(string target, string temp, string backup, bool movedAside, bool movedIn, Action<ExportStage, string>? probe)
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

        TryDelete(temp, probe);
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

    /// <summary>Deletes a folder of this module's own; null when it is gone, else why it is not.</summary>
    private static string? TryDelete(string folder, Action<ExportStage, string>? probe)
    {
        try
        {
            probe?.Invoke(ExportStage.Deleting, folder);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private static DbArchitectException Failed(string target, string reason)
    {
        var error = new DbArchitectError(
            "DesignExportFailed", ErrorKind.WriteError,
            $"Could not write the design to '{target}': {reason}",
            "Check that the parent folder is writable and has free space; any previous design in that folder was kept.", null, target);
        return new DbArchitectException(error);
    }
}

/// <summary>Where a folder was written, and what of this module's own could not be removed on the way.</summary>
internal sealed record FolderWriteResult(string Path, IReadOnlyList<ExportLeftover> Leftovers);
