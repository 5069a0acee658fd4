namespace DbArchitect.Core.Export;

/// <summary>Points in an export where a test probe may inject a failure (see <see cref="DesignFolderWriter"/>).</summary>
internal enum ExportStage
{
    /// <summary>A file was written into the temporary folder (argument: its relative path).</summary>
    FileWritten,

    /// <summary>The existing design folder was renamed aside (argument: the backup folder).</summary>
    OldFolderMovedAside,

    /// <summary>The new folder was renamed into place (argument: the design folder).</summary>
    NewFolderMovedIn,

    /// <summary>A folder of this module's own (a backup or a stale temporary) is about to be deleted (argument: the folder).</summary>
    Deleting,
}
