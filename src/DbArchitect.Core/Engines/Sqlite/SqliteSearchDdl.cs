using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Script 4: search indexes as FTS5 virtual tables over the table's own rows (external content, keyed by rowid),
/// kept current by triggers. Trigram keys (PostgreSQL's pg_trgm GIN) become one FTS5 table per table with the trigram
/// tokenizer (3.34+): substring and LIKE '%term%' searches through an index. Full-text documents become one FTS5 table
/// with the porter stemmer for English (unicode61 otherwise) and bm25 ranking.
/// </summary>
internal static class SqliteSearchDdl
{
    public const string Purpose = "Creates the FTS5 search tables (trigram for fuzzy search, unicode61/porter for full text) with the triggers that keep them in step with their tables.";

    /// <summary>One FTS5 table: its name, the columns it indexes, the tokenizer, and the design indexes it replaces.</summary>
    public sealed record SearchTable(Table Table, string Name, IReadOnlyList<string> Columns, string Tokenizer, bool Trigram, IReadOnlyList<Index> Sources);

    public static IReadOnlyList<SearchTable> For(SchemaModel model)
    {
        var taken = new HashSet<string>(model.Tables.Select(t => t.Name), StringComparer.OrdinalIgnoreCase);
        var result = new List<SearchTable>();
        foreach (var table in SqliteTableDdl.Ordered(model))
        {
            var trigram = table.Indexes.Where(i => i.Keys.Any(k => k.Match == KeyMatch.Trigram)).ToList();
            if (trigram.Count > 0)
            {
                var columns = trigram.SelectMany(i => i.Keys.Where(k => k.Match == KeyMatch.Trigram))
                    .SelectMany(k => k.Expression?.Columns ?? new[] { k.Column! }).Distinct(StringComparer.Ordinal).ToList();
                result.Add(new SearchTable(table, Claim(taken, table.Name + "_search"), columns, "trigram", true, trigram));
            }

            var fullText = table.Indexes.Where(i => i.Keys.Any(k => k.Expression is { Kind: IndexExpressionKind.FullText })).ToList();
            if (fullText.Count > 0)
            {
                var expressions = fullText.SelectMany(i => i.Keys).Select(k => k.Expression).OfType<IndexExpression>().Where(e => e.Kind == IndexExpressionKind.FullText).ToList();
                var columns = expressions.SelectMany(e => e.Columns).Distinct(StringComparer.Ordinal).ToList();
                var english = expressions.Any(e => string.Equals(e.Language, "english", StringComparison.OrdinalIgnoreCase));
                result.Add(new SearchTable(table, Claim(taken, table.Name + "_fts"), columns,
                    english ? "porter unicode61 remove_diacritics 2" : "unicode61 remove_diacritics 2", false, fullText));
            }
        }

        return result;
    }

    public static bool IsNeeded(SchemaModel model) => For(model).Count > 0;

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var search in For(model))
        {
            var fts = W.Id(search.Name);
            var table = W.Id(search.Table.Name);
            writer.BlankLine();
            var patterns = search.Sources.SelectMany(s => s.Serves).Distinct(StringComparer.Ordinal).ToList();
            writer.Comment($"{search.Name}: {(search.Trigram ? "substring (trigram)" : "word (full-text)")} search over {string.Join(", ", search.Columns)} of {search.Table.Name}, "
                + $"built for the design's {string.Join(", ", search.Sources.Select(s => s.Name))}" + (patterns.Count > 0 ? $"; serves {string.Join(", ", patterns)}." : "."));
            writer.ClausesStatement($"CREATE VIRTUAL TABLE {fts} USING fts5(", search.Columns.Select(c => W.Id(c) + ",")
                .Append($"content = {W.String(search.Table.Name)},")
                .Append("content_rowid = 'rowid',")
                .Append($"tokenize = {W.String(search.Tokenizer)}")
                .Append(")").ToArray());

            var columns = W.IdList(search.Columns);
            string Values(string row) => W.List(search.Columns.Select(c => W.Of(row, c)));
            var insert = $"INSERT INTO {fts} (rowid, {columns}) VALUES (NEW.rowid, {Values("NEW")})";
            var delete = $"INSERT INTO {fts} ({fts}, rowid, {columns}) VALUES ('delete', OLD.rowid, {Values("OLD")})";
            writer.Trigger(new[] { $"CREATE TRIGGER {W.Id(search.Name + "_insert")} AFTER INSERT ON {table}" }, new[] { insert });
            writer.Trigger(new[] { $"CREATE TRIGGER {W.Id(search.Name + "_delete")} AFTER DELETE ON {table}" }, new[] { delete });
            writer.Trigger(new[] { $"CREATE TRIGGER {W.Id(search.Name + "_update")} AFTER UPDATE OF {columns} ON {table}" }, new[] { delete, insert });
            writer.Comment("Indexes rows already in the table (none on a fresh build); run it again after a VACUUM, which may renumber rowids.");
            writer.Statement($"INSERT INTO {fts} ({fts}) VALUES ('rebuild')");
        }
    }

    private static string Claim(HashSet<string> taken, string wanted)
    {
        var name = wanted;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = wanted + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
