using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Design;

/// <summary>
/// Fits a logical model to one engine: every name within the engine's identifier limit and unique in its namespace
/// (shortened deterministically, never colliding), and every column's native type filled in. References (keys,
/// foreign keys, index keys, predicates, checks) follow the renames.
/// </summary>
internal static class PhysicalDesigner
{
    public static SchemaModel Apply(SchemaModel logical, IDatabaseEngine engine, List<DesignDecision> decisions)
    {
        var max = engine.Identifiers.MaxIdentifierBytes;

        // Tables first, so they keep their full names in preference to the indexes and constraints derived from them.
        // Relations (tables, indexes, key constraints) and the other constraints share one scope: simplest rule that is
        // valid on every engine.
        var caseSensitive = engine.Identifiers.CaseSensitive;
        var scope = new NameScope(max, caseSensitive, logical.Tables.Sum(RelationNames));
        var tableNames = logical.Tables.ToDictionary(t => t.Name, t => Claim(scope, t.Name, "table", decisions), StringComparer.Ordinal);
        var columnNames = logical.Tables.ToDictionary(t => t.Name, t => ColumnNames(t, max, caseSensitive, decisions), StringComparer.Ordinal);

        var tables = logical.Tables.Select(t =>
        {
            var columns = columnNames[t.Name];
            string C(string c) => columns[c];
            IReadOnlyList<string> Cs(IEnumerable<string> cs) => cs.Select(C).ToArray();
            var tableName = tableNames[t.Name];
            return t with
            {
                Name = tableName,
                Columns = t.Columns.Select(c => c with
                {
                    Name = C(c.Name),
                    NativeType = engine.Types.Map(c.Type).Sql,
                }).ToArray(),
                PrimaryKey = new PrimaryKey(Claim(scope, t.PrimaryKey.Name, "primary key", decisions), Cs(t.PrimaryKey.Columns)),
                UniqueKeys = t.UniqueKeys.Select(u => u with { Name = Claim(scope, u.Name, "unique constraint", decisions), Columns = Cs(u.Columns) }).ToArray(),
                Checks = t.Checks.Select(k => k with { Name = Claim(scope, k.Name, "check constraint", decisions), Column = C(k.Column) }).ToArray(),
                ForeignKeys = t.ForeignKeys.Select(f => f with
                {
                    Name = Claim(scope, f.Name, "foreign key", decisions),
                    Columns = Cs(f.Columns),
                    ReferencedTable = tableNames[f.ReferencedTable],
                    ReferencedColumns = f.ReferencedColumns.Select(c => columnNames[f.ReferencedTable][c]).ToArray(),
                    SetNullColumns = Cs(f.SetNullColumns),
                }).ToArray(),
                Indexes = t.Indexes.Select(i => i with
                {
                    Name = Claim(scope, i.Name, "index", decisions),
                    Keys = i.Keys.Select(k => k with
                    {
                        Column = k.Column is null ? null : C(k.Column),
                        Expression = k.Expression is null ? null : k.Expression with { Columns = Cs(k.Expression.Columns) },
                    }).ToArray(),
                    Include = Cs(i.Include),
                    Predicate = i.Predicate is null ? null : new IndexPredicate(i.Predicate.Tests.Select(p => p with { Column = C(p.Column) }).ToArray()),
                }).ToArray(),
            };
        }).ToArray();

        return logical with { Schema = SchemaName(logical.Schema, engine), Tables = tables };
    }

    /// <summary>Names a table claims in the schema's scope: its own, its primary key's and its constraints' and indexes'.</summary>
    internal static int RelationNames(Table table) =>
        2 + table.UniqueKeys.Count + table.Checks.Count + table.ForeignKeys.Count + table.Indexes.Count;

    /// <summary>The schema's name as the engine keeps it.</summary>
    public static string SchemaName(string logical, IDatabaseEngine engine) =>
        IdentifierShortener.Shorten(logical, engine.Identifiers.MaxIdentifierBytes);

    private static Dictionary<string, string> ColumnNames(Table table, int max, bool caseSensitive, List<DesignDecision> decisions)
    {
        var scope = new NameScope(max, caseSensitive, table.Columns.Count);
        var what = $"column of {table.Name}";
        return table.Columns.ToDictionary(c => c.Name, c => Claim(scope, c.Name, what, decisions), StringComparer.Ordinal);
    }

    private static string Claim(NameScope scope, string wanted, string what, List<DesignDecision> decisions)
    {
        var name = scope.Claim(wanted);
        if (!string.Equals(name, wanted, StringComparison.Ordinal))
        {
            decisions.Add(new DesignDecision(DesignAreas.Schema, wanted, $"Named {name}",
                $"The {what} name is longer than the engine keeps or collides with another; shortened deterministically (readable prefix + hash of the full name)."));
        }

        return name;
    }
}
