using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MySql;

public sealed partial class MySqlInspector
{
    /// <summary>
    /// The design as MySqlScripts builds it: the primary key is named PRIMARY; helper columns and array checks exist;
    /// indexes are what MySqlIndexDdl creates (FULLTEXT, helper-column keys, INCLUDE as trailing keys, B-tree only,
    /// JSON indexes left out) with their translated, truncated comments; unique keys, checks and foreign keys carry no
    /// comment (the servers have none for them); booleans default to 1/0.
    /// </summary>
    public SchemaModel AsBuilt(SchemaModel design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return design with { Tables = design.Tables.Select(BuiltTable).ToArray() };
    }

    private Table BuiltTable(Table table)
    {
        var helpers = MySqlHelperColumns.For(table, _dialect).Select(h => new Column(h.Name, LogicalType.Text, true, null, ColumnRole.Attribute, KeyGeneration.None,
            Truncate(h.Purpose, MySqlTableDdl.ColumnCommentMax), h.Definition[..h.Definition.IndexOf(" AS (", StringComparison.Ordinal)]));
        var indexes = MySqlIndexDdl.Plan(table, _dialect).Where(p => p.Sql is not null).Select(p => BuiltIndex(p.Index, table)).ToList();
        if (MySqlTableDdl.IdentityKey(table) is { } identityKey)
        {
            indexes.Add(new Model.Index(identityKey, new[] { IndexKey.Of(table.Columns.First(c => c.Generation == KeyGeneration.Identity).Name) },
                Array.Empty<string>(), IndexStructure.Ordered, false, null, string.Empty, Array.Empty<string>()));
        }

        return table with
        {
            Comment = table.Comment is null ? null : Truncate(table.Comment, MySqlTableDdl.TableCommentMax),
            Columns = table.Columns.Select(BuiltColumn).Concat(helpers).ToArray(),
            PrimaryKey = table.PrimaryKey.Columns.Count == 0 ? table.PrimaryKey : table.PrimaryKey with { Name = "PRIMARY" },
            UniqueKeys = table.UniqueKeys.Select(u => u with { Reason = string.Empty }).ToArray(),
            ForeignKeys = table.ForeignKeys.Select(f => f with
            {
                Reason = string.Empty,
                SetNullColumns = Array.Empty<string>(),
                OnDelete = MySqlForeignKeyDdl.DeleteRule(f) switch { "SET NULL" => DeleteAction.SetNull, "CASCADE" => DeleteAction.Cascade, "NO ACTION" => DeleteAction.NoAction, _ => DeleteAction.Restrict },
            }).ToArray(),
            Checks = table.Checks.Select(c => c with
                {
                    Reason = string.Empty,
                    Expression = c.Expression ?? (table.FindColumn(c.Column) is { } column ? MySqlExpressions.Check(c, column, _dialect) : null),
                })
                .Concat(MySqlTableDdl.ArrayChecks(table).Select(a => new CheckConstraint(a.Name, a.Column.Name, CheckKind.Conditions, Array.Empty<CheckCondition>(), Array.Empty<string>(), string.Empty)
                {
                    Expression = MySqlExpressions.ArrayShape(a.Column),
                }))
                .ToArray(),
            Indexes = indexes,
        };
    }

    private Column BuiltColumn(Column column)
    {
        var comment = column.Comment is null ? null : Truncate(column.Comment, MySqlTableDdl.ColumnCommentMax);
        var native = column.NativeType ?? new MySqlTypes(_dialect).Map(column.Type).Sql;
        if (column.Type.Kind == LogicalTypeKind.Bool && column.Default is { Kind: DefaultKind.Literal, Value: { } value })
        {
            return column with { Comment = comment, NativeType = native, Default = column.Default with { Value = value is "true" or "TRUE" ? "1" : value is "false" or "FALSE" ? "0" : value } };
        }

        return column with { Comment = comment, NativeType = native };
    }

    private Model.Index BuiltIndex(Model.Index index, Table table)
    {
        var comment = Truncate(MySqlIndexDdl.Translation(index, _dialect) + index.Reason, MySqlIndexDdl.IndexCommentMax);
        if (MySqlIndexDdl.FullTextColumns(index, table) is { } columns)
        {
            return new Model.Index(index.Name, new[] { new IndexKey(null, new IndexExpression(IndexExpressionKind.FullText, columns, null), false, KeyMatch.Ordinary) },
                Array.Empty<string>(), IndexStructure.Inverted, false, null, comment, index.Serves);
        }

        var keys = index.Keys.Select(k => k.Expression is { Kind: IndexExpressionKind.Lower } lower && _dialect.IsMariaDb
            ? new IndexKey(MySqlHelperColumns.LowerOf(lower.Columns[0]), null, k.Descending, KeyMatch.Ordinary)
            : k with { Match = KeyMatch.Ordinary }).ToList();
        if (index.Unique && index.Predicate is { Tests.Count: > 0 } predicate)
        {
            keys.Add(IndexKey.Of(MySqlHelperColumns.PredicateFlag(predicate)));
        }

        if (!index.Unique)
        {
            keys.AddRange(index.Include.Where(c => !index.Keys.Any(k => string.Equals(k.Column, c, StringComparison.OrdinalIgnoreCase))).Select(c => IndexKey.Of(c)));
        }

        return new Model.Index(index.Name, keys, Array.Empty<string>(), IndexStructure.Ordered, index.Unique, null, comment, index.Serves);
    }

    /// <summary>What W.Comment keeps of a comment: the text, cut with an ellipsis at the server's limit.</summary>
    private static string Truncate(string value, int max) => TextCut.ToLength(value, max);
}
