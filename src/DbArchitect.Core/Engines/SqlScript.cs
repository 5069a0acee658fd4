namespace DbArchitect.Core.Engines;

public enum ScriptKind { Extensions, Schema, Tables, ForeignKeys, Indexes, Triggers, Audit, Security, Queries, Jobs, Config, Reference }

/// <summary>
/// One SQL file of a design. <see cref="RelativePath"/> is where Export-DbDesign writes it: numbered files at the top
/// level build the database when applied in order; optional and reference scripts live in sub-folders.
/// </summary>
public sealed record SqlScript(
    string RelativePath,
    int Order,
    ScriptKind Kind,
    string Engine,
    string Description,
    string Text,
    bool RunsInTransaction)
{
    public string Name => Path.GetFileName(RelativePath);

    /// <summary>True for the numbered scripts that build the database, false for optional and reference scripts.</summary>
    public bool IsBuildStep => !RelativePath.Contains('/', StringComparison.Ordinal);

    public int LineCount => Text.Length == 0 ? 0 : Text.Count(c => c == '\n') + (Text.EndsWith('\n') ? 0 : 1);
}
