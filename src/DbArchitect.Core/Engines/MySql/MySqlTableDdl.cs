using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>Script 1: InnoDB tables with columns, keys, CHECK constraints and inline comments.</summary>
internal static class MySqlTableDdl
{
    public const string Purpose = "Creates the InnoDB tables (utf8mb4) with their primary keys, unique keys, CHECK constraints and comments.";

    /// <summary>Comment limits of both servers, in characters.</summary>
    public const int TableCommentMax = 2048;

    public const int ColumnCommentMax = 1024;

    public static void Write(W writer, SchemaModel model, MySqlDialect dialect)
    {
        foreach (var table in model.Tables)
        {
            writer.BlankLine();
            WriteTable(writer, table, dialect);
        }
    }

    /// <summary>The CHECK every array column gets, with its constraint name (unique per database).</summary>
    public static IEnumerable<(string Name, Column Column)> ArrayChecks(Table table) =>
        table.Columns.Where(c => c.Type.Kind == LogicalTypeKind.Array)
            .Select(c => (IdentifierShortener.Shorten(table.Name + "_" + c.Name + "_is_array", MySqlIdentifiers.MaxIdentifierCharacters), c));

    /// <summary>The extra key InnoDB needs when an AUTO_INCREMENT column does not lead the primary key.</summary>
    public static string? IdentityKey(Table table)
    {
        var identity = table.Columns.FirstOrDefault(c => c.Generation == KeyGeneration.Identity);
        if (identity is null || (table.PrimaryKey.Columns.Count > 0 && string.Equals(table.PrimaryKey.Columns[0], identity.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return IdentifierShortener.Shorten(table.Name + "_" + identity.Name + "_auto", MySqlIdentifiers.MaxIdentifierCharacters);
    }

    internal static void WriteTable(W writer, Table table, MySqlDialect dialect, string? partitioning = null)
    {
        var items = new List<string>();
        items.AddRange(table.Columns.Select(c => ColumnDefinition(c, dialect)));
        items.AddRange(MySqlHelperColumns.For(table, dialect).Select(h => $"{W.Id(h.Name)} {h.Definition} COMMENT {W.Comment(h.Purpose, ColumnCommentMax)}"));
        if (table.PrimaryKey.Columns.Count > 0)
        {
            // MySQL always names the primary key PRIMARY; the design's name is kept in the table comment's place of record (design.md).
            items.Add($"PRIMARY KEY ({W.IdList(table.PrimaryKey.Columns)})");
        }

        if (IdentityKey(table) is { } identityKey)
        {
            items.Add($"KEY {W.Id(identityKey)} ({W.Id(table.Columns.First(c => c.Generation == KeyGeneration.Identity).Name)})");
        }

        items.AddRange(table.UniqueKeys.Select(u => $"CONSTRAINT {W.Id(u.Name)} UNIQUE KEY ({W.IdList(u.Columns)})"));
        foreach (var check in table.Checks)
        {
            var column = table.FindColumn(check.Column)
                ?? throw new InvalidOperationException($"Check {check.Name} names column {check.Column}, which table {table.Name} does not have.");
            items.Add($"CONSTRAINT {W.Id(check.Name)} CHECK ({MySqlExpressions.Check(check, column, dialect)})");
        }

        items.AddRange(ArrayChecks(table).Select(a => $"CONSTRAINT {W.Id(a.Name)} CHECK ({MySqlExpressions.ArrayShape(a.Column)})"));

        var options = $"ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE={dialect.Collation}";
        if (table.Comment is { } comment)
        {
            options += " COMMENT=" + W.Comment(comment, TableCommentMax);
        }

        writer.ItemsStatement(partitioning is null ? "CREATE TABLE " + W.Id(table.Name) : "CREATE TABLE IF NOT EXISTS " + W.Id(table.Name), items, options + partitioning);
    }

    internal static string ColumnDefinition(Column column, MySqlDialect dialect)
    {
        var definition = W.Id(column.Name) + " " + MySqlExpressions.NativeType(column, dialect);
        definition += !column.Nullable || column.Generation == KeyGeneration.Identity ? " NOT NULL" : " NULL";
        if (column.Generation == KeyGeneration.Identity)
        {
            definition += " AUTO_INCREMENT";
        }
        else if (MySqlExpressions.Default(column, dialect) is { } expression)
        {
            definition += " DEFAULT " + expression;
        }

        // updated_at is maintained by the server itself: no trigger needed.
        if (column.Role == ColumnRole.UpdatedAt && column.Type.Kind == LogicalTypeKind.Timestamp)
        {
            definition += " ON UPDATE CURRENT_TIMESTAMP(6)";
        }

        if (column.Comment is { } comment)
        {
            definition += " COMMENT " + W.Comment(comment, ColumnCommentMax);
        }

        return definition;
    }
}
