using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using Q = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCatalogQueries;
using T = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCatalogText;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Import-DbSchema for PostgreSQL: set-wise catalog queries, whatever the number of tables, the large ones (columns,
/// constraints, indexes) at once on connections that share one snapshot (<see cref="PostgreSqlCatalogSnapshot"/>), joined
/// on the client by table oid.
/// </summary>
public sealed partial class PostgreSqlInspector : ISchemaInspector
{
    /// <summary>Connections beside the session: one per large query, so the server works on them at once.</summary>
    private const int Forks = 3;

    public string CanonicalType(string nativeType) => T.CanonicalType(nativeType);

    public IReadOnlyList<SchemaModel> Inspect(LiveSession session, SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        using var snapshot = PostgreSqlCatalogSnapshot.Open(session, Forks);
        var schemas = session.Query(Q.Schemas, "Reading schemas").Select(r => r.String("name")!).Where(filter.MatchesSchema).ToArray();
        var parameters = new Dictionary<string, object?> { ["schemas"] = schemas };
        IReadOnlyList<TableRow> tables = Array.Empty<TableRow>();
        IReadOnlyList<ColumnRow> columns = Array.Empty<ColumnRow>();
        IReadOnlyList<ConstraintRow> constraints = Array.Empty<ConstraintRow>();
        IReadOnlyList<IndexRow> indexes = Array.Empty<IndexRow>();
        IReadOnlyList<LiveRow> policies = Array.Empty<LiveRow>(), others = Array.Empty<LiveRow>();
        string[] extensions = Array.Empty<string>();
        Dictionary<uint, OperatorClass> classes = new();
        snapshot.Run(
            s => columns = ReadColumns(s, parameters),
            s => constraints = ReadConstraints(s, parameters),
            s => indexes = ReadIndexes(s, parameters),
            s =>
            {
                tables = ReadTables(s, parameters);
                policies = s.Query(Q.Policies, "Reading row-level security policies", parameters);
                others = s.Query(Q.SequencesAndViews, "Reading sequences and views", parameters);
                extensions = s.Query(Q.Extensions, "Reading extensions").Select(r => r.String("name")!).ToArray();
                classes = ReadOperatorClasses(s);
            });

        var wanted = tables.Where(t => filter.MatchesTable(t.Name)).ToArray();
        var wantedOids = wanted.Select(t => t.Oid).ToHashSet();
        var names = new AttributeNames(columns);
        names.ReadMissing(session, constraints.Where(c => wantedOids.Contains(c.Table))
            .SelectMany(c => new[] { (c.Table, c.Columns), (c.ReferencedOid, c.ReferencedColumns), (c.Table, c.SetNullColumns) }));
        var columnsOf = ByTable(columns, c => c.Table);
        var constraintsOf = ByTable(constraints, c => c.Table);
        var indexesOf = ByTable(indexes, i => i.Table);
        var policiesOf = policies.GroupBy(r => (r.String("schema_name")!, r.String("table_name")!)).ToDictionary(g => g.Key, g => g.ToArray());
        var catalog = new Catalog(names, classes);

        return schemas.Select(schema => new SchemaModel(
                schema,
                schema,
                wanted.Where(t => t.Schema == schema)
                    .Select(t => BuildTable(t, Rows(columnsOf, t.Oid), Rows(constraintsOf, t.Oid), Rows(indexesOf, t.Oid),
                        policiesOf.TryGetValue((t.Schema, t.Name), out var p) ? p : Array.Empty<LiveRow>(), catalog))
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

    /// <summary>What naming a row's numbers needs: attribute names and operator classes.</summary>
    private sealed record Catalog(AttributeNames Names, Dictionary<uint, OperatorClass> Classes);

    private static Dictionary<uint, List<TRow>> ByTable<TRow>(IEnumerable<TRow> rows, Func<TRow, uint> table)
    {
        var groups = new Dictionary<uint, List<TRow>>();
        foreach (var row in rows)
        {
            if (!groups.TryGetValue(table(row), out var list))
            {
                groups[table(row)] = list = new List<TRow>();
            }

            list.Add(row);
        }

        return groups;
    }

    private static IReadOnlyList<TRow> Rows<TRow>(Dictionary<uint, List<TRow>> groups, uint table) =>
        groups.TryGetValue(table, out var rows) ? rows : Array.Empty<TRow>();

    private static Table BuildTable(TableRow table, IReadOnlyList<ColumnRow> columnRows, IReadOnlyList<ConstraintRow> constraintRows, IReadOnlyList<IndexRow> indexRows,
        IReadOnlyList<LiveRow> policyRows, Catalog catalog)
    {
        var primary = constraintRows.FirstOrDefault(c => c.Kind == "p");
        var pk = primary is null ? new PrimaryKey(string.Empty, Array.Empty<string>()) : new PrimaryKey(primary.Name, catalog.Names.Of(primary.Table, primary.Columns));
        var foreignKeys = constraintRows.Where(c => c.Kind == "f").Select(c => ForeignKey(c, catalog.Names)).ToArray();
        var fkColumns = foreignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var columns = columnRows.OrderBy(c => c.Position).Select(c => Column(c, pk.Columns, fkColumns)).ToArray();
        return new Table(
            table.Name,
            TableKind.Entity,
            table.Comment,
            columns,
            pk,
            foreignKeys,
            constraintRows.Where(c => c.Kind == "u").Select(c => new UniqueKey(c.Name, catalog.Names.Of(c.Table, c.Columns), c.Comment ?? string.Empty)).ToArray(),
            constraintRows.Where(c => c.Kind == "c").Select(c => Check(c, catalog.Names)).ToArray(),
            indexRows.Select(i => Index(table, i, catalog)).ToArray(),
            TableFeatures.None,
            null,
            table.EstimatedRows >= 0 ? table.EstimatedRows : null,
            null)
        {
            PartitionBy = table.PartitionBy,
            Policies = policyRows.Select(Policy).ToArray(),
            RowSecurityEnabled = table.RowSecurity,
            RowSecurityForced = table.ForceRowSecurity,
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

    private static Column Column(ColumnRow row, IReadOnlyList<string> pkColumns, HashSet<string> fkColumns)
    {
        var (defaultSpec, generation) = T.Default(row.Generated ? null : row.Default, row.NativeType);
        if (row.Identity)
        {
            generation = KeyGeneration.Identity;
        }

        var role = pkColumns.Contains(row.Name) ? ColumnRole.PrimaryKey : fkColumns.Contains(row.Name) ? ColumnRole.ForeignKey : ColumnRole.Attribute;
        return new Column(row.Name, T.Logical(row.NativeType), !row.NotNull, defaultSpec, role, generation, row.Comment, row.NativeType);
    }

    private static ForeignKey ForeignKey(ConstraintRow row, AttributeNames names) => new(
        row.Name,
        names.Of(row.Table, row.Columns),
        row.ReferencedTable!,
        names.Of(row.ReferencedOid, row.ReferencedColumns),
        row.OnDelete switch { "c" => DeleteAction.Cascade, "n" => DeleteAction.SetNull, "a" => DeleteAction.NoAction, _ => DeleteAction.Restrict },
        names.Of(row.Table, row.SetNullColumns),
        false,
        row.Comment ?? string.Empty);

    private static CheckConstraint Check(ConstraintRow row, AttributeNames names)
    {
        var columns = names.Of(row.Table, row.Columns);
        return new CheckConstraint(row.Name, columns.Length > 0 ? columns[0] : string.Empty, CheckKind.Conditions,
            Array.Empty<CheckCondition>(), Array.Empty<string>(), row.Comment ?? string.Empty)
        {
            Expression = row.Expression,
        };
    }

    private static Model.Index Index(TableRow table, IndexRow row, Catalog catalog)
    {
        var count = row.KeyCount;
        var descending = row.Options.Take(count).Select(o => (o & 1) == 1).ToArray();
        var opclasses = row.OperatorClasses.Take(count).Select(c => catalog.Classes[c]).ToArray();
        var include = catalog.Names.Of(row.Table, row.Attributes.Skip(count).ToArray());
        var keys = row.Keys.Select((text, i) => T.Key(text, descending[i], opclasses[i].Name)).ToArray();
        var predicate = row.Predicate is null ? null : T.Predicate(row.Predicate);
        var method = row.Method switch
        {
            "gin" => IndexStructure.Inverted,
            "gist" => IndexStructure.Spatial,
            "brin" => IndexStructure.BlockRange,
            "hash" => IndexStructure.Hash,
            _ => IndexStructure.Ordered,
        };
        var understood = keys.All(k => k is not null) && (row.Predicate is null || predicate is not null) && row.Method is "btree" or "gin" or "gist" or "brin" or "hash";
        return new Model.Index(
            row.Name,
            understood ? keys.Select(k => k!).ToArray() : row.Keys.Select(t => new IndexKey(t, null, false, KeyMatch.Ordinary)).ToArray(),
            include,
            method,
            row.Unique,
            predicate,
            row.Comment ?? string.Empty,
            Array.Empty<string>())
        {
            Definition = understood ? null : Signature(table, row, descending, opclasses, include),
        };
    }

    /// <summary>
    /// The catalog's index as one comparable CREATE INDEX statement (see <see cref="PostgreSqlIndexSignature"/>): a key's
    /// raw text is the column's quoted name (the same with or without pretty-printing) or the expression unprettied.
    /// </summary>
    private static string Signature(TableRow table, IndexRow row, bool[] descending, OperatorClass[] opclasses, string[] include)
    {
        var keys = row.Keys.Select((text, i) => row.Attributes[i] == 0
            ? new PostgreSqlIndexSignature.Key(null, row.RawExpressions[i], descending[i], opclasses[i].IsDefault ? null : opclasses[i].Name)
            : new PostgreSqlIndexSignature.Key(T.Unquote(text), null, descending[i], opclasses[i].IsDefault ? null : opclasses[i].Name)).ToArray();
        var parts = new PostgreSqlIndexSignature.Parts(row.Unique, row.Method, keys, include, row.RawPredicate);
        return PostgreSqlIndexSignature.Statement(parts.Unique, PostgreSqlWriter.Qualified(table.Schema, table.Name), row.Name, parts);
    }
}
