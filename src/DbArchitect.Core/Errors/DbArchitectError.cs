using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Errors;

/// <summary>
/// What kind of failure this is. The PowerShell layer maps it to an ErrorCategory; Core stays free of PowerShell.
/// </summary>
public enum ErrorKind
{
    InvalidData,
    InvalidArgument,
    ObjectNotFound,
    ResourceExists,
    NotImplemented,
    WriteError,
    ReadError,
    SyntaxError,
    SecurityError,
    ConnectionError,
}

/// <summary>
/// One problem found, with a stable id (PascalCase, names the condition), where it is, and how to fix it.
/// Ids are part of the public contract: pipelines match on them.
/// </summary>
public sealed record DbArchitectError(string ErrorId, ErrorKind Kind, string Message, string? Fix, SourceLocation? Location, object? Target = null)
{
    /// <summary>The text a DBA reads: location first (so editors can jump to it), then the problem, then the fix.</summary>
    public override string ToString()
    {
        var where = Location is null || Location.File.Length == 0 ? string.Empty : Location + ": ";
        return Fix is null ? where + Message : $"{where}{Message} {Fix}";
    }
}

/// <summary>Thrown by Core when an operation cannot proceed. Carries every error found, not only the first.</summary>
public sealed class DbArchitectException : Exception
{
    public DbArchitectException(IReadOnlyList<DbArchitectError> errors)
        : base(errors.Count == 0 ? "Unknown error." : string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public DbArchitectException(DbArchitectError error)
        : this(new[] { error })
    {
    }

    public DbArchitectException()
        : this(Array.Empty<DbArchitectError>())
    {
    }

    public DbArchitectException(string message)
        : this(new DbArchitectError("DbArchitectFailure", ErrorKind.InvalidData, message, null, null))
    {
    }

    public DbArchitectException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new[] { new DbArchitectError("DbArchitectFailure", ErrorKind.InvalidData, message, null, null) };
    }

    public IReadOnlyList<DbArchitectError> Errors { get; } = Array.Empty<DbArchitectError>();
}
