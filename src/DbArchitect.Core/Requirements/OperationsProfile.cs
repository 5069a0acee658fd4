using System.Globalization;

namespace DbArchitect.Core.Requirements;

/// <summary>
/// Recovery objectives and the quiet hours backups may use. Null means "not stated"; the backup planner then uses
/// its documented assumptions and says so in its reasons.
/// </summary>
public sealed record OperationsProfile(double? RpoMinutes, double? RtoMinutes, BackupWindow? BackupWindow)
{
    public static readonly OperationsProfile Unspecified = new(null, null, null);

    public bool IsStated => RpoMinutes is not null || RtoMinutes is not null || BackupWindow is not null;
}

/// <summary>A daily window in UTC, in minutes after midnight; it may cross midnight ("22:00-02:00").</summary>
public sealed record BackupWindow(int StartMinute, int EndMinute)
{
    public int DurationMinutes => (EndMinute - StartMinute + 1440) % 1440;

    public override string ToString() => Clock(StartMinute) + "-" + Clock(EndMinute);

    private static string Clock(int minute) =>
        (minute / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (minute % 60).ToString("00", CultureInfo.InvariantCulture);
}
