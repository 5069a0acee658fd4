using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using Q = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCatalogQueries;
using T = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCatalogText;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Import-DbSchema for PostgreSQL: eight set-wise catalog queries, whatever the number of tables.</summary>
public sealed partial class PostgreSqlInspector : ISchemaInspector
{
    public string CanonicalType(string nativeType) => T.CanonicalType(nativeType);

    public IReadOnlyList<SchemaModel> Inspect(LiveSession session, SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        var schemas = session.Query(Q.Schemas, "Reading schemas").Select(r => r.String("name")!).Where(filter.MatchesSchema).ToArray();
        var parameters = new Dictionary<string, object?> { ["schemas"] = schemas };
        var tables = session.Query(Q.Tables, "Reading tables", parameters).Where(r => filter.MatchesTable(r.String("table_name")!)).ToArray();
        var wanted = tables.Select(r => (r.String("schema_name")!, r.String("table_name")!)).ToHashSet();
        IReadOnlyList<LiveRow> Read(string sql, string purpose) =>
            session.Query(sql, purpose, parameters).Where(r => wanted.Contains((r.String("schema_name")!, r.String("table_name")!))).ToArray();

        var columns = Group(Read(Q.Columns, "Reading columns"));
        var constraints = Group(Read(Q.Constraints, "Reading constraints"));
        var indexes = Group(Read(Q.Indexes, "Reading indexes"));
        var policies = Group(Read(Q.Policies, "Reading row-level security policies"));
        var others = session.Query(Q.SequencesAndViews, "Reading sequences and views", parameters);
        var extensions = session.Query(Q.Extensions, "Reading extensions").Select(r => r.String("name")!).ToArray();

        return schemas.Select(schema => new SchemaModel(
                schema,
                schema,
                tables.Where(r => r.String("schema_name") == schema)
                    .Select(r => BuildTable(r, Rows(columns, r), Rows(constraints, r), Rows(indexes, r), Rows(policies, r)))
                    .OrderBy(t => t.Name, StringComparer.Ordinal).ToArray(),
                extensions)
            {
                Engine = "postgresql",
                Sequences = others.Where(r => r.String("schema_name") == schema && r.String("kind") == "S").Select(Sequence).ToArray(),
                Views = others.Where(r => r.String("schema_name") == schema && r.String("kind") != "S").Select(r => r.String("name")!).ToArray(),
            })
            .Where(m => m.Tables.Count > 0 || filter.Schemas.Count > 0)
            .ToArray();
    }

    private static Dictionary<(string, string), List<LiveRow>> Group(IEnumerable<LiveRow> rows)
    {
        var groups = new Dictionary<(string, string), List<LiveRow>>();
        foreach (var row in rows)
        {
            var key = (row.String("schema_name")!, row.String("table_name")!);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<LiveRow>();
            }

            list.Add(row);
        }

        return groups;
    }

    private static IReadOnlyList<LiveRow> Rows(Dictionary<(string, string), List<LiveRow>> groups, LiveRow table) =>
        groups.TryGetValue((table.String("schema_name")!, table.String("table_name")!), out var rows) ? rows : (IReadOnlyList<LiveRow>)Array.Empty<LiveRow>();

    private static Table BuildTable(LiveRow table, IReadOnlyList<LiveRow> columnRows, IReadOnlyList<LiveRow> constraintRows, IReadOnlyList<LiveRow> indexRows, IReadOnlyList<LiveRow> policyRows)
    {
        var primary = constraintRows.FirstOrDefault(c => c.String("kind") == "p");
        var pk = primary is null ? new PrimaryKey(string.Empty, Array.Empty<string>()) : new PrimaryKey(primary.String("name")!, primary.Strings("columns"));
        var foreignKeys = constraintRows.Where(c => c.String("kind") == "f").Select(ForeignKey).ToArray();
        var fkColumns = foreignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var columns = columnRows.OrderBy(c => c.Int64("position")).Select(c => Column(c, pk.Columns, fkColumns)).ToArray();
        var estimated = table.Int64("estimated_rows");
        return new Table(
            table.String("table_name")!,
            TableKind.Entity,
            table.String("comment"),
            columns,
            pk,
            foreignKeys,
            constraintRows.Where(c => c.String("kind") == "u").Select(c => new UniqueKey(c.String("name")!, c.Strings("columns"), c.String("comment") ?? string.Empty)).ToArray(),
            constraintRows.Where(c => c.String("kind") == "c").Select(Check).ToArray(),
            indexRows.Select(Index).ToArray(),
            TableFeatures.None,
            null,
            estimated is >= 0 ? estimated : null,
            null)
        {
            PartitionBy = table.String("partition_by"),
            Policies = policyRows.Select(Policy).ToArray(),
            RowSecurityEnabled = table.Boolean("row_security") ?? false,
            RowSecurityForced = table.Boolean("force_row_security") ?? false,
        };
    }

    private static RowPolicy Policy(LiveRow row) => new(
        row.String("name")!,
        row.String("command")!,
        row.Strings("roles"),
        row.String("using_expression"),
        row.String("check_expression"),
        row.Boolean("permissive") ?? true,
        row.String("comment"));

    private static SequenceDefinition Sequence(LiveRow row) => new(
        row.String("name")!,
        row.String("data_type")!,
        row.Int64("start_value") ?? 1,
        row.Int64("increment") ?? 1,
        row.Int64("minimum") ?? 1,
        row.Int64("maximum") ?? long.MaxValue,
        row.Int64("cache") ?? 1,
        row.Boolean("cycle") ?? false);

    private static Column Column(LiveRow row, IReadOnlyList<string> pkColumns, HashSet<string> fkColumns)
    {
        var name = row.String("column_name")!;
        var native = row.String("native_type")!;
        var (defaultSpec, generation) = T.Default(row.String("generated") is { Length: > 0 } g && g != "\0" ? null : row.String("default_expression"), native);
        if (row.String("identity") is "a" or "d")
        {
            generation = KeyGeneration.Identity;
        }

        var role = pkColumns.Contains(name) ? ColumnRole.PrimaryKey : fkColumns.Contains(name) ? ColumnRole.ForeignKey : ColumnRole.Attribute;
        return new Column(name, T.Logical(native), !(row.Boolean("not_null") ?? false), defaultSpec, role, generation, row.String("comment"), native);
    }

    private static ForeignKey ForeignKey(LiveRow row) => new(
        row.String("name")!,
        row.Strings("columns"),
        row.String("referenced_table")!,
        row.Strings("referenced_columns"),
        row.String("on_delete") switch { "c" => DeleteAction.Cascade, "n" => DeleteAction.SetNull, "a" => DeleteAction.NoAction, _ => DeleteAction.Restrict },
        row.Strings("set_null_columns"),
        false,
        row.String("comment") ?? string.Empty);

    private static CheckConstraint Check(LiveRow row)
    {
        var columns = row.Strings("columns");
        return new CheckConstraint(row.String("name")!, columns.Count > 0 ? columns[0] : string.Empty, CheckKind.Conditions,
            Array.Empty<CheckCondition>(), Array.Empty<string>(), row.String("comment") ?? string.Empty)
        {
            Expression = row.String("expression"),
        };
    }

    private static Model.Index Index(LiveRow row)
    {
        var texts = row.Strings("keys");
        var descending = row.Strings("descending");
        var opclasses = row.Strings("opclasses");
        var keys = texts.Select((text, i) => T.Key(text, descending[i] == "1", opclasses[i])).ToArray();
        var predicateText = row.String("predicate");
        var predicate = predicateText is null ? null : T.Predicate(predicateText);
        var method = row.String("method") switch
        {
            "gin" => IndexStructure.Inverted,
            "gist" => IndexStructure.Spatial,
            "brin" => IndexStructure.BlockRange,
            "hash" => IndexStructure.Hash,
            _ => IndexStructure.Ordered,
        };
        var understood = keys.All(k => k is not null) && (predicateText is null || predicate is not null) && row.String("method") is "btree" or "gin" or "gist" or "brin" or "hash";
        return new Model.Index(
            row.String("name")!,
            understood ? keys.Select(k => k!).ToArray() : texts.Select(t => new IndexKey(t, null, false, KeyMatch.Ordinary)).ToArray(),
            row.Strings("include").Select(T.Unquote).ToArray(),
            method,
            row.Boolean("is_unique") ?? false,
            predicate,
            row.String("comment") ?? string.Empty,
            Array.Empty<string>())
        {
            Definition = understood ? null : Signature(row, method: row.String("method")!),
        };
    }

    /// <summary>The catalog's index as one comparable CREATE INDEX statement (see <see cref="PostgreSqlIndexSignature"/>).</summary>
    private static string Signature(LiveRow row, string method)
    {
        var raw = row.Strings("raw_keys");
        var expression = row.Strings("expression_keys");
        var descending = row.Strings("descending");
        var opclasses = row.Strings("opclasses");
        var defaults = row.Strings("default_opclasses");
        var keys = raw.Select((text, i) => new PostgreSqlIndexSignature.Key(
            expression[i] == "true" ? null : T.Unquote(text),
            expression[i] == "true" ? text : null,
            descending[i] == "1",
            defaults[i] == "true" ? null : opclasses[i])).ToArray();
        var parts = new PostgreSqlIndexSignature.Parts(row.Boolean("is_unique") ?? false, method, keys, row.Strings("include").Select(T.Unquote).ToArray(), row.String("raw_predicate"));
        return PostgreSqlIndexSignature.Statement(parts.Unique, PostgreSqlWriter.Qualified(row.String("schema_name")!, row.String("table_name")!), row.String("name")!, parts);
    }
}
