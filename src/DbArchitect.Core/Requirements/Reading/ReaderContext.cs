using DbArchitect.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// State shared by every part of one read: the source name for locations and the errors found so far.
/// Readers report into it and carry on, so one pass finds every problem of a file.
/// </summary>
internal sealed class ReaderContext
{
    private readonly List<DbArchitectError> _errors = new();

    public ReaderContext(string sourceName)
    {
        SourceName = sourceName;
    }

    public string SourceName { get; }

    public IReadOnlyList<DbArchitectError> Errors => _errors;

    /// <summary>Every error found, counted even when it was beyond <see cref="InputLimits.MaxReportedErrors"/> and not kept.</summary>
    public int ErrorCount => _errors.Count + SuppressedCount;

    /// <summary>Errors found after the first <see cref="InputLimits.MaxReportedErrors"/>: counted, not kept, so 20,000 duplicates cost no memory.</summary>
    public int SuppressedCount { get; private set; }

    /// <summary>The 1-based line and column where <paramref name="node"/> starts (YamlDotNet marks are already 1-based).</summary>
    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(SourceName, ToInt(mark.Line), ToInt(mark.Column));

    public void Report(string errorId, ErrorKind kind, string message, string fix, SourceLocation location, object? target = null)
    {
        if (_errors.Count >= InputLimits.MaxReportedErrors)
        {
            SuppressedCount++;
            return;
        }

        _errors.Add(new DbArchitectError(errorId, kind, message, fix, location, target));
    }

    public void Report(string errorId, ErrorKind kind, string message, string fix, YamlNode node, object? target = null) =>
        Report(errorId, kind, message, fix, At(node), target);

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
