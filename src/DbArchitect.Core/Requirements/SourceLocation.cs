namespace DbArchitect.Core.Requirements;

/// <summary>Where a value was written, so every error can point the DBA at file:line:column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new(string.Empty, 0, 0);

    public override string ToString() => Line == 0 ? File : $"{File}:{Line}:{Column}";
}
