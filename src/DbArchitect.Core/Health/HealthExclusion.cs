namespace DbArchitect.Core.Health;

/// <summary>
/// A finding the team has decided to live with, and why. An excluded finding is not dropped: it becomes a Skipped row
/// whose message carries the reason, so the decision stays visible in every report.
/// </summary>
public sealed record HealthExclusion(string CheckId, string? Database, string? Target, string Reason)
{
    public bool Covers(HealthCheckResult result) =>
        HealthPattern.Matches(CheckId, result.CheckId)
        && (Database is null || Database.Equals(result.Database, StringComparison.Ordinal))
        && (Target is null || HealthPattern.Matches(Target, result.Target));
}

/// <summary>Matching of check ids and targets with * and ? wildcards (check ids ignore case, targets do not).</summary>
public static class HealthPattern
{
    public static bool Matches(string pattern, string value)
    {
        var ignoreCase = pattern.All(c => !char.IsLower(c)) && value.All(c => !char.IsLower(c));
        return Match(pattern.AsSpan(), value.AsSpan(), ignoreCase || IsCheckId(value));
    }

    private static bool IsCheckId(string value) => value.Length > 0 && value.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_');

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, bool ignoreCase)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                for (var i = 0; i <= value.Length; i++)
                {
                    if (Match(pattern[1..], value[i..], ignoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (value.Length == 0 || (pattern[0] != '?' && !Same(pattern[0], value[0], ignoreCase)))
            {
                return false;
            }

            pattern = pattern[1..];
            value = value[1..];
        }

        return value.Length == 0;
    }

    private static bool Same(char a, char b, bool ignoreCase) => ignoreCase ? char.ToUpperInvariant(a) == char.ToUpperInvariant(b) : a == b;
}
