using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>The rows each of <see cref="SqlServerCatalogQueries"/> returns, as column name → value dictionaries.</summary>
public sealed record SqlServerCatalogRows(
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Tables,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Keys,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> ForeignKeys,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Checks,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Indexes,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Objects);

/// <summary>
/// Import-DbSchema's model for SQL Server, built from the catalog queries' rows alone — a pure function, so it is
/// proven without a server: one model per schema, tables with their columns (catalog defaults read back into the
/// design's default kinds, computed expressions, identity), keys, foreign keys, checks, indexes with INCLUDE, filter
/// and columnstore, partition schemes, temporal and memory-optimized options, comments, sequences and views.
/// </summary>
public static partial class SqlServerCatalogModel
{
    public static IReadOnlyList<SchemaModel> Build(SqlServerCatalogRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Tables.Select(r => Text(r, "schema_name")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(schema => new SchemaModel(schema, schema,
                rows.Tables.Where(r => Text(r, "schema_name") == schema).Select(r => Table(rows, schema, Text(r, "table_name"), r))
                    .OrderBy(t => t.Name, StringComparer.Ordinal).ToArray(),
                Array.Empty<string>())
            {
                Engine = "sqlserver",
                Sequences = rows.Objects.Where(o => Text(o, "schema_name") == schema && Text(o, "kind") == "SEQUENCE_OBJECT").Select(Sequence).ToArray(),
                Views = rows.Objects.Where(o => Text(o, "schema_name") == schema && Text(o, "kind") == "VIEW").Select(o => Text(o, "name")).ToArray(),
            })
            .ToArray();
    }

    /// <summary>
    /// A design as SQL Server's build scripts leave it: keys, foreign keys and checks carry no description (only
    /// tables, columns and indexes get MS_Description), and a restricting or cascade-path-demoted foreign key is
    /// declared NO ACTION.
    /// </summary>
    public static SchemaModel AsBuilt(SchemaModel design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var demoted = SqlServerCascadePaths.Resolve(design).Select(r => (r.Table, r.ForeignKey)).ToHashSet();
        return design with
        {
            Tables = design.Tables.Select(t => t with
            {
                UniqueKeys = t.UniqueKeys.Select(u => u with { Reason = string.Empty }).ToArray(),
                Checks = t.Checks.Select(c => c with { Reason = string.Empty }).ToArray(),
                ForeignKeys = t.ForeignKeys.Select(f => f with
                {
                    Reason = string.Empty,
                    OnDelete = demoted.Contains((t.Name, f.Name)) || f.OnDelete == DeleteAction.NoAction ? DeleteAction.Restrict : f.OnDelete,
                    SetNullColumns = demoted.Contains((t.Name, f.Name)) ? Array.Empty<string>() : f.SetNullColumns,
                }).ToArray(),
            }).ToArray(),
        };
    }

    private static Table Table(SqlServerCatalogRows rows, string schema, string name, IReadOnlyDictionary<string, object?> table)
    {
        IEnumerable<IReadOnlyDictionary<string, object?>> Of(IReadOnlyList<IReadOnlyDictionary<string, object?>> list) =>
            list.Where(r => Text(r, "schema_name") == schema && Text(r, "table_name") == name);

        var keys = Of(rows.Keys).GroupBy(r => (Name: Text(r, "name"), Kind: Text(r, "kind")))
            .Select(g => (g.Key.Name, g.Key.Kind, Columns: (IReadOnlyList<string>)g.OrderBy(r => Number(r, "position")).Select(r => Text(r, "column_name")).ToArray())).ToArray();
        var primary = keys.FirstOrDefault(k => k.Kind == "PK");
        var pk = primary.Name is null ? new PrimaryKey(string.Empty, Array.Empty<string>()) : new PrimaryKey(primary.Name, primary.Columns);
        var foreignKeys = Of(rows.ForeignKeys).GroupBy(r => Text(r, "name")).Select(ForeignKey).ToArray();
        var fkColumns = foreignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var columns = Of(rows.Columns).OrderBy(r => Number(r, "position")).Select(r => Column(r, pk.Columns, fkColumns)).ToArray();
        return new Table(
            name,
            TableKind.Entity,
            Optional(table, "comment"),
            columns,
            pk,
            foreignKeys,
            keys.Where(k => k.Kind == "UQ").Select(k => new UniqueKey(k.Name, k.Columns, string.Empty)).ToArray(),
            Of(rows.Checks).Select(r => Check(r, columns)).ToArray(),
            Of(rows.Indexes).GroupBy(r => Text(r, "name")).Select(Index).OrderBy(i => i.Name, StringComparer.Ordinal).ToArray(),
            TableFeatures.None,
            null,
            table.TryGetValue("estimated_rows", out var estimate) && estimate is not null ? Convert.ToInt64(estimate, CultureInfo.InvariantCulture) : null,
            null)
        {
            PartitionBy = Optional(table, "partition_scheme"),
            Options = Options(table),
        };
    }

    /// <summary>What the neutral table has no field for: system versioning with its history table, memory-optimized storage.</summary>
    private static IReadOnlyList<string> Options(IReadOnlyDictionary<string, object?> table)
    {
        var options = new List<string>();
        if (Optional(table, "temporal_type") is "SYSTEM_VERSIONED_TEMPORAL_TABLE" && Optional(table, "history_table") is var history)
        {
            options.Add(history is null ? "SYSTEM_VERSIONED_TEMPORAL_TABLE" : $"SYSTEM_VERSIONED_TEMPORAL_TABLE history {history}");
        }

        if (Flag(table, "is_memory_optimized"))
        {
            options.Add($"MEMORY_OPTIMIZED {Optional(table, "durability") ?? "SCHEMA_AND_DATA"}");
        }

        return options;
    }

    private static Column Column(IReadOnlyDictionary<string, object?> row, IReadOnlyList<string> pkColumns, HashSet<string> fkColumns)
    {
        var name = Text(row, "column_name");
        var identity = Flag(row, "is_identity");
        var role = pkColumns.Contains(name) ? ColumnRole.PrimaryKey : fkColumns.Contains(name) ? ColumnRole.ForeignKey : ColumnRole.Attribute;
        var (spec, generation) = Default(Optional(row, "default_expression"));
        // The native type is what compares and what a planner writes; the logical type is not read back on SQL Server.
        return new Column(name, LogicalType.Simple(LogicalTypeKind.Text), Flag(row, "is_nullable"), spec, role, identity ? KeyGeneration.Identity : generation,
            Optional(row, "comment"), Text(row, "native_type"))
        {
            Computed = Flag(row, "is_computed") && Optional(row, "computed_expression") is { } expression
                ? (Flag(row, "is_persisted") ? expression + " PERSISTED" : expression)
                : null,
        };
    }

    /// <summary>
    /// A default as SQL Server keeps it — wrapped in parentheses, functions in lower case, numbers doubly wrapped:
    /// "(todatetimeoffset(sysutcdatetime(),'+00:00'))", "((0))", "(N'open')" — read back as the design's kind.
    /// </summary>
    internal static (DefaultSpec? Spec, KeyGeneration Generation) Default(string? expression)
    {
        if (expression is null)
        {
            return (null, KeyGeneration.None);
        }

        var text = expression.Trim();
        while (text.Length > 1 && text[0] == '(' && text[^1] == ')')
        {
            text = text[1..^1].Trim();
        }

        var lower = text.ToLowerInvariant();
        if (lower is "newid()" or "newsequentialid()")
        {
            return (null, KeyGeneration.RandomUuid);
        }

        if (lower.Contains("sysutcdatetime()", StringComparison.Ordinal) || lower.Contains("sysdatetimeoffset()", StringComparison.Ordinal)
            || lower.Contains("getutcdate()", StringComparison.Ordinal) || lower.Contains("getdate()", StringComparison.Ordinal) || lower.Contains("sysdatetime()", StringComparison.Ordinal))
        {
            return (new DefaultSpec(DefaultKind.Now, null), KeyGeneration.None);
        }

        if (StringLiteral().Match(text) is { Success: true } literal)
        {
            return (new DefaultSpec(DefaultKind.Literal, literal.Groups["v"].Value.Replace("''", "'", StringComparison.Ordinal)), KeyGeneration.None);
        }

        return (new DefaultSpec(DefaultKind.Literal, text), KeyGeneration.None);
    }

    private static ForeignKey ForeignKey(IGrouping<string, IReadOnlyDictionary<string, object?>> rows)
    {
        var ordered = rows.OrderBy(r => Number(r, "position")).ToArray();
        var action = Text(ordered[0], "on_delete") switch
        {
            "CASCADE" => DeleteAction.Cascade,
            "SET_NULL" => DeleteAction.SetNull,
            // SQL Server has no RESTRICT: NO ACTION is how a restricting key is declared.
            _ => DeleteAction.Restrict,
        };
        return new ForeignKey(rows.Key, ordered.Select(r => Text(r, "column_name")).ToArray(), Text(ordered[0], "referenced_table"),
            ordered.Select(r => Text(r, "referenced_column")).ToArray(), action, Array.Empty<string>(), false, string.Empty);
    }

    /// <summary>A table-level check has no parent column in the catalog; it is the first of the table's columns its text names.</summary>
    private static CheckConstraint Check(IReadOnlyDictionary<string, object?> row, IReadOnlyList<Column> columns)
    {
        var expression = Optional(row, "expression");
        var column = Optional(row, "column_name")
            ?? (expression is null ? null : BracketedName().Matches(expression).Select(m => m.Groups["n"].Value.Replace("]]", "]", StringComparison.Ordinal))
                .FirstOrDefault(n => columns.Any(c => c.Name == n)));
        return new CheckConstraint(Text(row, "name"), column ?? string.Empty, CheckKind.Conditions, Array.Empty<CheckCondition>(), Array.Empty<string>(), string.Empty)
        {
            Expression = expression,
        };
    }

    private static Model.Index Index(IGrouping<string, IReadOnlyDictionary<string, object?>> rows)
    {
        var first = rows.First();
        var keys = rows.Where(r => !Flag(r, "included")).OrderBy(r => Number(r, "position"))
            .Select(r => new IndexKey(Text(r, "column_name"), null, Flag(r, "descending"), KeyMatch.Ordinary)).ToArray();
        var predicateText = Optional(first, "predicate");
        var predicate = predicateText is null ? null : Predicate(predicateText);
        // A columnstore index stores whole columns with no key order (key_ordinal 0): its kind and columns are its definition.
        if (Optional(first, "method") is { } method && method.Contains("COLUMNSTORE", StringComparison.Ordinal))
        {
            var stored = rows.OrderBy(r => Text(r, "column_name"), StringComparer.Ordinal).Select(r => Text(r, "column_name")).ToArray();
            return new Model.Index(rows.Key, stored.Select(c => IndexKey.Of(c)).ToArray(), Array.Empty<string>(), IndexStructure.Ordered, false, predicate,
                Optional(first, "comment") ?? string.Empty, Array.Empty<string>())
            {
                Definition = $"{method} ({string.Join(", ", stored)})" + (predicateText is null ? string.Empty : " WHERE " + predicateText),
            };
        }

        return new Model.Index(
            rows.Key,
            keys,
            rows.Where(r => Flag(r, "included")).Select(r => Text(r, "column_name")).ToArray(),
            IndexStructure.Ordered,
            Flag(first, "is_unique"),
            predicate,
            Optional(first, "comment") ?? string.Empty,
            Array.Empty<string>())
        {
            Definition = predicateText is not null && predicate is null ? "WHERE " + predicateText : null,
        };
    }

    /// <summary>A filter of IS [NOT] NULL tests joined by AND, as SQL Server prints it: "([deleted_at] IS NULL AND [note] IS NOT NULL)".</summary>
    internal static IndexPredicate? Predicate(string text)
    {
        var tests = new List<ColumnTest>();
        foreach (var part in Regex.Split(text.Trim().TrimStart('(').TrimEnd(')'), " AND ", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            var test = NullTest().Match(part.Trim().Trim('(', ')'));
            if (!test.Success)
            {
                return null;
            }

            tests.Add(new ColumnTest(test.Groups["n"].Value.Replace("]]", "]", StringComparison.Ordinal), test.Groups["not"].Success ? PredicateKind.IsNotNull : PredicateKind.IsNull));
        }

        return new IndexPredicate(tests);
    }

    private static SequenceDefinition Sequence(IReadOnlyDictionary<string, object?> row) => new(
        Text(row, "name"), Optional(row, "data_type") ?? "bigint", Number(row, "start_value"), Number(row, "increment"),
        Number(row, "minimum_value"), Number(row, "maximum_value"), Number(row, "cache_size"), Flag(row, "is_cycling"));

    private static string Text(IReadOnlyDictionary<string, object?> row, string column) =>
        Optional(row, column) ?? throw new InvalidOperationException($"Catalog row has no {column}.");

    private static string? Optional(IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static long Number(IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    private static bool Flag(IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null and not DBNull && Convert.ToBoolean(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^N?'(?<v>(?:[^']|'')*)'$")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\[(?<n>(?:[^\]]|\]\])+)\]")]
    private static partial Regex BracketedName();

    [GeneratedRegex(@"^\[(?<n>(?:[^\]]|\]\])+)\] IS (?<not>NOT )?NULL$", RegexOptions.IgnoreCase)]
    private static partial Regex NullTest();
}
