using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

/// <summary>
/// One MySQL statement: for ALTER TABLE the table and its comma-separated clauses (actions and the ALGORITHM= / LOCK=
/// options, which MySQL lists among them).
/// </summary>
internal sealed class MySqlLintStatement
{
    private readonly NewTableLog _newTables;

    public MySqlLintStatement(SqlStatement sql, NewTableLog newTables, bool lockWaitTimeoutSet)
    {
        Sql = sql;
        _newTables = newTables;
        LockWaitTimeoutSet = lockWaitTimeoutSet;
        if (sql.StartsWith("ALTER"))
        {
            var table = sql.Find(0, 4, "TABLE");
            if (table >= 0)
            {
                var (name, _, next) = sql.ReadName(table + 1);
                AlteredTable = name;
                Clauses = sql.SplitTopLevel(next, sql.Tokens.Count);
            }
        }
    }

    public SqlStatement Sql { get; }

    public bool LockWaitTimeoutSet { get; }

    /// <summary>The table of an ALTER TABLE, or null.</summary>
    public string? AlteredTable { get; }

    public IReadOnlyList<(int Start, int End)> Clauses { get; } = Array.Empty<(int, int)>();

    public bool IsNewTable(string name) => _newTables.IsNew(name, Sql.Index);

    public bool AltersExistingTable => AlteredTable is not null && !IsNewTable(AlteredTable);

    /// <summary>The value of an ALGORITHM= or LOCK= option anywhere in the statement (CREATE INDEX puts them after the columns).</summary>
    public string? Option(string name)
    {
        var at = Sql.Find(name);
        if (at < 0)
        {
            return null;
        }

        var value = at + 1 < Sql.Tokens.Count && Sql.Tokens[at + 1].IsSymbol("=") ? at + 2 : at + 1;
        return value < Sql.Tokens.Count ? Sql.Tokens[value].Text.ToUpperInvariant() : null;
    }

    /// <summary>ALGORITHM=INSTANT, ALGORITHM=INPLACE with LOCK=NONE, or MariaDB's ALTER ONLINE: the server either runs online or refuses, never silently copies.</summary>
    public bool DeclaresOnline
    {
        get
        {
            var algorithm = Option("ALGORITHM");
            // MariaDB's ALTER ONLINE TABLE means LOCK=NONE: it fails rather than block writes.
            var noLock = Option("LOCK") == "NONE" || Sql.StartsWith("ALTER", "ONLINE");
            return algorithm == "INSTANT" || (algorithm is "INPLACE" or "NOCOPY" && noLock) || (algorithm is null && Sql.StartsWith("ALTER", "ONLINE"));
        }
    }

    public bool ClauseStartsWith((int Start, int End) clause, params string[] words) => Sql.Matches(clause.Start, words);

    public static string? CreatedTable(SqlStatement sql)
    {
        if (!sql.StartsWith("CREATE"))
        {
            return null;
        }

        var table = sql.Find(0, 3, "TABLE");
        if (table < 0)
        {
            return null;
        }

        var at = sql.Matches(table + 1, "IF", "NOT", "EXISTS") ? table + 4 : table + 1;
        return sql.ReadName(at).Name;
    }
}
