namespace DbArchitect.Core.Engines;

/// <summary>What no engine accepts as a name, whatever its quoting rules: nothing at all, or a NUL character.</summary>
internal static class IdentifierText
{
    /// <summary>Throws for a null or empty identifier; with <paramref name="refuseNul"/>, also for one holding NUL.</summary>
    public static void EnsureQuotable(string identifier, bool refuseNul = true)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0)
        {
            throw new ArgumentException("An identifier cannot be empty.", nameof(identifier));
        }

        if (refuseNul && identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(identifier));
        }
    }
}
