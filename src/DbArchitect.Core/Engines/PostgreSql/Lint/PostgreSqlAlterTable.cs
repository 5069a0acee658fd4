using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action …], with each action as a token range.</summary>
internal sealed class PostgreSqlAlterTable
{
    private PostgreSqlAlterTable(SqlStatement sql, string table, string qualified, IReadOnlyList<AlterAction> actions)
    {
        Sql = sql;
        Table = table;
        QualifiedTable = qualified;
        Actions = actions;
    }

    public SqlStatement Sql { get; }

    public string Table { get; }

    public string QualifiedTable { get; }

    public IReadOnlyList<AlterAction> Actions { get; }

    public static PostgreSqlAlterTable? TryParse(SqlStatement sql)
    {
        if (!sql.StartsWith("ALTER", "TABLE"))
        {
            return null;
        }

        var i = 2;
        if (sql.Matches(i, "IF", "EXISTS"))
        {
            i += 2;
        }

        if (sql.Matches(i, "ONLY"))
        {
            i++;
        }

        var (name, qualified, next) = sql.ReadName(i);
        if (next < sql.Tokens.Count && sql.Tokens[next].IsSymbol("*"))
        {
            next++;
        }

        var actions = sql.SplitTopLevel(next, sql.Tokens.Count).Select(r => new AlterAction(sql, r.Start, r.End)).ToArray();
        return new PostgreSqlAlterTable(sql, name, qualified, actions);
    }
}

/// <summary>One action of an ALTER TABLE: tokens [Start, End) of the statement.</summary>
internal sealed class AlterAction
{
    public AlterAction(SqlStatement sql, int start, int end)
    {
        Sql = sql;
        Start = start;
        End = end;
    }

    public SqlStatement Sql { get; }

    public int Start { get; }

    public int End { get; }

    public SqlToken First => Sql.Tokens[Start];

    public bool StartsWith(params string[] words) => Sql.Matches(Start, words);

    public int Find(params string[] words) => Sql.Find(Start, End, words);

    public bool Contains(params string[] words) => Find(words) >= 0;

    public SqlToken TokenAt(int index) => Sql.Tokens[Math.Min(index, Sql.Tokens.Count - 1)];

    /// <summary>ADD [COLUMN] [IF NOT EXISTS] name type …, but not ADD CONSTRAINT / PRIMARY KEY / UNIQUE / CHECK / FOREIGN KEY / EXCLUDE.</summary>
    public PostgreSqlColumnDefinition? AddedColumn
    {
        get
        {
            if (!StartsWith("ADD"))
            {
                return null;
            }

            var i = Start + 1;
            var explicitColumn = Sql.Matches(i, "COLUMN");
            if (explicitColumn)
            {
                i++;
            }

            if (Sql.Matches(i, "IF", "NOT", "EXISTS"))
            {
                i += 3;
            }

            if (!explicitColumn && i < End && PostgreSqlLintSyntax.IsTableConstraintStart(Sql.Tokens[i]))
            {
                return null;
            }

            return i < End ? PostgreSqlColumnDefinition.Parse(Sql, i, End) : null;
        }
    }

    /// <summary>ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY | EXCLUDE …: the constraint, when this action adds one.</summary>
    public PostgreSqlTableConstraint? AddedConstraint
    {
        get
        {
            if (!StartsWith("ADD") || Sql.Matches(Start + 1, "COLUMN"))
            {
                return null;
            }

            var i = Start + 1;
            return i < End && PostgreSqlLintSyntax.IsTableConstraintStart(Sql.Tokens[i]) ? PostgreSqlTableConstraint.Parse(Sql, i, End) : null;
        }
    }

    /// <summary>ALTER [COLUMN] name …: the index of the token after the column name, or -1.</summary>
    public int AlterColumnRest
    {
        get
        {
            if (!StartsWith("ALTER"))
            {
                return -1;
            }

            var i = Start + 1;
            if (Sql.Matches(i, "COLUMN"))
            {
                i++;
            }

            return i + 1 < End ? i + 1 : -1;
        }
    }
}
