using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Schema;

/// <summary>
/// Explicit rename hints for Compare-DbSchema: "old_table" → "new_table" and "table.old_column" → "table.new_column"
/// (the table named as in the reference). A comparison never guesses a rename from similar shapes: without a hint a
/// renamed column is a removed one plus an added one, and the migration planner refuses to lose the data.
/// </summary>
public sealed class RenameMap
{
    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Column), string> _columns = new();

    public static RenameMap Empty { get; } = new();

    public IReadOnlyDictionary<string, string> Tables => _tables;

    public IReadOnlyDictionary<(string Table, string Column), string> Columns => _columns;

    public static RenameMap From(IEnumerable<KeyValuePair<string, string>> hints)
    {
        var map = new RenameMap();
        foreach (var (from, to) in hints)
        {
            var fromParts = from.Split('.');
            var toParts = to.Split('.');
            if (fromParts.Length == 1 && toParts.Length == 1)
            {
                map._tables[from] = to;
            }
            else if (fromParts.Length == 2 && (toParts.Length == 1 || (toParts.Length == 2 && toParts[0] == fromParts[0])))
            {
                map._columns[(fromParts[0], fromParts[1])] = toParts[^1];
            }
            else
            {
                throw new DbArchitectException(new DbArchitectError(
                    "RenameHintInvalid", ErrorKind.InvalidArgument,
                    $"Rename hint '{from}' = '{to}' is neither table → table nor table.column → column.",
                    "Write @{ 'old_table' = 'new_table'; 'table.old_column' = 'new_column' }.", null, from));
            }
        }

        return map;
    }

    /// <summary>The reference table's name in the difference schema.</summary>
    public string TableIn(string referenceTable) => _tables.TryGetValue(referenceTable, out var to) ? to : referenceTable;

    /// <summary>The reference column's name in the difference schema.</summary>
    public string ColumnIn(string referenceTable, string column) =>
        _columns.TryGetValue((referenceTable, column), out var to) ? to : column;
}
