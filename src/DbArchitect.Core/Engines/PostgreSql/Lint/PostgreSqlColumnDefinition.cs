using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>A column definition (CREATE TABLE element or ADD COLUMN): name, type tokens, and the constraints that matter to locking.</summary>
internal sealed class PostgreSqlColumnDefinition
{
    private static readonly string[] ConstraintWords =
    {
        "CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "GENERATED", "COLLATE",
        "DEFERRABLE", "INITIALLY", "COMPRESSION", "STORAGE",
    };

    private PostgreSqlColumnDefinition(SqlStatement sql, int start, int typeEnd, int end)
    {
        Sql = sql;
        Start = start;
        TypeEnd = typeEnd;
        End = end;
    }

    public SqlStatement Sql { get; }

    public int Start { get; }

    /// <summary>End (exclusive) of the type tokens, which start at Start + 1.</summary>
    public int TypeEnd { get; }

    public int End { get; }

    public SqlToken NameToken => Sql.Tokens[Start];

    public SqlToken TypeToken => Sql.Tokens[Math.Min(Start + 1, Sql.Tokens.Count - 1)];

    public PostgreSqlColumnType Type => PostgreSqlColumnType.Read(Sql, Start + 1, TypeEnd);

    public bool NotNull => Sql.Find(TypeEnd, End, "NOT", "NULL") >= 0 || PrimaryKey;

    public bool PrimaryKey => Sql.Find(TypeEnd, End, "PRIMARY", "KEY") >= 0;

    public int Default => Sql.Find(TypeEnd, End, "DEFAULT");

    public int Generated => Sql.Find(TypeEnd, End, "GENERATED");

    /// <summary>GENERATED ALWAYS AS (expr) STORED: computed for every existing row, so the table is rewritten.</summary>
    public bool GeneratedStored => Generated >= 0 && Sql.Find(Generated, End, "STORED") >= 0;

    /// <summary>GENERATED … AS IDENTITY: filled from a sequence for every existing row, so the table is rewritten.</summary>
    public bool Identity => Generated >= 0 && Sql.Find(Generated, End, "IDENTITY") >= 0;

    public int References => Sql.Find(TypeEnd, End, "REFERENCES");

    public int Unique => Sql.Find(TypeEnd, End, "UNIQUE");

    public int Check => Sql.Find(TypeEnd, End, "CHECK");

    /// <summary>The default expression's tokens [start, end): up to the next column constraint at depth 0.</summary>
    public (int Start, int End) DefaultExpression
    {
        get
        {
            var at = Default;
            if (at < 0)
            {
                return (-1, -1);
            }

            var i = at + 1;
            while (i < End)
            {
                var t = Sql.Tokens[i];
                if (t.IsSymbol("("))
                {
                    i = Sql.SkipGroup(i);
                    continue;
                }

                if (ConstraintWords.Any(t.Is))
                {
                    break;
                }

                i++;
            }

            return (at + 1, i);
        }
    }

    public static PostgreSqlColumnDefinition? Parse(SqlStatement sql, int start, int end)
    {
        if (start >= end || sql.Tokens[start].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
        {
            return null;
        }

        var i = start + 1;
        while (i < end)
        {
            var t = sql.Tokens[i];
            if (t.IsSymbol("("))
            {
                i = sql.SkipGroup(i);
                continue;
            }

            if (ConstraintWords.Any(t.Is))
            {
                break;
            }

            i++;
        }

        return new PostgreSqlColumnDefinition(sql, start, i, end);
    }
}
