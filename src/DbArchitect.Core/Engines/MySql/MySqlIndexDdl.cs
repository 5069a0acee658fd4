using System.Globalization;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>How one index of the design becomes an InnoDB index, or why it does not.</summary>
internal sealed record MySqlIndexPlan(Index Index, string? Sql, string? Skipped);

/// <summary>
/// Script 3: indexes, each with its reason as the index COMMENT. PostgreSQL-shaped indexes are translated:
/// trigram and full-text keys → FULLTEXT (MySQL: ngram parser for infix/fuzzy matching), lower(col) → a functional
/// key part (MySQL 8.0.13+) or an indexed generated column (MariaDB), partial unique → a predicate flag column,
/// INCLUDE → trailing key columns, BRIN/hash/GiST → B-tree, keys longer than 3072 bytes → prefix lengths.
/// JSON containment (GIN) indexes have no general counterpart and are left out, with the reason in the script.
/// </summary>
internal static class MySqlIndexDdl
{
    public const string Purpose = "Creates the indexes; each index COMMENT says which access pattern or rule it serves.";

    /// <summary>InnoDB's longest index key with the DYNAMIC row format.</summary>
    public const int MaxKeyBytes = 3072;

    public const int IndexCommentMax = 1024;

    /// <summary>Prefix (characters) for TEXT and BLOB key columns: 255 utf8mb4 characters = 1020 bytes.</summary>
    public const int TextPrefix = 255;

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.Indexes.Count > 0 || MySqlTableDdl.IdentityKey(t) is not null);

    public static void Write(W writer, SchemaModel model, MySqlDialect dialect)
    {
        foreach (var table in model.Tables.Where(t => t.Indexes.Count > 0))
        {
            writer.BlankLine();
            foreach (var plan in Plan(table, dialect))
            {
                if (plan.Sql is null)
                {
                    writer.Comment($"{plan.Index.Name} is not created: {plan.Skipped}");
                }
                else
                {
                    writer.Statement(plan.Sql);
                }
            }
        }
    }

    public static IReadOnlyList<MySqlIndexPlan> Plan(Table table, MySqlDialect dialect) =>
        table.Indexes.Select(i => PlanOne(i, table, dialect)).ToList();

    private static MySqlIndexPlan PlanOne(Index index, Table table, MySqlDialect dialect)
    {
        if (index.Keys.Count == 0)
        {
            throw new InvalidOperationException($"Index {index.Name} on {table.Name} has no keys.");
        }

        var comment = " COMMENT " + W.Comment(Translation(index, dialect) + index.Reason, IndexCommentMax);
        var head = $"ON {W.Id(table.Name)}";
        if (index.Keys.Any(k => k.Match == KeyMatch.Containment || IsJson(k, table)))
        {
            return new(index, null, $"JSON containment has no general index in {dialect.Product}; index a specific path through a generated column when a query needs it.");
        }

        if (FullTextColumns(index, table) is { } columns)
        {
            if (columns.Count == 0)
            {
                return new(index, null, "FULLTEXT indexes only hold CHAR, VARCHAR and TEXT columns and this index has none.");
            }

            // ngram splits text into 2-character tokens, so MATCH finds infixes and misspellings' fragments; MariaDB has no ngram parser.
            var parser = !dialect.IsMariaDb && index.Keys.Any(k => k.Match == KeyMatch.Trigram) ? " WITH PARSER ngram" : string.Empty;
            return new(index, $"CREATE FULLTEXT INDEX {W.Id(index.Name)} {head} ({W.IdList(columns)}){parser}{comment}", null);
        }

        var keys = new List<string>();
        var keyColumns = new List<Column?>();
        foreach (var key in index.Keys)
        {
            if (key.Expression is { Kind: IndexExpressionKind.Lower } lower)
            {
                var column = table.FindColumn(lower.Columns[0]);
                keys.Add(dialect.IsMariaDb
                    ? W.Id(MySqlHelperColumns.LowerOf(lower.Columns[0])) + Desc(key)
                    : $"(LOWER({W.Id(lower.Columns[0])})){Desc(key)}");
                keyColumns.Add(dialect.IsMariaDb ? column : null);
                continue;
            }

            var name = key.Column ?? throw new InvalidOperationException($"An index key on {table.Name} has neither a column nor an expression.");
            keys.Add(W.Id(name) + Desc(key));
            keyColumns.Add(table.FindColumn(name));
        }

        if (index.Unique && index.Predicate is { Tests.Count: > 0 } predicate)
        {
            keys.Add(W.Id(MySqlHelperColumns.PredicateFlag(predicate)));
            keyColumns.Add(null);
        }

        // INCLUDE columns become trailing key columns (the index then covers the query); a unique index keeps its exact key.
        if (!index.Unique)
        {
            foreach (var include in index.Include.Where(c => !index.Keys.Any(k => string.Equals(k.Column, c, StringComparison.OrdinalIgnoreCase))))
            {
                keys.Add(W.Id(include));
                keyColumns.Add(table.FindColumn(include));
            }
        }

        Prefix(keys, keyColumns, index.Unique);
        return new(index, $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX {W.Id(index.Name)} {head} ({W.List(keys)}){comment}", null);
    }

    /// <summary>
    /// The columns of the FULLTEXT index this index becomes, in key order (a query's MATCH must name exactly these),
    /// or null when it is not a full-text or trigram index.
    /// </summary>
    public static IReadOnlyList<string>? FullTextColumns(Index index, Table table)
    {
        if (!index.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText }))
        {
            return null;
        }

        return index.Keys.SelectMany(k => k.Expression is { Kind: IndexExpressionKind.FullText } e ? e.Columns : k.Match == KeyMatch.Trigram && k.Column is not null ? new[] { k.Column } : Array.Empty<string>())
            .Where(c => table.FindColumn(c)?.Type.IsTextual == true).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Gives TEXT/BLOB key columns a prefix, and shortens the longest VARCHAR prefix while the key exceeds 3072 bytes
    /// (4 bytes per utf8mb4 character). Unique keys keep full columns: a prefix would make them unique on the prefix
    /// only (MariaDB enforces a long unique key through a hidden hash instead).
    /// </summary>
    private static void Prefix(List<string> keys, List<Column?> columns, bool unique)
    {
        if (unique)
        {
            return;
        }

        var bytes = columns.Select(c => c is null ? 16 : KeyBytes(c)).ToArray();
        var prefixes = new int?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (columns[i] is { } c && c.Type.Kind is LogicalTypeKind.Text or LogicalTypeKind.Binary)
            {
                prefixes[i] = TextPrefix;
                bytes[i] = TextPrefix * 4;
            }
        }

        while (bytes.Sum() > MaxKeyBytes)
        {
            var longest = Array.IndexOf(bytes, bytes.Max());
            var others = bytes.Sum() - bytes[longest];
            var characters = Math.Max(1, (MaxKeyBytes - others) / 4);
            if (columns[longest] is null || bytes[longest] <= characters * 4)
            {
                break;
            }

            prefixes[longest] = characters;
            bytes[longest] = characters * 4;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (prefixes[i] is { } p)
            {
                var desc = keys[i].EndsWith(" DESC", StringComparison.Ordinal);
                var bare = desc ? keys[i][..^5] : keys[i];
                keys[i] = bare + "(" + p.ToString(CultureInfo.InvariantCulture) + ")" + (desc ? " DESC" : string.Empty);
            }
        }
    }

    private static int KeyBytes(Column column) => column.Type.Kind switch
    {
        LogicalTypeKind.String or LogicalTypeKind.Char => (column.Type.Length ?? 255) * 4,
        LogicalTypeKind.Email => 320 * 4,
        LogicalTypeKind.Url => 2048 * 4,
        LogicalTypeKind.Enum => Math.Max(1, column.Type.EnumValues.Count == 0 ? 50 : column.Type.EnumValues.Max(v => v.Length)) * 4,
        _ => 16,
    };

    private static bool IsJson(IndexKey key, Table table) =>
        key.Column is not null && table.FindColumn(key.Column)?.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array;

    /// <summary>The design's reason speaks of the neutral plan; say first what this server builds instead.</summary>
    internal static string Translation(Index index, MySqlDialect dialect)
    {
        if (index.Keys.Any(k => k.Match == KeyMatch.Trigram))
        {
            return dialect.IsMariaDb
                ? "MariaDB: FULLTEXT (word search; no ngram parser, so no infix matching) instead of trigrams. "
                : "MySQL: FULLTEXT WITH PARSER ngram (2-character tokens, infix matching) instead of trigrams. ";
        }

        return index.Method switch
        {
            IndexStructure.BlockRange or IndexStructure.Hash or IndexStructure.Spatial => $"{dialect.Product}: a B-tree (InnoDB has no {EngineWording.MethodKind(index.Method)}). ",
            _ when index.Unique && index.Predicate is not null => $"{dialect.Product} has no partial indexes: unique over the key plus a generated flag that is NULL when the condition fails. ",
            _ => string.Empty,
        };
    }

    private static string Desc(IndexKey key) => key.Descending ? " DESC" : string.Empty;
}
