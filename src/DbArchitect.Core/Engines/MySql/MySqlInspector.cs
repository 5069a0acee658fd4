using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using Q = DbArchitect.Core.Engines.MySql.MySqlCatalogQueries;
using T = DbArchitect.Core.Engines.MySql.MySqlCatalogText;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Import-DbSchema for MySQL 8 and MariaDB 10.11: six information_schema queries whatever the number of tables.
/// Server artefacts are read back as what they stand for: MariaDB's automatic JSON_VALID check marks a JSON column,
/// the index InnoDB adds for a foreign key is left out, and a UNIQUE without a comment is a unique key.
/// </summary>
public sealed partial class MySqlInspector : ISchemaInspector
{
    private readonly MySqlDialect _dialect;

    public MySqlInspector(MySqlDialect dialect) => _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));

    public string CanonicalType(string nativeType) => T.CanonicalType(nativeType, _dialect);

    /// <summary>MySQL and MariaDB string literals take backslash escapes ('it\'s').</summary>
    public string CheckMeaning(string expression) => Schema.CheckMeaning.Of(expression, backslashEscapes: true);

    public IReadOnlyList<SchemaModel> Inspect(LiveSession session, SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        var schemas = filter.Schemas.Count == 0 && session.Scalar(Q.CurrentSchema, "Reading the current database") is string current
            ? new[] { current }
            : session.Query(Q.Schemas, "Reading databases").Select(r => r.String("name")!).Where(filter.MatchesSchema).ToArray();
        if (schemas.Length == 0)
        {
            return Array.Empty<SchemaModel>();
        }

        var parameters = schemas.Select((s, i) => ("@s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), (object?)s)).ToDictionary(p => p.Item1, p => p.Item2);
        IReadOnlyList<LiveRow> Read(string sql, string purpose) =>
            session.Query(Q.For(sql, schemas.Length, _dialect), purpose, parameters).Where(r => filter.MatchesTable(r.String("table_name")!)).ToArray();

        var tables = Read(Q.Tables, "Reading tables");
        var columns = Group(Read(Q.Columns, "Reading columns"));
        var keys = Group(Read(Q.Keys, "Reading keys"));
        var checks = Group(Read(Q.Checks, "Reading checks"));
        var indexes = Group(Read(Q.Indexes, "Reading indexes"));
        return schemas.Select(schema => new SchemaModel(
                schema,
                schema,
                tables.Where(t => t.String("schema_name") == schema && t.String("table_type") == "BASE TABLE")
                    .Select(t => BuildTable(t, Rows(columns, t), Rows(keys, t), Rows(checks, t), Rows(indexes, t))).ToArray(),
                Array.Empty<string>())
            {
                Engine = _dialect.Id,
                Views = tables.Where(t => t.String("schema_name") == schema && t.String("table_type") == "VIEW").Select(t => t.String("table_name")!).ToArray(),
            })
            .ToArray();
    }

    private static Dictionary<(string, string), List<LiveRow>> Group(IEnumerable<LiveRow> rows) =>
        rows.GroupBy(r => (r.String("schema_name")!, r.String("table_name")!)).ToDictionary(g => g.Key, g => g.ToList());

    private static IReadOnlyList<LiveRow> Rows(Dictionary<(string, string), List<LiveRow>> groups, LiveRow table) =>
        groups.TryGetValue((table.String("schema_name")!, table.String("table_name")!), out var rows) ? rows : Array.Empty<LiveRow>();

    private Table BuildTable(LiveRow table, IReadOnlyList<LiveRow> columnRows, IReadOnlyList<LiveRow> keyRows, IReadOnlyList<LiveRow> checkRows, IReadOnlyList<LiveRow> indexRows)
    {
        // MariaDB gives a JSON column an automatic CHECK (json_valid(`column`)) named after the column.
        var jsonChecks = checkRows.Where(c => string.Equals(c.String("expression"), $"json_valid(`{c.String("name")}`)", StringComparison.OrdinalIgnoreCase)).ToArray();
        var jsonColumns = jsonChecks.Select(c => c.String("name")!).ToHashSet(StringComparer.Ordinal);
        var constraints = keyRows.GroupBy(k => k.String("name")!).ToArray();
        var primary = constraints.FirstOrDefault(g => g.First().String("kind") == "PRIMARY KEY");
        var pk = primary is null ? new PrimaryKey(string.Empty, Array.Empty<string>()) : new PrimaryKey("PRIMARY", primary.OrderBy(k => k.Int64("position")).Select(k => k.String("column_name")!).ToArray());
        var foreignKeys = constraints.Where(g => g.First().String("kind") == "FOREIGN KEY").Select(g =>
        {
            var parts = g.OrderBy(k => k.Int64("position")).ToArray();
            return new ForeignKey(g.Key, parts.Select(p => p.String("column_name")!).ToArray(), parts[0].String("referenced_table")!,
                parts.Select(p => p.String("referenced_column")!).ToArray(),
                parts[0].String("on_delete") switch { "CASCADE" => DeleteAction.Cascade, "SET NULL" => DeleteAction.SetNull, "NO ACTION" => DeleteAction.NoAction, _ => DeleteAction.Restrict },
                Array.Empty<string>(), false, string.Empty);
        }).ToArray();
        var fkNames = foreignKeys.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var indexGroups = indexRows.GroupBy(i => i.String("name")!).Where(g => g.Key != "PRIMARY" && !fkNames.Contains(g.Key)).ToArray();
        var uniqueNames = constraints.Where(g => g.First().String("kind") == "UNIQUE").Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        bool IsUniqueKey(IGrouping<string, LiveRow> g) => uniqueNames.Contains(g.Key) && string.IsNullOrEmpty(g.First().String("comment"));
        var fkColumns = foreignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var estimated = table.Int64("estimated_rows");
        return new Table(
            table.String("table_name")!,
            TableKind.Entity,
            table.String("comment") is { Length: > 0 } comment ? comment : null,
            columnRows.OrderBy(c => c.Int64("position")).Select(c => Column(c, pk.Columns, fkColumns, jsonColumns)).ToArray(),
            pk,
            foreignKeys,
            indexGroups.Where(IsUniqueKey).Select(g => new UniqueKey(g.Key, g.OrderBy(i => i.Int64("position")).Select(i => i.String("column_name")!).ToArray(), string.Empty)).ToArray(),
            checkRows.Except(jsonChecks).Select(c => new CheckConstraint(c.String("name")!, T.CheckColumn(c.String("expression") ?? string.Empty), CheckKind.Conditions,
                Array.Empty<CheckCondition>(), Array.Empty<string>(), string.Empty) { Expression = c.String("expression") }).ToArray(),
            indexGroups.Where(g => !IsUniqueKey(g)).Select(Index).ToArray(),
            TableFeatures.None,
            null,
            estimated,
            null)
        {
            PartitionBy = table.String("create_options") is { } options && options.Contains("partitioned", StringComparison.OrdinalIgnoreCase) ? "partitioned" : null,
        };
    }

    private Column Column(LiveRow row, IReadOnlyList<string> pkColumns, HashSet<string> fkColumns, HashSet<string> jsonColumns)
    {
        var name = row.String("column_name")!;
        var native = row.String("native_type")!;
        var json = jsonColumns.Contains(name);
        var extra = row.String("extra") ?? string.Empty;
        var generated = extra.Contains("GENERATED", StringComparison.OrdinalIgnoreCase) && !extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase);
        var identity = extra.Contains("auto_increment", StringComparison.OrdinalIgnoreCase);
        var defaultSpec = identity || generated ? null : T.Default(row.String("default_expression"), json);
        var generation = identity ? KeyGeneration.Identity : KeyGeneration.None;
        var role = pkColumns.Contains(name) ? ColumnRole.PrimaryKey : fkColumns.Contains(name) ? ColumnRole.ForeignKey : ColumnRole.Attribute;
        return new Column(name, T.Logical(CanonicalType(native), json), row.String("is_nullable") == "YES", defaultSpec, role, generation,
            row.String("comment") is { Length: > 0 } comment ? comment : null, native);
    }

    private static Model.Index Index(IGrouping<string, LiveRow> parts)
    {
        var ordered = parts.OrderBy(p => p.Int64("position")).ToArray();
        var first = ordered[0];
        var fullText = string.Equals(first.String("index_type"), "FULLTEXT", StringComparison.OrdinalIgnoreCase);
        var keys = fullText
            ? new[] { new IndexKey(null, new IndexExpression(IndexExpressionKind.FullText, ordered.Select(p => p.String("column_name")!).ToArray(), null), false, KeyMatch.Ordinary) }
            : ordered.Select(p => p.String("expression") is { } expression && T.Expression(expression) is { } parsed
                ? new IndexKey(null, parsed, p.String("collation") == "D", KeyMatch.Ordinary)
                : new IndexKey(p.String("column_name") ?? p.String("expression"), null, p.String("collation") == "D", KeyMatch.Ordinary)).ToArray();
        return new Model.Index(parts.Key, keys, Array.Empty<string>(), fullText ? IndexStructure.Inverted : IndexStructure.Ordered,
            first.Int64("non_unique") == 0, null, first.String("comment") ?? string.Empty, Array.Empty<string>());
    }
}
