namespace DbArchitect.Core.Lint;

/// <summary>
/// Which tables a script (or an earlier script of the same deployment) created, and at which statement, so a rule can ask
/// "was this table new when statement i ran?" in constant time instead of each statement copying the set.
/// </summary>
public sealed class NewTableLog
{
    private readonly Dictionary<string, int> _createdAt;
    private readonly bool _disabled;

    /// <param name="before">Tables created before the script (earlier scripts of the same deployment).</param>
    /// <param name="comparer">The engine's identifier comparison.</param>
    /// <param name="disabled">Treat every table as existing (<see cref="LintOptions.AssumeExistingTables"/>).</param>
    public NewTableLog(IEnumerable<string> before, StringComparer comparer, bool disabled)
    {
        _createdAt = new Dictionary<string, int>(comparer);
        _disabled = disabled;
        foreach (var name in before)
        {
            _createdAt.TryAdd(name, -1);
        }
    }

    /// <summary>Records that statement <paramref name="statementIndex"/> created the table (the first creation counts).</summary>
    public void Add(string name, int statementIndex) => _createdAt.TryAdd(name, statementIndex);

    /// <summary>True when the table was created before statement <paramref name="statementIndex"/> ran.</summary>
    public bool IsNew(string name, int statementIndex) =>
        !_disabled && _createdAt.TryGetValue(name, out var at) && at < statementIndex;

    /// <summary>The tables this script created (not those it was given).</summary>
    public IReadOnlyList<string> Created => _createdAt.Where(p => p.Value >= 0).Select(p => p.Key).ToArray();
}
