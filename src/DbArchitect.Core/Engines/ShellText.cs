namespace DbArchitect.Core.Engines;

/// <summary>Values written into generated POSIX shell scripts.</summary>
internal static class ShellText
{
    /// <summary>
    /// A single-quoted shell word: nothing inside single quotes is expanded ($, `, \ and " are literal), and a quote in
    /// the value is closed, escaped and reopened ('\''). Line breaks stay literal inside the quotes but are refused by
    /// the callers' names anyway; the word is always one argument.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
