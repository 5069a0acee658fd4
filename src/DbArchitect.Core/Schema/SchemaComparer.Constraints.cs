using DbArchitect.Core.Model;
using V = DbArchitect.Core.Schema.SchemaValues;

namespace DbArchitect.Core.Schema;

public static partial class SchemaComparer
{
    private static void CompareConstraints(Table old, Table wanted, RenameMap renames, Func<string, string> checkMeaning, List<SchemaDifference> rows)
    {
        string Col(string c) => renames.ColumnIn(old.Name, c);
        string Cols(IEnumerable<string> cs, bool mapped) => V.List(mapped ? cs.Select(Col) : cs);

        var oldPk = old.PrimaryKey.Columns.Count == 0 ? Array.Empty<PrimaryKey>() : new[] { old.PrimaryKey };
        var newPk = wanted.PrimaryKey.Columns.Count == 0 ? Array.Empty<PrimaryKey>() : new[] { wanted.PrimaryKey };
        CompareNamed(SchemaObjectKind.PrimaryKey, wanted.Name, oldPk, newPk, k => k.Name,
            (k, mapped) => $"PRIMARY KEY ({Cols(k.Columns, mapped)})", _ => null, rows);

        CompareNamed(SchemaObjectKind.UniqueKey, wanted.Name, old.UniqueKeys, wanted.UniqueKeys, u => u.Name,
            (u, mapped) => $"UNIQUE ({Cols(u.Columns, mapped)})", u => u.Reason, rows);

        CompareNamed(SchemaObjectKind.ForeignKey, wanted.Name, old.ForeignKeys, wanted.ForeignKeys, f => f.Name,
            (f, mapped) => $"FOREIGN KEY ({Cols(f.Columns, mapped)}) REFERENCES {(mapped ? renames.TableIn(f.ReferencedTable) : f.ReferencedTable)} "
                + $"({V.List(f.ReferencedColumns)}) ON DELETE {f.OnDelete}"
                + (f.SetNullColumns.Count > 0 ? $" ({Cols(f.SetNullColumns, mapped)})" : string.Empty),
            f => f.Reason, rows);

        // Checks compare by meaning: both catalog texts (a design's as its engine writes it) through the engine's
        // normaliser, or both designs' structured conditions; a side without either is compared by column only.
        CompareNamed(SchemaObjectKind.Check, wanted.Name, old.Checks, wanted.Checks, c => c.Name,
            (c, mapped) => $"CHECK on {(mapped ? Col(c.Column) : c.Column)}", c => c.Reason, rows);
        foreach (var check in wanted.Checks)
        {
            if (old.Checks.FirstOrDefault(c => c.Name == check.Name) is not { } before)
            {
                continue;
            }

            var (from, to) = (before.Expression, check.Expression) switch
            {
                ({ } a, { } b) => (checkMeaning(a), checkMeaning(b)),
                (null, null) => (Structured(before, old), Structured(check, wanted)),
                _ => (null, null),
            };
            if (from is not null && to is not null && !string.Equals(from, to, StringComparison.Ordinal))
            {
                rows.Add(new(DifferenceChange.Changed, SchemaObjectKind.Check, wanted.Name, check.Name, DifferenceProperty.Definition,
                    before.Expression ?? from, check.Expression ?? to, $"Check condition {before.Expression ?? from} → {check.Expression ?? to}."));
            }
        }
    }

    /// <summary>
    /// A design's check without an engine: its kind, conditions and members (sorted: their order means nothing); null for
    /// a check read from a catalog that keeps no text of it (nothing to compare).
    /// </summary>
    private static string? Structured(CheckConstraint check, Table table) => check.Kind switch
    {
        CheckKind.Conditions when check.Conditions.Count == 0 => null,
        CheckKind.Conditions => string.Join(" and ", check.Conditions.Select(c => c.ToString())),
        CheckKind.EnumMembers or CheckKind.EnumArrayMembers => $"{check.Kind} ({V.List((check.EnumValues.Count > 0 ? check.EnumValues : table.FindColumn(check.Column)?.Type is { } type ? (type.Element ?? type).EnumValues : Array.Empty<string>()).Order(StringComparer.Ordinal))})",
        _ => check.Kind.ToString(),
    };

    private static void CompareIndexes(Table old, Table wanted, RenameMap renames, Func<IndexKey, string> key, List<SchemaDifference> rows)
    {
        string Definition(Model.Index index, bool mapped)
        {
            if (index.Definition is { } text)
            {
                return text;
            }

            var keys = mapped
                ? index.Keys.Select(k => k with { Column = k.Column is null ? null : renames.ColumnIn(old.Name, k.Column) })
                : index.Keys;
            return $"{(index.Unique ? "UNIQUE " : string.Empty)}{index.Method} ({string.Join(", ", keys.Select(key))})"
                + (index.Include.Count > 0 ? $" INCLUDE ({V.List(index.Include)})" : string.Empty)
                + (index.Predicate is { } p ? " WHERE " + p : string.Empty);
        }

        CompareNamed(SchemaObjectKind.Index, wanted.Name, old.Indexes, wanted.Indexes, i => i.Name, Definition, i => i.Reason, rows);
    }

    /// <summary>
    /// Matches objects by name: missing ones are removed, new ones added, and for matched ones the definition and the
    /// comment are compared. <paramref name="definition"/> maps reference-side names through the rename hints when asked.
    /// </summary>
    private static void CompareNamed<T>(
        SchemaObjectKind kind,
        string table,
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, string> name,
        Func<T, bool, string> definition,
        Func<T, string?> comment,
        List<SchemaDifference> rows)
    {
        var wanted = after.ToDictionary(name, StringComparer.Ordinal);
        foreach (var old in before.OrderBy(name, StringComparer.Ordinal))
        {
            if (!wanted.Remove(name(old), out var target))
            {
                rows.Add(new(DifferenceChange.Removed, kind, table, name(old), DifferenceProperty.Object, definition(old, false), null,
                    $"{Words(kind)} {name(old)} is not in the difference schema."));
                continue;
            }

            var (from, to) = (definition(old, true), definition(target, false));
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                rows.Add(new(DifferenceChange.Changed, kind, table, name(target), DifferenceProperty.Definition, from, to,
                    $"{Words(kind)} {name(target)}: {from} → {to}."));
            }

            if (V.Comment(comment(old)) != V.Comment(comment(target)))
            {
                rows.Add(new(DifferenceChange.Changed, kind, table, name(target), DifferenceProperty.Comment, V.Comment(comment(old)), V.Comment(comment(target)),
                    $"{Words(kind)} {name(target)} comment: '{V.Show(V.Comment(comment(old)))}' → '{V.Show(V.Comment(comment(target)))}'."));
            }
        }

        foreach (var added in after.Where(a => wanted.ContainsKey(name(a))).OrderBy(name, StringComparer.Ordinal))
        {
            rows.Add(new(DifferenceChange.Added, kind, table, name(added), DifferenceProperty.Object, null, definition(added, false),
                $"{Words(kind)} {name(added)} is new: {definition(added, false)}."));
        }
    }

    private static string Words(SchemaObjectKind kind) => kind switch
    {
        SchemaObjectKind.PrimaryKey => "Primary key",
        SchemaObjectKind.ForeignKey => "Foreign key",
        SchemaObjectKind.UniqueKey => "Unique key",
        _ => kind.ToString(),
    };
}
