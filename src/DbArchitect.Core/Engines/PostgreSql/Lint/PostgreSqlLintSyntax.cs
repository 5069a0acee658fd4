using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>Small readers shared by the PostgreSQL rules: created tables, column definitions of CREATE TABLE, index targets.</summary>
internal static class PostgreSqlLintSyntax
{
    public static bool IsConstraintKind(SqlToken t) => t.Is("PRIMARY") || t.Is("UNIQUE") || t.Is("CHECK") || t.Is("FOREIGN") || t.Is("EXCLUDE");

    public static bool IsTableConstraintStart(SqlToken t) => t.Is("CONSTRAINT") || IsConstraintKind(t);

    /// <summary>CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name: where the name starts, or -1.</summary>
    public static int CreateTableNameAt(SqlStatement sql)
    {
        if (!sql.StartsWith("CREATE"))
        {
            return -1;
        }

        var i = 1;
        while (i < sql.Tokens.Count && (sql.Tokens[i].Is("GLOBAL") || sql.Tokens[i].Is("LOCAL") || sql.Tokens[i].Is("TEMP") || sql.Tokens[i].Is("TEMPORARY") || sql.Tokens[i].Is("UNLOGGED")))
        {
            i++;
        }

        if (!sql.Matches(i, "TABLE"))
        {
            return -1;
        }

        i++;
        return sql.Matches(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
    }

    public static (string Name, string Qualified)? CreatedTable(SqlStatement sql)
    {
        var at = CreateTableNameAt(sql);
        if (at < 0)
        {
            return null;
        }

        var (name, qualified, _) = sql.ReadName(at);
        return (name, qualified);
    }

    /// <summary>The column definitions of CREATE TABLE name ( … ) — not table constraints, not LIKE, not CREATE TABLE AS.</summary>
    public static IEnumerable<PostgreSqlColumnDefinition> CreateTableColumns(SqlStatement sql)
    {
        var at = CreateTableNameAt(sql);
        if (at < 0)
        {
            yield break;
        }

        var (_, _, next) = sql.ReadName(at);
        if (next >= sql.Tokens.Count || !sql.Tokens[next].IsSymbol("("))
        {
            yield break;
        }

        var close = sql.SkipGroup(next) - 1;
        foreach (var (start, end) in sql.SplitTopLevel(next + 1, close))
        {
            if (IsTableConstraintStart(sql.Tokens[start]) || sql.Tokens[start].Is("LIKE"))
            {
                continue;
            }

            if (PostgreSqlColumnDefinition.Parse(sql, start, end) is { } column)
            {
                yield return column;
            }
        }
    }

    /// <summary>Every column type the statement declares: CREATE TABLE columns, ADD COLUMN, ALTER COLUMN … TYPE.</summary>
    public static IEnumerable<PostgreSqlColumnType> DeclaredTypes(PostgreSqlLintStatement statement)
    {
        foreach (var column in CreateTableColumns(statement.Sql))
        {
            yield return column.Type;
        }

        if (statement.AlterTable is not { } alter)
        {
            yield break;
        }

        foreach (var action in alter.Actions)
        {
            if (action.AddedColumn is { } added)
            {
                yield return added.Type;
            }

            var type = action.AlterColumnRest;
            if (type >= 0)
            {
                var at = action.Sql.Find(type, action.End, "TYPE");
                if (at < 0)
                {
                    at = action.Sql.Find(type, action.End, "DATA", "TYPE") is var d and >= 0 ? d + 1 : -1;
                }

                if (at >= 0)
                {
                    var end = action.Sql.Find(at, action.End, "USING") is var u and >= 0 ? u : action.Sql.Find(at, action.End, "COLLATE") is var c and >= 0 ? c : action.End;
                    yield return PostgreSqlColumnType.Read(action.Sql, at + 1, end);
                }
            }
        }
    }

    /// <summary>CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table: the table name, or null.</summary>
    public static (string Name, string Qualified)? IndexTable(SqlStatement sql)
    {
        if (!sql.StartsWith("CREATE", "INDEX") && !sql.StartsWith("CREATE", "UNIQUE", "INDEX"))
        {
            return null;
        }

        var on = sql.Find("ON");
        if (on < 0)
        {
            return null;
        }

        var at = sql.Matches(on + 1, "ONLY") ? on + 2 : on + 1;
        var (name, qualified, _) = sql.ReadName(at);
        return (name, qualified);
    }

    public static bool IsCreateIndex(SqlStatement sql) => sql.StartsWith("CREATE", "INDEX") || sql.StartsWith("CREATE", "UNIQUE", "INDEX");
}
