using System.Text.RegularExpressions;

namespace DbArchitect.Core.Schema;

/// <summary>
/// Which schemas and tables Import-DbSchema reads: wildcard patterns (* and ?), case-insensitive like PowerShell's.
/// Empty lists mean everything the user owns (system schemas are never read).
/// </summary>
public sealed class SchemaFilter
{
    private readonly Regex[] _schemas;
    private readonly Regex[] _tables;

    public SchemaFilter(IEnumerable<string>? schemas = null, IEnumerable<string>? tables = null)
    {
        Schemas = (schemas ?? Array.Empty<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        Tables = (tables ?? Array.Empty<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        _schemas = Schemas.Select(Pattern).ToArray();
        _tables = Tables.Select(Pattern).ToArray();
    }

    public static SchemaFilter All { get; } = new();

    public IReadOnlyList<string> Schemas { get; }

    public IReadOnlyList<string> Tables { get; }

    public bool MatchesSchema(string schema) => _schemas.Length == 0 || _schemas.Any(p => p.IsMatch(schema));

    public bool MatchesTable(string table) => _tables.Length == 0 || _tables.Any(p => p.IsMatch(table));

    private static Regex Pattern(string wildcard) =>
        new("^" + Regex.Escape(wildcard).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
