using System.Globalization;
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
    public static RequirementsResult ReadFile(string path)
    {
        var context = new ReaderContext(path);
        var text = RequirementsText.Read(context, path);
        return text is null ? Result(context, null) : Read(context, text);
    }

    /// <summary>
    /// Reads YAML text; <paramref name="sourceName"/> is the file name used in error locations. Every error of the file is
    /// returned, in file order (the first <see cref="InputLimits.MaxReportedErrors"/>, then one summary); only a YAML
    /// syntax error or a passed input limit stops the read early.
    /// </summary>
    public static RequirementsResult Read(string yaml, string sourceName) => Read(new ReaderContext(sourceName), yaml);

    /// <summary>Reads a file and throws <see cref="DbArchitectException"/> carrying all errors when it is not valid.</summary>
    public static DbRequirement Load(string path)
    {
        var result = ReadFile(path);
        return result.IsValid ? result.Requirement! : throw new DbArchitectException(result.Errors);
    }

    private static RequirementsResult Read(ReaderContext context, string yaml)
    {
        var requirement = RequirementsText.CheckSize(context, yaml.Length, "characters") ? DocumentReader.Read(context, yaml) : null;
        return Result(context, requirement);
    }

    private static RequirementsResult Result(ReaderContext context, DbRequirement? requirement)
    {
        var errors = context.Errors
            .OrderBy(e => e.Location?.Line ?? 0)
            .ThenBy(e => e.Location?.Column ?? 0)
            .ToList();
        if (context.SuppressedCount > 0)
        {
            var last = errors[^1].Location;
            errors.Add(new DbArchitectError(ErrorIds.TooManyErrors, ErrorKind.InvalidData,
                $"{context.SuppressedCount.ToString("N0", CultureInfo.InvariantCulture)} more errors were found and not listed; only the first {InputLimits.MaxReportedErrors.ToString(CultureInfo.InvariantCulture)} are reported.",
                "Fix the errors listed (often one mistake repeated, such as a copied block) and read the file again to see the rest.",
                last, context.SuppressedCount));
        }

        return new RequirementsResult(context.ErrorCount == 0 ? requirement : null, errors);
    }
}
