using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using V = DbArchitect.Core.Schema.SchemaValues;

namespace DbArchitect.Core.Schema;

/// <summary>
/// Compares a reference schema (what is) with a difference schema (what is wanted) and lists every difference in
/// tables, columns (type, nullability, default, identity, comment), keys, foreign keys, checks, indexes, row-level
/// security (flags and policies), partitioning, sequences and views (by name). Column order is not compared: it
/// changes no query's meaning, and moving a column means rebuilding the table. Renames
/// come only from the explicit <see cref="RenameMap"/>; without a hint a renamed object is a removal plus an addition.
/// </summary>
public static partial class SchemaComparer
{
    public static IReadOnlyList<SchemaDifference> Compare(SchemaModel reference, SchemaModel difference, RenameMap? renames = null, string? engine = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(difference);
        renames ??= RenameMap.Empty;
        engine ??= reference.Engine ?? difference.Engine;
        var inspector = engine is null ? null : EngineRegistry.Get(engine).Inspector;
        var words = inspector is null
            ? new EngineText(t => t.Trim().ToLowerInvariant(), t => CheckMeaning.Of(t), k => k.ToString(), PolicyText)
            : new EngineText(inspector.CanonicalType, inspector.CheckMeaning, inspector.KeyText, inspector.PolicyText);
        // The comparison keeps the models as given: a planner writes a design's objects through the engine's own DDL.
        var comparison = new SchemaComparison(reference, difference, engine, renames);
        // Computed expressions and storage options (temporal, memory-optimized) are read from catalogs only: a design
        // has no field for them, so they are compared when both sides were imported and never against a design.
        var catalogOnly = reference.Engine is not null && difference.Engine is not null;
        if (inspector is not null)
        {
            // A design (no engine of its own) is compared as the engine's scripts build it.
            reference = reference.Engine is null ? inspector.AsBuilt(reference) : reference;
            difference = difference.Engine is null ? inspector.AsBuilt(difference) : difference;
        }

        var rows = new List<SchemaDifference>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var byName = difference.Tables.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var old in reference.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var newName = renames.TableIn(old.Name);
            var wanted = byName.GetValueOrDefault(newName);
            if (wanted is null)
            {
                rows.Add(new(DifferenceChange.Removed, SchemaObjectKind.Table, old.Name, null, DifferenceProperty.Object, old.Name, null,
                    $"Table {old.Name} ({old.Columns.Count} columns) is not in the difference schema."));
                continue;
            }

            matched.Add(wanted.Name);
            if (!string.Equals(old.Name, wanted.Name, StringComparison.Ordinal))
            {
                rows.Add(new(DifferenceChange.Renamed, SchemaObjectKind.Table, wanted.Name, null, DifferenceProperty.Object, old.Name, wanted.Name,
                    $"Table {old.Name} is renamed to {wanted.Name} (rename hint)."));
            }

            CompareTable(old, wanted, renames, words, catalogOnly, rows);
        }

        foreach (var added in difference.Tables.Where(t => !matched.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            rows.Add(new(DifferenceChange.Added, SchemaObjectKind.Table, added.Name, null, DifferenceProperty.Object, null, added.Name,
                $"Table {added.Name} ({added.Columns.Count} columns, {added.Indexes.Count} indexes) is new."));
        }

        CompareSchemaObjects(reference, difference, rows);
        return rows.Select(r => r with { Comparison = comparison }).ToArray();
    }

    private static void CompareTable(Table old, Table wanted, RenameMap renames, EngineText words, bool catalogOnly, List<SchemaDifference> rows)
    {
        var (table, canonical) = (wanted.Name, words.CanonicalType);
        if (catalogOnly && !old.Options.Order(StringComparer.Ordinal).SequenceEqual(wanted.Options.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var (from, to) = (Options(old), Options(wanted));
            rows.Add(new(DifferenceChange.Changed, SchemaObjectKind.Table, table, null, DifferenceProperty.StorageOptions, from, to,
                $"Storage options differ: {V.Show(from)} → {V.Show(to)}."));
        }

        if (V.Comment(old.Comment) != V.Comment(wanted.Comment))
        {
            rows.Add(new(DifferenceChange.Changed, SchemaObjectKind.Table, table, null, DifferenceProperty.Comment, V.Comment(old.Comment), V.Comment(wanted.Comment),
                $"Table comment differs: '{V.Show(V.Comment(old.Comment))}' → '{V.Show(V.Comment(wanted.Comment))}'."));
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        var columns = wanted.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var column in old.Columns)
        {
            var newName = renames.ColumnIn(old.Name, column.Name);
            var target = columns.GetValueOrDefault(newName);
            if (target is null)
            {
                rows.Add(new(DifferenceChange.Removed, SchemaObjectKind.Column, table, column.Name, DifferenceProperty.Object, V.Type(column, canonical), null,
                    $"Column {column.Name} ({V.Type(column, canonical)}) is not in the difference schema; dropping it loses its values."));
                continue;
            }

            matched.Add(target.Name);
            if (!string.Equals(column.Name, target.Name, StringComparison.Ordinal))
            {
                rows.Add(new(DifferenceChange.Renamed, SchemaObjectKind.Column, table, target.Name, DifferenceProperty.Object, column.Name, target.Name,
                    $"Column {column.Name} is renamed to {target.Name} (rename hint)."));
            }

            CompareColumn(table, column, target, canonical, catalogOnly, rows);
        }

        foreach (var added in wanted.Columns.Where(c => !matched.Contains(c.Name)))
        {
            rows.Add(new(DifferenceChange.Added, SchemaObjectKind.Column, table, added.Name, DifferenceProperty.Object, null, V.Type(added, canonical),
                $"Column {added.Name} {V.Type(added, canonical)} {(V.NotNull(added) ? "NOT NULL" : "NULL")}{(V.Default(added) is { } d ? " default " + d : string.Empty)} is new."));
        }

        CompareConstraints(old, wanted, renames, words.CheckMeaning, rows);
        CompareIndexes(old, wanted, renames, words.Key, rows);
        CompareRowSecurity(old, wanted, words.Policy, rows);
        ComparePartitioning(old, wanted, rows);
    }

    private static void CompareColumn(string table, Column old, Column wanted, Func<string, string> canonical, bool catalogOnly, List<SchemaDifference> rows)
    {
        void Changed(DifferenceProperty property, string? from, string? to, string why) =>
            rows.Add(new(DifferenceChange.Changed, SchemaObjectKind.Column, table, wanted.Name, property, from, to, why));

        var (fromType, toType) = (V.Type(old, canonical), V.Type(wanted, canonical));
        if (!string.Equals(fromType, toType, StringComparison.Ordinal))
        {
            Changed(DifferenceProperty.Type, fromType, toType, $"Type {fromType} → {toType}.");
        }

        if (V.NotNull(old) != V.NotNull(wanted))
        {
            Changed(DifferenceProperty.Nullability, V.NotNull(old) ? "NOT NULL" : "NULL", V.NotNull(wanted) ? "NOT NULL" : "NULL",
                V.NotNull(wanted) ? "The column becomes required: every existing row needs a value." : "The column becomes optional.");
        }

        if (V.Identity(old) != V.Identity(wanted))
        {
            Changed(DifferenceProperty.Identity, V.Identity(old) ? "identity" : null, V.Identity(wanted) ? "identity" : null,
                V.Identity(wanted) ? "The column becomes an identity column." : "The column stops being an identity column.");
        }
        else if (!string.Equals(V.Default(old), V.Default(wanted), StringComparison.Ordinal))
        {
            Changed(DifferenceProperty.Default, V.Default(old), V.Default(wanted), $"Default {V.Show(V.Default(old))} → {V.Show(V.Default(wanted))}.");
        }

        if (catalogOnly && !string.Equals(old.Computed?.Trim(), wanted.Computed?.Trim(), StringComparison.Ordinal))
        {
            Changed(DifferenceProperty.Computed, old.Computed?.Trim(), wanted.Computed?.Trim(), old.Computed is null
                ? "The column becomes computed: its stored values are replaced by the expression."
                : wanted.Computed is null
                    ? "The column stops being computed: it needs stored values."
                    : $"The computed expression differs: {old.Computed.Trim()} → {wanted.Computed.Trim()}.");
        }

        if (V.Comment(old.Comment) != V.Comment(wanted.Comment))
        {
            Changed(DifferenceProperty.Comment, V.Comment(old.Comment), V.Comment(wanted.Comment),
                $"Column comment differs: '{V.Show(V.Comment(old.Comment))}' → '{V.Show(V.Comment(wanted.Comment))}'.");
        }
    }

    /// <summary>
    /// How the engine reads and shows what the comparison prints: its canonical type names, the meaning of a CHECK
    /// condition, an index key and a row policy in its own words (no engine's words without one).
    /// </summary>
    private sealed record EngineText(Func<string, string> CanonicalType, Func<string, string> CheckMeaning, Func<IndexKey, string> Key, Func<RowPolicy, string> Policy);

    /// <summary>A table's storage options as one sorted text ("MEMORY_OPTIMIZED; SYSTEM_VERSIONED_TEMPORAL_TABLE …"), null when none.</summary>
    private static string? Options(Table table) =>
        table.Options.Count == 0 ? null : string.Join("; ", table.Options.Order(StringComparer.Ordinal));
}
