using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// The one rule for a workload of which no statement could be planned (or parsed): the run stops with an error that
/// says so and why, instead of returning the review's advice as if the workload had been read.
/// </summary>
public static class UnplannedWorkload
{
    /// <summary>Most per-statement reasons quoted in the error; the rest are in the notes.</summary>
    private const int QuotedReasons = 3;

    /// <summary>Throws when statements were given and none of them was planned; <paramref name="notes"/> hold each skip's reason.</summary>
    public static void ThrowIfNonePlanned(IReadOnlyList<WorkloadStatement>? statements, int planned, IEnumerable<string> notes, string target)
    {
        if (statements is not { Count: > 0 } || planned > 0)
        {
            return;
        }

        var sources = string.Join(", ", statements.Select(s => s.Source).Distinct(StringComparer.Ordinal));
        var reasons = notes.Where(n => n.Contains(" skipped", StringComparison.Ordinal)).Select(n => n.StartsWith("warning:", StringComparison.Ordinal) ? n["warning:".Length..].Trim() : n).Take(QuotedReasons).ToList();
        throw new DbArchitectException(new DbArchitectError("WorkloadNotPlanned", ErrorKind.InvalidData,
            $"None of the {statements.Count} statement(s) of {sources} could be planned, so there is no workload to advise on"
            + (reasons.Count == 0 ? "." : ": " + string.Join("; ", reasons)),
            "Give statements the server accepts against this database, one per line or separated by semicolons; -Verbose lists every statement skipped and why.",
            null, target));
    }
}
