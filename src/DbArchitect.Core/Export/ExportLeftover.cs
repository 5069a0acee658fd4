namespace DbArchitect.Core.Export;

/// <summary>
/// Something of this module's own that an export could not remove (an old design folder after the new one was in
/// place, a temporary left by an interrupted export): the export succeeded, but the path is still there.
/// </summary>
public sealed record ExportLeftover(string Path, string Reason)
{
    /// <summary>The warning a DBA reads.</summary>
    public string Message => $"Could not remove '{Path}' ({Reason}); the export succeeded. Delete it by hand once nothing holds it open; the next export to this folder tries again.";
}
