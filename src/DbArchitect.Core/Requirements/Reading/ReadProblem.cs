using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>A problem found by a pure parser (type, default, check), reported by the caller at the node it came from.</summary>
internal sealed record ReadProblem(string ErrorId, string Message, string Fix, ErrorKind Kind = ErrorKind.InvalidData);
