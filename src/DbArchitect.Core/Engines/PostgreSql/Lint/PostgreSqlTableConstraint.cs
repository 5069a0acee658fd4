using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>A table constraint of ALTER TABLE … ADD: [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY | EXCLUDE …</summary>
internal sealed class PostgreSqlTableConstraint
{
    private PostgreSqlTableConstraint(SqlStatement sql, int start, int kindAt, int end, string name)
    {
        Sql = sql;
        Start = start;
        KindAt = kindAt;
        End = end;
        Name = name;
    }

    public SqlStatement Sql { get; }

    public int Start { get; }

    /// <summary>Index of PRIMARY / UNIQUE / CHECK / FOREIGN / EXCLUDE.</summary>
    public int KindAt { get; }

    public int End { get; }

    public string Name { get; }

    public SqlToken KindToken => Sql.Tokens[KindAt];

    public bool IsPrimaryKey => KindToken.Is("PRIMARY");

    public bool IsUnique => KindToken.Is("UNIQUE");

    public bool IsCheck => KindToken.Is("CHECK");

    public bool IsForeignKey => KindToken.Is("FOREIGN");

    public bool IsExclude => KindToken.Is("EXCLUDE");

    public bool NotValid => Sql.Find(KindAt, End, "NOT", "VALID") >= 0;

    /// <summary>… USING INDEX name: the constraint adopts an index built CONCURRENTLY beforehand.</summary>
    public bool UsingIndex => Sql.Find(KindAt, End, "USING", "INDEX") >= 0 && Sql.Find(KindAt, End, "USING", "INDEX", "TABLESPACE") < 0;

    public static PostgreSqlTableConstraint? Parse(SqlStatement sql, int start, int end)
    {
        var i = start;
        var name = string.Empty;
        if (sql.Matches(i, "CONSTRAINT"))
        {
            name = i + 1 < end ? sql.Tokens[i + 1].Name : string.Empty;
            i += 2;
        }

        return i < end && PostgreSqlLintSyntax.IsConstraintKind(sql.Tokens[i]) ? new PostgreSqlTableConstraint(sql, start, i, end, name) : null;
    }
}
