using System.Globalization;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Full-text search in SQL Server: one full-text catalog per design and at most one FULLTEXT INDEX per table, keyed by
/// a unique, single-column, non-nullable index of at most 900 bytes (the primary key here). Every trigram or
/// full-text index of the neutral model on a table becomes a column of that table's one FULLTEXT INDEX.
/// </summary>
internal static class SqlServerFullText
{
    public const string Purpose = "Creates the full-text catalog and one FULLTEXT INDEX per searched table (outside any transaction, populated in the background).";

    public static string CatalogName(SchemaModel model) => SqlServerExpressions.DerivedName("ftc", model.Schema, "search");

    public static bool IsFullText(Model.Index index) =>
        index.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression?.Kind == IndexExpressionKind.FullText);

    /// <summary>
    /// The index that can be the full-text key (unique, one non-nullable column of at most 900 bytes, not filtered):
    /// the primary key, or a unique index on the surrogate key when the primary key is composite; else null.
    /// </summary>
    public static string? KeyIndexOf(Table table)
    {
        if (table.PrimaryKey.Columns.Count == 1 && Fits(table, table.PrimaryKey.Columns[0]))
        {
            return table.PrimaryKey.Name;
        }

        return table.Indexes.FirstOrDefault(i => i.Unique && i.Predicate is null && i.Keys.Count == 1 && i.Keys[0].Column is { } c && Fits(table, c))?.Name;
    }

    /// <summary>The single surrogate-key column of a composite (tenant) primary key that a full-text key index can be built on.</summary>
    public static Column? SurrogateKey(Table table) =>
        table.PrimaryKey.Columns.Count > 1
            ? table.PrimaryKey.Columns.Select(table.FindColumn).FirstOrDefault(c => c is { Generation: not KeyGeneration.None } && Fits(table, c.Name))
            : null;

    public static string KeyIndexName(Table table) => SqlServerExpressions.DerivedName("ux", table.Name, "fulltext_key");

    private static bool Fits(Table table, string columnName) =>
        table.FindColumn(columnName) is { Nullable: false } column && KeyBytes(SqlServerExpressions.NativeType(column)) is { } bytes && bytes <= 900;

    /// <summary>The character columns of a full-text index, in key order.</summary>
    public static IReadOnlyList<string> Columns(Table table, Model.Index index) =>
        index.Keys.SelectMany(k => k.Expression?.Columns ?? (k.Column is null ? Array.Empty<string>() : new[] { k.Column }))
            .Select(table.FindColumn)
            .Where(c => c is not null && SqlServerExpressions.NativeType(c).StartsWith("NVARCHAR", StringComparison.Ordinal) || c is not null && SqlServerExpressions.NativeType(c).StartsWith("NCHAR", StringComparison.Ordinal))
            .Select(c => c!.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static IReadOnlyList<(Table Table, string KeyIndex, IReadOnlyList<string> Columns)> Targets(SchemaModel model) =>
        model.Tables
            .Select(t => (Table: t, Key: KeyIndexOf(t), Columns: (IReadOnlyList<string>)t.Indexes.Where(IsFullText).SelectMany(i => Columns(t, i)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
            .Where(x => x.Key is not null && x.Columns.Count > 0)
            .Select(x => (x.Table, x.Key!, x.Columns))
            .ToList();

    public static bool IsNeeded(SchemaModel model) => Targets(model).Count > 0;

    public static void Write(W writer, SchemaModel model)
    {
        var catalog = CatalogName(model);
        writer.BlankLine();
        writer.Statement($"CREATE FULLTEXT CATALOG {W.Id(catalog)} WITH ACCENT_SENSITIVITY = OFF");
        writer.Go();
        foreach (var (table, key, columns) in Targets(model))
        {
            writer.BlankLine();
            writer.ClausesStatement($"CREATE FULLTEXT INDEX ON {W.Qualified(model.Schema, table.Name)} ({W.List(columns.Select(c => W.Id(c) + " LANGUAGE 0"))})", new[]
            {
                $"KEY INDEX {W.Id(key)}",
                $"ON {W.Id(catalog)}",
                "WITH (CHANGE_TRACKING = AUTO, STOPLIST = SYSTEM)",
            });
            writer.Go();
        }
    }

    private static int? KeyBytes(string native)
    {
        switch (native)
        {
            case "UNIQUEIDENTIFIER": return 16;
            case "BIGINT": return 8;
            case "INT": return 4;
            case "SMALLINT": return 2;
        }

        if (native.StartsWith("NVARCHAR(", StringComparison.Ordinal) && int.TryParse(native[9..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return 2 * n;
        }

        return null;
    }
}
