using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Script 3: the B-tree indexes (SQLite has no other kind). Partial and expression indexes map directly. INCLUDE does
/// not exist: a non-unique index appends its included columns to the key, which covers the query the same way at the
/// cost of a wider key; a unique index cannot (the extra columns would change what is unique) and drops them.
/// Trigram and full-text keys become FTS5 tables (<see cref="SqliteSearchDdl"/>); GIN on JSON or arrays and BRIN have
/// no SQLite form and are explained in the design's decisions.
/// </summary>
internal static class SqliteIndexDdl
{
    public const string Purpose = "Creates the B-tree indexes (partial and expression indexes included); each comment says which access pattern or rule it serves.";

    /// <summary>An index as SQLite builds it: its keys after folding INCLUDE columns in.</summary>
    public sealed record Planned(Index Source, IReadOnlyList<IndexKey> Keys, IReadOnlyList<string> DroppedInclude);

    /// <summary>The indexes of a table that become SQLite B-tree indexes.</summary>
    public static IReadOnlyList<Planned> For(Table table) =>
        table.Indexes.Where(IsBTree).Select(Fold).ToList();

    private static Planned Fold(Index i)
    {
        if (i.Include.Count == 0)
        {
            return new Planned(i, i.Keys, Array.Empty<string>());
        }

        var keyColumns = i.Keys.Select(k => k.Column).Where(c => c is not null).ToHashSet(StringComparer.Ordinal);
        return i.Unique
            ? new Planned(i, i.Keys, i.Include)
            : new Planned(i, i.Keys.Concat(i.Include.Where(c => !keyColumns.Contains(c)).Select(c => IndexKey.Of(c))).ToArray(), Array.Empty<string>());
    }

    /// <summary>True when the index is a plain or expression B-tree in SQLite (BRIN and hash become B-trees).</summary>
    public static bool IsBTree(Index index) =>
        index.Method is IndexStructure.Ordered or IndexStructure.BlockRange or IndexStructure.Hash && index.Keys.All(SqliteExpressions.IsBTreeKey);

    /// <summary>
    /// The model with its indexes as SQLite builds them: BRIN and hash become B-trees, INCLUDE columns are folded into
    /// the key (non-unique) or dropped (unique), and GIN indexes on JSON or arrays, which have no SQLite form, are left
    /// out. Trigram and full-text indexes stay: the search script builds them as FTS5 tables.
    /// </summary>
    public static SchemaModel Adapt(SchemaModel model) => model with
    {
        Tables = model.Tables.Select(t => t with
        {
            Indexes = t.Indexes.Where(i => IsBTree(i) || IsSearch(i)).Select(i =>
            {
                if (!IsBTree(i))
                {
                    return i;
                }

                var planned = Fold(i);
                return i with { Method = IndexStructure.Ordered, Keys = planned.Keys, Include = Array.Empty<string>() };
            }).ToArray(),
        }).ToArray(),
    };

    /// <summary>True for an index SQLite builds as an FTS5 table (trigram or full-text keys).</summary>
    public static bool IsSearch(Index index) =>
        index.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText });

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => For(t).Count > 0);

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in SqliteTableDdl.Ordered(model))
        {
            var planned = For(table);
            if (planned.Count == 0)
            {
                continue;
            }

            writer.BlankLine();
            foreach (var index in planned)
            {
                if (!string.IsNullOrEmpty(index.Source.Reason))
                {
                    writer.Comment(index.Source.Name + ": " + index.Source.Reason);
                }

                if (index.Source.Include.Count > 0)
                {
                    writer.Comment(index.DroppedInclude.Count > 0
                        ? $"INCLUDE ({string.Join(", ", index.DroppedInclude)}) left out: SQLite indexes have no non-key columns and extra key columns would change what is unique."
                        : $"INCLUDE ({string.Join(", ", index.Source.Include)}) appended to the key: SQLite indexes have no non-key columns; the wider key still covers the query.");
                }

                var sql = $"CREATE {(index.Source.Unique ? "UNIQUE " : string.Empty)}INDEX {W.Id(index.Source.Name)} ON {W.Id(table.Name)} "
                    + $"({W.List(index.Keys.Select(k => SqliteExpressions.IndexKey(k, table)))})";
                if (index.Source.Predicate is { Tests.Count: > 0 } predicate)
                {
                    sql += " WHERE " + SqliteExpressions.Predicate(predicate);
                }

                writer.Statement(sql);
            }
        }
    }
}
