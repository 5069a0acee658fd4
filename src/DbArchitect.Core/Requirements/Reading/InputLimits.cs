namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// The bounds that keep reading a hostile or broken file within bounded time and memory. One place, so the
/// messages, the checks and the tests quote the same figures.
/// </summary>
internal static class InputLimits
{
    /// <summary>10 MB: a requirements file of thousands of entities is well under 1 MB.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>How deep collections may nest; the format needs about 6, and YamlDotNet's node builder recurses per level.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>How many nodes aliases (*name) may add in all, so an anchor/alias bomb stops long before memory does.</summary>
    public const long MaxAliasExpandedNodes = 100_000;

    /// <summary>10¹³ rows: ten trillion, beyond any single table in service today, and far from 64-bit overflow in capacity sums.</summary>
    public const long MaxRows = 10_000_000_000_000;

    /// <summary>Errors reported one by one; beyond them a single summary error says how many more there were.</summary>
    public const int MaxReportedErrors = 100;
}
