using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Tables with named constraints: a CLUSTERED primary key (generated uuid keys default to NEWSEQUENTIALID(), so the
/// clustered index grows at its end like an identity), named defaults, unique and check constraints, an ISJSON check on
/// every JSON column; then the descriptions as MS_Description extended properties.
/// </summary>
internal static class SqlServerTableDdl
{
    public const string Purpose = "Creates the tables with clustered primary keys, named defaults, unique and check constraints, and MS_Description extended properties.";

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables)
        {
            writer.BlankLine();
            WriteTable(writer, model.Schema, table);
            writer.Go();
        }

        var described = model.Tables.Any(t => t.Comment is not null || t.Columns.Any(c => c.Comment is not null));
        if (!described)
        {
            return;
        }

        writer.BlankLine();
        foreach (var table in model.Tables)
        {
            if (table.Comment is { } comment)
            {
                Describe(writer, model.Schema, table.Name, null, comment);
            }

            foreach (var column in table.Columns.Where(c => c.Comment is not null))
            {
                Describe(writer, model.Schema, table.Name, column.Name, column.Comment!);
            }
        }

        writer.Go();
    }

    /// <summary>EXEC sys.sp_addextendedproperty for a table or one of its columns.</summary>
    public static void Describe(W writer, string schema, string table, string? column, string text)
    {
        var arguments = new List<string>
        {
            "@name = N'MS_Description'",
            "@value = " + W.Description(text),
            "@level0type = N'SCHEMA'",
            "@level0name = " + W.Argument(schema),
            "@level1type = N'TABLE'",
            "@level1name = " + W.Argument(table),
        };
        if (column is not null)
        {
            arguments.Add("@level2type = N'COLUMN'");
            arguments.Add("@level2name = " + W.Argument(column));
        }

        writer.Statement("EXEC sys.sp_addextendedproperty " + string.Join(", ", arguments));
    }

    private static void WriteTable(W writer, string schema, Table table)
    {
        var items = new List<string>();
        items.AddRange(table.Columns.Select(c => ColumnDefinition(table, c)));
        if (table.PrimaryKey.Columns.Count > 0)
        {
            items.Add($"CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY CLUSTERED ({W.IdList(table.PrimaryKey.Columns)})");
        }

        items.AddRange(table.UniqueKeys.Select(u => $"CONSTRAINT {W.Id(u.Name)} UNIQUE NONCLUSTERED ({W.IdList(u.Columns)})"));
        foreach (var check in table.Checks)
        {
            var column = table.FindColumn(check.Column)
                ?? throw new InvalidOperationException($"Check {check.Name} names column {check.Column}, which table {table.Name} does not have.");
            if (SqlServerExpressions.Check(check, column) is { } expression)
            {
                items.Add($"CONSTRAINT {W.Id(check.Name)} CHECK ({expression})");
            }
        }

        foreach (var column in table.Columns.Where(SqlServerExpressions.HoldsJson))
        {
            items.Add($"CONSTRAINT {W.Id(JsonCheckName(table, column))} CHECK (ISJSON({W.Id(column.Name)}) = 1)");
        }

        writer.ItemsStatement("CREATE TABLE " + W.Qualified(schema, table.Name), items);
    }

    public static string JsonCheckName(Table table, Column column) => SqlServerExpressions.DerivedName("ck", table.Name, column.Name + "_json");

    public static string DefaultName(Table table, Column column) => SqlServerExpressions.DerivedName("df", table.Name, column.Name);

    internal static string ColumnDefinition(Table table, Column column)
    {
        var definition = W.Id(column.Name) + " " + SqlServerExpressions.NativeType(column);
        if (column.Generation == KeyGeneration.Identity)
        {
            return definition + " IDENTITY(1,1) NOT NULL";
        }

        definition += column.Nullable ? " NULL" : " NOT NULL";
        if (SqlServerExpressions.Default(column) is { } defaultExpression)
        {
            definition += $" CONSTRAINT {W.Id(DefaultName(table, column))} DEFAULT ({defaultExpression})";
        }

        return definition;
    }
}
