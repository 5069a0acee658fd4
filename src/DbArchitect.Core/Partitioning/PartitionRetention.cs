using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

/// <summary>Parses -Retention the way the requirements file writes it: a positive whole number and d, w, m or y (90d, 5y).</summary>
public static class PartitionRetention
{
    public static bool TryParse(string? text, out Retention? retention)
    {
        retention = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length < 2 || !int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        RetentionUnit? unit = char.ToLowerInvariant(value[^1]) switch
        {
            'd' => RetentionUnit.Day,
            'w' => RetentionUnit.Week,
            'm' => RetentionUnit.Month,
            'y' => RetentionUnit.Year,
            _ => null,
        };
        retention = unit is { } u ? new Retention(amount, u) : null;
        return retention is not null;
    }
}
