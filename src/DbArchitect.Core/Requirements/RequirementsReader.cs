using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements.Reading;

namespace DbArchitect.Core.Requirements;

/// <summary>The outcome of reading a requirements file: the requirement when valid, and every error found.</summary>
public sealed record RequirementsResult(DbRequirement? Requirement, IReadOnlyList<DbArchitectError> Errors)
{
    public bool IsValid => Requirement is not null && Errors.Count == 0;
}

/// <summary>Reads requirements format 1 (YAML). The work is done by the readers in <c>Requirements/Reading</c>.</summary>
public static class RequirementsReader
{
    /// <summary>Reads and validates a file. Never throws for bad content: every problem is in <see cref="RequirementsResult.Errors"/>.</summary>
    public static RequirementsResult ReadFile(string path) => Read(File.ReadAllText(path), path);

    /// <summary>
    /// Reads YAML text; <paramref name="sourceName"/> is the file name used in error locations. Every error of the file is
    /// returned, in file order; only a YAML syntax error stops the read early.
    /// </summary>
    public static RequirementsResult Read(string yaml, string sourceName)
    {
        var context = new ReaderContext(sourceName);
        var requirement = DocumentReader.Read(context, yaml);
        var errors = context.Errors
            .OrderBy(e => e.Location?.Line ?? 0)
            .ThenBy(e => e.Location?.Column ?? 0)
            .ToArray();
        return new RequirementsResult(context.ErrorCount == 0 ? requirement : null, errors);
    }

    /// <summary>Reads a file and throws <see cref="DbArchitectException"/> carrying all errors when it is not valid.</summary>
    public static DbRequirement Load(string path)
    {
        var result = ReadFile(path);
        return result.IsValid ? result.Requirement! : throw new DbArchitectException(result.Errors);
    }
}
