using System.Globalization;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Plans sample rows for a design, engine-neutral: per table a row count (the table's stated rows, capped at
/// <c>maxRows</c>), and per column a rule that honours NOT NULL, checks, enum values, uniqueness, foreign keys (to
/// rows that exist, inside the same tenant) and the typical widths the capacity forecast assumes. Audit logs are left
/// empty (their rows come from triggers). Deterministic: row i always gets the same values.
/// </summary>
public static class SampleDataPlanner
{
    public static SampleDataPlan Plan(SchemaModel physical, long maxRows = 100_000, long maxTenants = 100, TypicalValues? values = null)
    {
        ArgumentNullException.ThrowIfNull(physical);
        values ??= TypicalValues.Default;
        var ordered = InForeignKeyOrder(physical.Tables);
        var tenantTable = physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Tenant);
        var scoped = ordered.Where(t => t.Features.TenantScoped || t.Columns.Any(c => c.Role == ColumnRole.TenantKey)).ToList();
        var rows = ordered.ToDictionary(t => t.Name, t => t.Kind == TableKind.Audit ? 0 : Math.Min(maxRows, t.EstimatedRows is > 0 ? t.EstimatedRows.Value : maxRows), StringComparer.Ordinal);
        long tenants = 1;
        if (tenantTable is not null)
        {
            tenants = Math.Max(1, new[] { maxTenants, rows[tenantTable.Name] }.Concat(scoped.Select(t => rows[t.Name])).Min());
            rows[tenantTable.Name] = tenants;
        }

        var tables = new List<SampleTable>();
        foreach (var table in ordered)
        {
            var t = scoped.Contains(table) ? tenants : 1;
            var n = rows[table.Name] / t * t;

            // A one-to-one (a unique foreign key) cannot have more rows than its parent.
            foreach (var fk in table.ForeignKeys.Where(f => IsUnique(table, f) && f.ReferencedTable != table.Name))
            {
                n = Math.Min(n, rows[fk.ReferencedTable] / t * t);
            }

            rows[table.Name] = n;
            tables.Add(new SampleTable(table, n, t, Columns(table, t, rows, values).ToArray()));
        }

        return new SampleDataPlan(tables, values);
    }

    private static IEnumerable<SampleColumn> Columns(Table table, long tenants, Dictionary<string, long> rows, TypicalValues values)
    {
        var references = new Dictionary<string, SampleColumn>(StringComparer.Ordinal);
        long divisor = 1;
        var earlier = new List<SampleColumn>();
        foreach (var fk in table.ForeignKeys)
        {
            var column = fk.Columns.Last();
            if (references.ContainsKey(column) || table.FindColumn(column)?.Role == ColumnRole.TenantKey)
            {
                continue;
            }

            var perTenant = Math.Max(1, (fk.ReferencedTable == table.Name ? rows[table.Name] : rows[fk.ReferencedTable]) / tenants);
            var same = earlier.FirstOrDefault(e => e.ReferencedTable == fk.ReferencedTable);

            // A second reference to the same table is shifted, so a self-link (follower, followed) never points at itself.
            // Only keys that must be unique together (a junction's) need distinct combinations: they take successive
            // digits of the row number. Other references each cycle over all parent rows.
            var combined = InCompositeKey(table, column);
            var spec = new SampleColumn(table.FindColumn(column)!, SampleValueKind.Reference, ReferencedTable: fk.ReferencedTable,
                Divisor: combined ? divisor : 1, Modulus: perTenant, ShiftDivisor: combined ? same?.Divisor ?? 0 : 0, ShiftModulus: same?.Modulus ?? 1);
            references[column] = spec;
            earlier.Add(spec);
            if (combined)
            {
                divisor = checked(divisor * perTenant);
            }
        }

        foreach (var column in table.Columns)
        {
            if (references.TryGetValue(column.Name, out var reference))
            {
                yield return reference;
                continue;
            }

            yield return Rule(table, column, values);
        }
    }

    private static SampleColumn Rule(Table table, Column column, TypicalValues values)
    {
        var nullShare = values.NullShare(column);
        if (nullShare >= 1)
        {
            return new SampleColumn(column, SampleValueKind.Null);
        }

        return Filled(table, column, values) with { NullShare = nullShare };
    }

    private static SampleColumn Filled(Table table, Column column, TypicalValues values)
    {

        if (column.Role == ColumnRole.TenantKey)
        {
            return new SampleColumn(column, SampleValueKind.TenantKey, ReferencedTable: table.ForeignKeys.FirstOrDefault(f => f.Columns.Contains(column.Name))?.ReferencedTable);
        }

        if (table.PrimaryKey.Columns is [var key] && key == column.Name)
        {
            return new SampleColumn(column, SampleValueKind.RowKey);
        }

        var conditions = table.Checks.Where(c => c.Column == column.Name).SelectMany(c => c.Conditions).ToList();
        var (min, max) = Bounds(conditions.Where(c => !c.OnLength));
        var (minLength, maxLength) = Bounds(conditions.Where(c => c.OnLength));
        var matches = conditions.Any(c => c.Operator == CheckOperator.Matches);
        var type = column.Type;
        var length = (int)Math.Clamp(values.Size(column), minLength ?? 1, maxLength ?? int.MaxValue);
        if (matches && column.Default is { Kind: DefaultKind.Literal, Value: { } literal })
        {
            return new SampleColumn(column, SampleValueKind.Literal, Literal: literal);
        }

        return type.Kind switch
        {
            LogicalTypeKind.Uuid => new SampleColumn(column, SampleValueKind.RowKey),
            LogicalTypeKind.String or LogicalTypeKind.Text => new SampleColumn(column, matches ? SampleValueKind.Code : SampleValueKind.Text, length),
            LogicalTypeKind.Char => new SampleColumn(column, SampleValueKind.Code, length),
            LogicalTypeKind.Email => new SampleColumn(column, SampleValueKind.Email, length),
            LogicalTypeKind.Url => new SampleColumn(column, SampleValueKind.Url, length),
            LogicalTypeKind.Enum => new SampleColumn(column, SampleValueKind.EnumCycle, Choices: type.EnumValues),
            LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt =>
                new SampleColumn(column, SampleValueKind.Integer, Min: min ?? 0, Max: max ?? (IsUnique(table, column.Name) ? double.MaxValue : 1000)),
            LogicalTypeKind.Decimal or LogicalTypeKind.Money => new SampleColumn(column, SampleValueKind.Decimal,
                Min: min ?? 0, Max: max ?? Math.Pow(10, values.DecimalIntegerDigits), Scale: type.Kind == LogicalTypeKind.Money ? 2 : Math.Min(2, type.Scale ?? 0)),
            LogicalTypeKind.Float or LogicalTypeKind.Double => new SampleColumn(column, SampleValueKind.Real, Min: min ?? 0, Max: max ?? 1000),
            LogicalTypeKind.Bool => new SampleColumn(column, SampleValueKind.Bool),
            LogicalTypeKind.Timestamp => new SampleColumn(column, SampleValueKind.Timestamp),
            LogicalTypeKind.Date => new SampleColumn(column, SampleValueKind.Date, Modulus: values.DistinctDates),
            LogicalTypeKind.Time => new SampleColumn(column, SampleValueKind.Time),
            LogicalTypeKind.Json => new SampleColumn(column, SampleValueKind.Json, values.Size(column)),
            LogicalTypeKind.Binary => new SampleColumn(column, SampleValueKind.Binary, values.Size(column)),
            LogicalTypeKind.Array when type.Element!.Kind == LogicalTypeKind.Enum =>
                new SampleColumn(column, SampleValueKind.EnumArray, values.ArrayElements, Choices: type.Element.EnumValues),
            LogicalTypeKind.Array => new SampleColumn(column, SampleValueKind.TextArray, values.ArrayElements, Scale: Math.Max(1, values.Characters(type.Element!))),
            _ => throw new InvalidOperationException($"No sample values for {column.Name} ({type})."),
        };
    }

    private static (double? Min, double? Max) Bounds(IEnumerable<CheckCondition> conditions)
    {
        double? min = null, max = null;
        double V(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        foreach (var c in conditions)
        {
            switch (c.Operator)
            {
                case CheckOperator.GreaterOrEqual: min = V(c.Values[0]); break;
                case CheckOperator.Greater: min = V(c.Values[0]) + 1; break;
                case CheckOperator.LessOrEqual: max = V(c.Values[0]); break;
                case CheckOperator.Less: max = V(c.Values[0]) - 1; break;
                case CheckOperator.Equal: min = max = V(c.Values[0]); break;
                case CheckOperator.Between: min = V(c.Values[0]); max = V(c.Values[1]); break;
            }
        }

        return (min, max);
    }

    private static bool InCompositeKey(Table table, string column) =>
        table.PrimaryKey.Columns.Count(c => table.FindColumn(c)?.Role != ColumnRole.TenantKey) > 1 && table.PrimaryKey.Columns.Contains(column)
        || table.UniqueKeys.Any(u => u.Columns.Count(c => table.FindColumn(c)?.Role != ColumnRole.TenantKey) > 1 && u.Columns.Contains(column));

    private static bool IsUnique(Table table, ForeignKey fk) =>
        table.UniqueKeys.Any(u => u.Columns.SequenceEqual(fk.Columns) || (u.Columns.Count == 1 && fk.Columns.Count == 1 && u.Columns[0] == fk.Columns[0]))
        || table.PrimaryKey.Columns.SequenceEqual(fk.Columns);

    private static bool IsUnique(Table table, string column) =>
        table.UniqueKeys.Any(u => u.Columns.Contains(column)) || table.PrimaryKey.Columns.Contains(column);

    private static List<Table> InForeignKeyOrder(IReadOnlyList<Table> tables)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Table>();
        void Visit(Table table, HashSet<string> path)
        {
            if (done.Contains(table.Name) || !path.Add(table.Name))
            {
                return;
            }

            foreach (var fk in table.ForeignKeys.Where(f => f.ReferencedTable != table.Name))
            {
                if (tables.FirstOrDefault(t => t.Name == fk.ReferencedTable) is { } parent)
                {
                    Visit(parent, path);
                }
            }

            done.Add(table.Name);
            result.Add(table);
        }

        foreach (var table in tables)
        {
            Visit(table, new HashSet<string>(StringComparer.Ordinal));
        }

        return result;
    }
}
