using System.Globalization;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.History;

/// <summary>
/// The run a write belongs to. Every shard of one CI run must name the same run, so the default comes from the CI
/// system's run id (the same on every job of a GitHub Actions matrix or Azure DevOps parallel job, and on a re-run of a
/// failed job); outside CI each write is a run of its own.
/// </summary>
public static class HealthHistoryRunId
{
    public const int MaxLength = 200;

    /// <summary>
    /// <paramref name="explicitId"/> when given; else "github:&lt;GITHUB_RUN_ID&gt;", "azure:&lt;BUILD_BUILDID&gt;", or a new
    /// "local:&lt;UTC time&gt;-&lt;random&gt;" id (sortable by time). <paramref name="environment"/> reads a variable.
    /// </summary>
    public static string Resolve(string? explicitId, Func<string, string?> environment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitId))
        {
            return Validated(explicitId.Trim());
        }

        if (environment("GITHUB_RUN_ID") is { Length: > 0 } github)
        {
            return Validated("github:" + github.Trim());
        }

        if (environment("BUILD_BUILDID") is { Length: > 0 } azure)
        {
            return Validated("azure:" + azure.Trim());
        }

        return "local:" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
    }

    private static string Validated(string id)
    {
        if (id.Length > MaxLength || id.Any(char.IsControl))
        {
            throw new DbArchitectException(new DbArchitectError(
                "HealthHistoryRunIdInvalid", ErrorKind.InvalidArgument,
                $"A run id is at most {MaxLength} characters without control characters; '{TextCut.ToLength(Engines.CommentText.OneLine(id), 60)}' is not.",
                "Pass a shorter -RunId (the CI system's run number, for example).", null));
        }

        return id;
    }
}
