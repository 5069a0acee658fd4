using System.Globalization;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// One published CVE in an extension's versions before <see cref="FixedIn"/> (extension-cves.tsv, shipped inside the
/// assembly). <see cref="FixedByUpdate"/>: the fix is in the extension's SQL objects, or in a library the installed
/// version selects, so only ALTER EXTENSION … UPDATE in each database applies it; otherwise the package's library
/// carries it and upgrading the package is enough.
/// </summary>
internal sealed record PostgreSqlExtensionAdvisory(string Extension, string? AffectedFrom, string FixedIn, bool FixedByUpdate, string Cve, string Source, string Impact)
{
    private static readonly Lazy<IReadOnlyList<PostgreSqlExtensionAdvisory>> Shipped = new(() =>
    {
        using var stream = typeof(PostgreSqlExtensionAdvisory).Assembly.GetManifestResourceStream("DbArchitect.Core.extension-cves.tsv")
            ?? throw new InvalidOperationException("extension-cves.tsv is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static IReadOnlyList<PostgreSqlExtensionAdvisory> All => Shipped.Value;

    public static IReadOnlyList<PostgreSqlExtensionAdvisory> Parse(string text) => text
        .Split('\n')
        .Select(line => line.TrimEnd('\r'))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t') is { Length: 7 } f
            ? new PostgreSqlExtensionAdvisory(f[0], f[1].Length == 0 ? null : f[1], f[2], f[3] switch
            {
                "update" => true,
                "package" => false,
                var other => throw new FormatException($"extension-cves.tsv: fix_by is update or package, not '{other}'."),
            }, f[4], f[5], f[6])
            : throw new FormatException($"extension-cves.tsv: 7 tab-separated fields expected: {line}"))
        .ToList();

    /// <summary>
    /// True when the database still runs the flaw: the installed version is in the affected range, and either only an
    /// UPDATE applies the fix or the server's package (its default version) predates the fix too.
    /// </summary>
    public bool Applies(string installed, string? available) =>
        Compare(installed, FixedIn) < 0
        && (AffectedFrom is null || Compare(installed, AffectedFrom) >= 0)
        && (FixedByUpdate || available is null || Compare(available, FixedIn) < 0);

    /// <summary>True when the server's package already provides the fixed version (ALTER EXTENSION … UPDATE reaches it).</summary>
    public bool UpdateAvailable(string? available) => available is not null && Compare(available, FixedIn) >= 0;

    /// <summary>Extension versions compared part by part ("1.4-1" after "1.4", "0.10.0" after "0.9.1"); numbers as numbers.</summary>
    public static int Compare(string left, string right)
    {
        var a = left.Split('.', '-', '_');
        var b = right.Split('.', '-', '_');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length)
            {
                return a.Length.CompareTo(b.Length);
            }

            var order = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
