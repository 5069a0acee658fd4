using System.Management.Automation;
using DbArchitect.Core;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.PS;

/// <summary>
/// What every DbArchitect cmdlet shares: turning Core's errors into ErrorRecords (one per error, stable ids, file:line:column
/// first, the fix as the recommended action) and resolving file paths through the provider. Never a stack trace.
/// </summary>
public abstract class DbArchitectCmdlet : PSCmdlet
{
    /// <summary>Where Get-Help -Online goes: the help source of each cmdlet in the repository (docs/help/&lt;Verb-Noun&gt;.psd1).</summary>
    protected const string HelpUriBase = DbArchitect.Core.Reporting.ReportTool.InformationUri + "/blob/main/docs/help/";

    /// <summary>Prefixes of the error ids for failures that are not Core's own (I/O, access).</summary>
    protected static class Subjects
    {
        public const string RequirementFile = "RequirementFile";
        public const string Design = "Design";
        public const string Sql = "Sql";
        public const string Diagram = "Diagram";
        public const string DesignFolder = "DesignFolder";
    }

    /// <summary>The PowerShell category for a Core error kind.</summary>
    internal static ErrorCategory ToCategory(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidData => ErrorCategory.InvalidData,
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        ErrorKind.ResourceExists => ErrorCategory.ResourceExists,
        ErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        ErrorKind.WriteError => ErrorCategory.WriteError,
        ErrorKind.ReadError => ErrorCategory.ReadError,
        ErrorKind.SyntaxError => ErrorCategory.ParserError,
        ErrorKind.SecurityError => ErrorCategory.SecurityError,
        ErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>
    /// One ErrorRecord for one Core error. The exception message is the error's whole text (location first, then the
    /// problem, then the fix). The displayed message (ErrorDetails) is location and problem, and the fix is the
    /// RecommendedAction, which PowerShell prints on its own "Recommendation:" line, so it is not shown twice.
    /// </summary>
    internal static ErrorRecord ToErrorRecord(DbArchitectError error, object? target)
    {
        var hasFix = !string.IsNullOrEmpty(error.Fix);
        var record = new ErrorRecord(
            new DbArchitectCommandException(error.ToString()),
            error.ErrorId,
            ToCategory(error.Kind),
            error.Target ?? target)
        {
            ErrorDetails = new ErrorDetails(hasFix ? (error with { Fix = null }).ToString() : error.ToString()),
        };
        if (hasFix)
        {
            record.ErrorDetails.RecommendedAction = error.Fix;
        }

        return record;
    }

    /// <summary>
    /// A failed gate ends the script as <c>throw</c> does, not only the statement: <c>pwsh -File ci.ps1</c> then exits 1
    /// whatever $ErrorActionPreference is, so a CI step fails. (ThrowTerminatingError ends the statement, after which the
    /// script goes on and exits 0.) try/catch still catches it.
    /// </summary>
    internal RuntimeException ScriptTerminating(ErrorRecord record)
    {
        // The id names the command as ThrowTerminatingError's would ("HealthCheckFailed,DbArchitect.PS.Commands.…").
        var named = new ErrorRecord(record.Exception, $"{record.FullyQualifiedErrorId},{GetType().FullName}", record.CategoryInfo.Category, record.TargetObject)
        {
            ErrorDetails = record.ErrorDetails,
        };
        return new RuntimeException(record.Exception.Message, record.Exception, named) { WasThrownFromThrowStatement = true };
    }

    /// <summary>Writes every error as a non-terminating ErrorRecord, so all problems of an input are reported.</summary>
    protected void WriteErrors(IEnumerable<DbArchitectError> errors, object? target)
    {
        foreach (var error in errors)
        {
            WriteError(ToErrorRecord(error, target));
        }
    }

    /// <summary>
    /// Runs a Core call. Core errors, file system errors and unfinished features become ErrorRecords (non-terminating,
    /// so the next pipeline input still runs); <paramref name="subject"/> ("RequirementFile", "DesignFolder") names I/O failures.
    /// Returns false when the call failed.
    /// </summary>
    protected bool TryCore<T>(Func<T> call, object? target, string subject, out T result)
    {
        result = default!;
        try
        {
            // The user's culture must not reach generated text (decimal commas, other digits and minus signs).
            result = InvariantText.Run(call);
            return true;
        }
        catch (DbArchitectException ex)
        {
            WriteErrors(ex.Errors.Count > 0 ? ex.Errors : new[] { Describe(ex, subject, target) }, target);
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            WriteErrors(new[] { Describe(ex, subject, target) }, target);
        }

        return false;
    }

    /// <summary>A Core call with no result; false when it failed (its errors written).</summary>
    protected bool TryCore(Action call, object? target, string subject) =>
        TryCore(() => { call(); return true; }, target, subject, out _);

    /// <summary>
    /// An unknown -Engine fails every input the same way: stop before reading anything, with Core's message.
    /// Known engines that cannot design yet are reported per input by Core.
    /// </summary>
    protected void StopOnUnknownEngine(string? engine)
    {
        if (engine is not null && !EngineRegistry.IsKnown(engine))
        {
            CallCoreOrStop(() => EngineRegistry.Get(engine), engine, Subjects.Design);
        }
    }

    /// <summary>
    /// Reads each requirements file the paths resolve to and yields the valid ones; every error of a file is written
    /// as its own ErrorRecord first, so one bad file never hides the others.
    /// </summary>
    protected IEnumerable<(DbRequirement Requirement, string File)> ReadRequirements(IEnumerable<string> paths, bool literal = false)
    {
        foreach (var file in ResolveFiles(paths, literal, "RequirementFileNotFound"))
        {
            if (!TryCore(() => RequirementsReader.ReadFile(file), file, Subjects.RequirementFile, out var result))
            {
                continue;
            }

            WriteErrors(result.Errors, file);
            if (result.IsValid)
            {
                var read = result.Requirement!;
                WriteVerbose(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture, "Read {0}: {1} ({2} entities, {3} relationships, {4} access patterns).",
                    file, read.Name, read.Entities.Count, read.Relationships.Count, read.AccessPatterns.Count));
                yield return (read, file);
            }
            else
            {
                WriteVerbose(string.Format(System.Globalization.CultureInfo.InvariantCulture, "Read {0}: {1} error(s), nothing designed from it.", file, result.Errors.Count));
            }
        }
    }

    /// <summary>A Core call with no result that stops the command when it fails.</summary>
    protected void CallCoreOrStop(Action call, object? target, string subject) =>
        CallCoreOrStop(() => { call(); return true; }, target, subject);

    /// <summary>Like <see cref="TryCore{T}"/> but stops the command: for problems no later input can avoid (a bad -Engine).</summary>
    protected T CallCoreOrStop<T>(Func<T> call, object? target, string subject)
    {
        try
        {
            return InvariantText.Run(call);
        }
        catch (DbArchitectException ex)
        {
            var errors = ex.Errors.Count > 0 ? ex.Errors : new[] { Describe(ex, subject, target) };
            WriteErrors(errors.Take(errors.Count - 1), target);
            ThrowTerminatingError(ToErrorRecord(errors[^1], target));
            throw; // not reached: ThrowTerminatingError always throws
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            ThrowTerminatingError(ToErrorRecord(Describe(ex, subject, target), target));
            throw;
        }
    }

    /// <summary>
    /// Resolves -Path (wildcards, provider paths such as Get-ChildItem's PSPath) or -LiteralPath to existing files.
    /// A path that matches nothing is reported as <paramref name="notFoundErrorId"/> (ObjectNotFound).
    /// </summary>
    protected IEnumerable<string> ResolveFiles(IEnumerable<string> paths, bool literal, string notFoundErrorId, string kind = "requirements file", string extension = ".yaml")
    {
        foreach (var path in paths)
        {
            IReadOnlyList<string> resolved;
            try
            {
                if (literal)
                {
                    resolved = new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path) };
                }
                else
                {
                    resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider) is { } list && provider.Name == "FileSystem"
                        ? list
                        : Array.Empty<string>();
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or IOException)
            {
                resolved = Array.Empty<string>();
            }

            // A file whose name holds wildcard characters ("x[1].yaml" piped from Get-ChildItem) matches itself.
            if (!literal && resolved.Count == 0 && WildcardPattern.ContainsWildcardCharacters(path))
            {
                var asWritten = FullPathForMessage(path);
                if (File.Exists(asWritten))
                {
                    resolved = new[] { asWritten };
                }
            }

            var found = false;
            foreach (var file in resolved)
            {
                if (File.Exists(file))
                {
                    found = true;
                    yield return file;
                }
            }

            if (!found)
            {
                WriteErrors(new[] { FileNotFound(notFoundErrorId, resolved.Count == 1 ? resolved[0] : FullPathForMessage(path), kind, extension) }, path);
            }
        }
    }

    private static DbArchitectError FileNotFound(string errorId, string path, string kind, string extension) => Directory.Exists(path)
        ? new DbArchitectError(
            errorId, ErrorKind.ObjectNotFound, $"This is a folder, not a {kind}.",
            extension == ".yaml"
                ? "Pass the path of a .yaml file, for example 'Get-ChildItem <folder>/*.yaml | Import-DbRequirement'."
                : $"Pass the files in it, for example '<folder>/*{extension}'.",
            new SourceLocation(path, 0, 0))
        : new DbArchitectError(
            errorId, ErrorKind.ObjectNotFound, $"The {kind} does not exist.",
            $"Check the path, or use Get-ChildItem to list the {extension} files that exist.",
            new SourceLocation(path, 0, 0));

    /// <summary>The path as the user would recognise it (absolute), or as written when the provider cannot say.</summary>
    private string FullPathForMessage(string path)
    {
        try
        {
            return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException)
        {
            return path;
        }
    }

    private static bool IsExpected(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or NotImplementedException or System.Security.SecurityException or ArgumentException;

    /// <summary>
    /// A Core-style error for an exception that was not one of Core's own, without its stack trace. Ids are
    /// <paramref name="subject"/> + NotFound / AccessDenied / ReadFailed / WriteFailed / Invalid.
    /// </summary>
    private static DbArchitectError Describe(Exception ex, string subject, object? target)
    {
        var where = target is string path ? new SourceLocation(path, 0, 0) : null;
        var writing = string.Equals(subject, Subjects.DesignFolder, StringComparison.Ordinal);
        return ex switch
        {
            DbArchitectException => new DbArchitectError(subject + "Failed", ErrorKind.InvalidData, ex.Message, null, where),
            FileNotFoundException or DirectoryNotFoundException => new DbArchitectError(
                subject + "NotFound", ErrorKind.ObjectNotFound, ex.Message, "Check the path.", where),
            UnauthorizedAccessException or System.Security.SecurityException => new DbArchitectError(
                subject + "AccessDenied", ErrorKind.SecurityError, ex.Message, "Check the file system permissions of the path.", where),
            NotImplementedException => new DbArchitectError(
                "FeatureNotImplemented", ErrorKind.NotImplemented, "This part of DbArchitect is not implemented yet.", "Update the module to a build that includes it.", where),
            ArgumentException => new DbArchitectError(subject + "Invalid", ErrorKind.InvalidArgument, ex.Message, null, where),
            _ when writing => new DbArchitectError(subject + "WriteFailed", ErrorKind.WriteError, ex.Message, "Check the disk and the folder, then run the command again.", where),
            _ => new DbArchitectError(subject + "ReadFailed", ErrorKind.ReadError, ex.Message, "Check the file, then run the command again.", where),
        };
    }
}

/// <summary>The exception inside a DbArchitect ErrorRecord: carries the text only, never a stack trace of Core.</summary>
public sealed class DbArchitectCommandException : Exception
{
    public DbArchitectCommandException()
    {
    }

    public DbArchitectCommandException(string message)
        : base(message)
    {
    }

    public DbArchitectCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
