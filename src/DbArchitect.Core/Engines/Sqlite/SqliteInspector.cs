using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Import-DbSchema for SQLite: sqlite_schema joined with the pragma table functions (table_xinfo, foreign_key_list,
/// index_list, index_xinfo), one query per kind of object. Constraint names live only in the stored CREATE TABLE
/// text, so they are read from it; FTS5 search tables and their shadow tables are left out.
/// </summary>
public sealed partial class SqliteInspector : ISchemaInspector
{
    private const string Ident = "\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|\\[[^\\]]+\\]|[A-Za-z_][A-Za-z0-9_$]*";

    private const string TablesSql = """
        SELECT name AS table_name, sql FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY name
        """;

    private const string ColumnsSql = """
        SELECT m.name AS table_name, p.cid AS position, p.name AS column_name, p.type AS native_type, p."notnull" AS not_null,
               p.dflt_value AS default_expression, p.pk AS pk, p.hidden AS hidden
        FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY m.name, p.cid
        """;

    private const string ForeignKeysSql = """
        SELECT m.name AS table_name, f.id AS id, f.seq AS seq, f."table" AS referenced_table, f."from" AS column_name, f."to" AS referenced_column, f.on_delete AS on_delete
        FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY m.name, f.id, f.seq
        """;

    private const string IndexesSql = """
        SELECT m.name AS table_name, l.name AS name, l."unique" AS is_unique, l.origin AS origin, l.partial AS partial,
               x.seqno AS position, x.cid AS cid, x.name AS column_name, x."desc" AS descending, s.sql AS sql
        FROM sqlite_schema m
        JOIN pragma_index_list(m.name) l
        JOIN pragma_index_xinfo(l.name) x
        LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = l.name
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND l.origin = 'c' AND x."key" = 1
        ORDER BY m.name, l.name, x.seqno
        """;

    public string CanonicalType(string nativeType) => Regex.Replace(nativeType.Trim().ToUpperInvariant(), @"\s+", " ");

    public IReadOnlyList<SchemaModel> Inspect(LiveSession session, SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.MatchesSchema("main"))
        {
            return Array.Empty<SchemaModel>();
        }

        var all = session.Query(TablesSql, "Reading tables");
        var virtualTables = all.Where(t => (t.String("sql") ?? string.Empty).StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase))
            .Select(t => t.String("table_name")!).ToArray();
        bool Wanted(string name) => filter.MatchesTable(name) && !virtualTables.Any(v => name == v || name.StartsWith(v + "_", StringComparison.Ordinal));
        var tables = all.Where(t => Wanted(t.String("table_name")!)).ToArray();
        ILookup<string, LiveRow> Read(string sql, string purpose) =>
            session.Query(sql, purpose).Where(r => Wanted(r.String("table_name")!)).ToLookup(r => r.String("table_name")!, StringComparer.Ordinal);
        var columns = Read(ColumnsSql, "Reading columns");
        var foreignKeys = Read(ForeignKeysSql, "Reading foreign keys");
        var indexes = Read(IndexesSql, "Reading indexes");
        var views = session.Query("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name", "Reading views").Select(r => r.String("name")!).ToArray();
        return new[]
        {
            new SchemaModel("main", "main",
                tables.Select(t => BuildTable(t.String("table_name")!, t.String("sql") ?? string.Empty, columns[t.String("table_name")!].ToArray(),
                    foreignKeys[t.String("table_name")!].ToArray(), indexes[t.String("table_name")!].ToArray())).ToArray(),
                Array.Empty<string>())
            {
                Engine = "sqlite",
                Views = views,
            },
        };
    }

    private Table BuildTable(string name, string sql, IReadOnlyList<LiveRow> columnRows, IReadOnlyList<LiveRow> fkRows, IReadOnlyList<LiveRow> indexRows)
    {
        var text = WithoutComments(sql);
        var named = Regex.Matches(text, $@"CONSTRAINT\s+(?<n>{Ident})\s+(?<k>PRIMARY\s+KEY|UNIQUE|CHECK|FOREIGN\s+KEY)\s*\((?<b>[^)]*)", RegexOptions.IgnoreCase)
            .Select(m => (Name: Unquote(m.Groups["n"].Value), Kind: Regex.Replace(m.Groups["k"].Value.ToUpperInvariant(), @"\s+", " "), Body: m.Groups["b"].Value)).ToArray();
        IReadOnlyList<string> Columns(string body) => Regex.Matches(body, Ident).Select(m => Unquote(m.Value)).ToArray();
        var pkColumns = columnRows.Where(c => c.Int64("pk") > 0).OrderBy(c => c.Int64("pk")).Select(c => c.String("column_name")!).ToArray();
        var pkName = named.FirstOrDefault(n => n.Kind == "PRIMARY KEY").Name ?? string.Empty;
        var fks = fkRows.GroupBy(r => r.Int64("id")).Select(g =>
        {
            var parts = g.OrderBy(r => r.Int64("seq")).ToArray();
            var cols = parts.Select(p => p.String("column_name")!).ToArray();
            var fkName = named.FirstOrDefault(n => n.Kind == "FOREIGN KEY" && Columns(n.Body).SequenceEqual(cols)).Name ?? string.Empty;
            return new ForeignKey(fkName, cols, parts[0].String("referenced_table")!, parts.Select(p => p.String("referenced_column")!).ToArray(),
                parts[0].String("on_delete") switch { "CASCADE" => DeleteAction.Cascade, "SET NULL" => DeleteAction.SetNull, "NO ACTION" => DeleteAction.NoAction, _ => DeleteAction.Restrict },
                Array.Empty<string>(), false, string.Empty);
        }).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        var fkColumns = fks.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var identity = pkColumns.Length == 1 && columnRows.Any(c => c.String("column_name") == pkColumns[0] && CanonicalType(c.String("native_type") ?? string.Empty) == "INTEGER");
        var columns = columnRows.Where(c => c.Int64("hidden") is 0 or null).OrderBy(c => c.Int64("position")).Select(c =>
        {
            var column = c.String("column_name")!;
            var native = c.String("native_type") ?? string.Empty;
            var isIdentity = identity && column == pkColumns[0];
            var (spec, generation) = isIdentity ? (null, KeyGeneration.Identity) : Default(c.String("default_expression"));
            return new Column(column, Logical(CanonicalType(native)), !(c.Boolean("not_null") ?? false) && !pkColumns.Contains(column), spec,
                pkColumns.Contains(column) ? ColumnRole.PrimaryKey : fkColumns.Contains(column) ? ColumnRole.ForeignKey : ColumnRole.Attribute, generation, null, native);
        }).ToArray();
        return new Table(name, TableKind.Entity, null, columns, new PrimaryKey(pkName, pkColumns), fks,
            named.Where(n => n.Kind == "UNIQUE").Select(n => new UniqueKey(n.Name, Columns(n.Body), string.Empty)).ToArray(),
            named.Where(n => n.Kind == "CHECK").Select(n => new CheckConstraint(n.Name, Columns(n.Body).FirstOrDefault(c => columns.Any(k => k.Name == c)) ?? string.Empty, CheckKind.Conditions,
                Array.Empty<CheckCondition>(), Array.Empty<string>(), string.Empty)).ToArray(),
            indexRows.GroupBy(r => r.String("name")!).Select(Index).ToArray(),
            TableFeatures.None, null, null, null);
    }

    private static Model.Index Index(IGrouping<string, LiveRow> parts)
    {
        var rows = parts.OrderBy(p => p.Int64("position")).ToArray();
        var sql = rows[0].String("sql") ?? string.Empty;
        var keys = rows.Select(r => r.Int64("cid") == -2 ? null : new IndexKey(r.String("column_name"), null, r.Int64("descending") == 1, KeyMatch.Ordinary)).ToArray();
        string? definition = null;
        if (keys.Any(k => k is null))
        {
            var list = Regex.Match(sql, @"\((?<l>.*)\)(?:\s+WHERE\s|$)", RegexOptions.Singleline).Groups["l"].Value;
            var texts = list.Split(',').Select(t => t.Trim()).ToArray();
            for (var i = 0; i < keys.Length && i < texts.Length; i++)
            {
                if (keys[i] is null && Regex.Match(texts[i], $@"^lower\((?<c>{Ident})\)(?<d>\s+DESC)?$", RegexOptions.IgnoreCase) is { Success: true } lower)
                {
                    keys[i] = new IndexKey(null, new IndexExpression(IndexExpressionKind.Lower, new[] { Unquote(lower.Groups["c"].Value) }, null), lower.Groups["d"].Success, KeyMatch.Ordinary);
                }
            }

            definition = keys.Any(k => k is null) ? sql : null;
        }

        IndexPredicate? predicate = null;
        if (rows[0].Int64("partial") == 1 && Regex.Match(sql, @"\sWHERE\s+(?<w>.*)$", RegexOptions.Singleline | RegexOptions.IgnoreCase) is { Success: true } where)
        {
            var tests = Regex.Split(where.Groups["w"].Value.Trim(), @"\s+AND\s+", RegexOptions.IgnoreCase)
                .Select(t => Regex.Match(t.Trim().Trim('(', ')'), $@"^(?<c>{Ident})\s+IS\s+(?<not>NOT\s+)?NULL$", RegexOptions.IgnoreCase)).ToArray();
            predicate = tests.All(t => t.Success)
                ? new IndexPredicate(tests.Select(t => new ColumnTest(Unquote(t.Groups["c"].Value), t.Groups["not"].Success ? PredicateKind.IsNotNull : PredicateKind.IsNull)).ToArray())
                : null;
            definition ??= predicate is null ? sql : null;
        }

        return new Model.Index(parts.Key, keys.Select(k => k ?? new IndexKey("?", null, false, KeyMatch.Ordinary)).ToArray(), Array.Empty<string>(), IndexStructure.Ordered,
            rows[0].Int64("is_unique") == 1, predicate, string.Empty, Array.Empty<string>()) { Definition = definition };
    }

    private static (DefaultSpec?, KeyGeneration) Default(string? expression)
    {
        if (expression is null || expression.Equals("NULL", StringComparison.OrdinalIgnoreCase))
        {
            return (null, KeyGeneration.None);
        }

        var text = expression.Trim();
        while (text.StartsWith('(') && text.EndsWith(')') && Balanced(text[1..^1]))
        {
            text = text[1..^1].Trim();
        }

        var lower = text.ToLowerInvariant();
        if (lower.Contains("randomblob", StringComparison.Ordinal))
        {
            return (new DefaultSpec(DefaultKind.RandomUuid, null), KeyGeneration.None);
        }

        if (lower.Contains("'now'", StringComparison.Ordinal) || lower.StartsWith("current_", StringComparison.Ordinal))
        {
            return (new DefaultSpec(DefaultKind.Now, null), KeyGeneration.None);
        }

        if (Regex.Match(text, "^'(?<v>(?:[^']|'')*)'$") is { Success: true } quoted)
        {
            return (new DefaultSpec(DefaultKind.Literal, quoted.Groups["v"].Value.Replace("''", "'", StringComparison.Ordinal)), KeyGeneration.None);
        }

        return (new DefaultSpec(DefaultKind.Literal, text), KeyGeneration.None);
    }

    /// <summary>The stored CREATE text without -- comments, keeping quoted strings and names (which may hold "--") intact.</summary>
    private static string WithoutComments(string sql)
    {
        var result = new System.Text.StringBuilder(sql.Length);
        var quote = '\0';
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote == '\0' && c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                result.Append('\n');
                continue;
            }

            if (quote == '\0' && c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static LogicalType Logical(string type) => type switch
    {
        "INTEGER" or "INT" => LogicalType.BigInt,
        "REAL" => LogicalType.Simple(LogicalTypeKind.Double),
        "BLOB" => LogicalType.Simple(LogicalTypeKind.Binary),
        _ => LogicalType.Text,
    };

    private static string Unquote(string identifier) => identifier.Length > 1 && identifier[0] is '"' or '`' or '['
        ? identifier[1..^1].Replace(identifier[0] == '"' ? "\"\"" : "``", identifier[0] == '"' ? "\"" : "`", StringComparison.Ordinal)
        : identifier;
}
