using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

/// <summary>Turns a table of a design into a <see cref="PartitionTarget"/>, with its volumes from the capacity forecast.</summary>
public static class PartitionTargets
{
    public static PartitionTarget FromDesign(DbDesign design, string table)
    {
        ArgumentNullException.ThrowIfNull(design);
        var physical = design.Physical.FindTable(table)
            ?? design.Physical.Tables.FirstOrDefault(t => string.Equals(t.SourceEntity, table, StringComparison.Ordinal))
            ?? throw new Errors.DbArchitectException(new Errors.DbArchitectError(
                "PartitionTableNotFound", Errors.ErrorKind.ObjectNotFound,
                $"The design has no table '{table}'.",
                $"Use one of: {string.Join(", ", design.Physical.Tables.Select(t => t.Name))}.", null, table));
        return FromTable(physical, design.Physical, design.CapacityForecast.For(physical.Name));
    }

    /// <summary>A design table with its forecast (null when the design has none).</summary>
    public static PartitionTarget FromTable(Table table, SchemaModel model, TableCapacity? capacity)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        var volume = capacity is null ? null : TableVolume.Of(capacity);
        var referencedBy = model.Tables
            .SelectMany(t => t.ForeignKeys.Where(f => string.Equals(f.ReferencedTable, table.Name, StringComparison.Ordinal))
                .Select(f => new TargetForeignKey(f.Name, t.Name, f.Columns, f.ReferencedTable, f.ReferencedColumns)))
            .ToList();
        return new PartitionTarget(
            model.Schema,
            table.Name,
            table.Columns.Select(c => (c.Name, KindOf(c.Type), c.NativeType ?? c.Type.ToString())).ToList(),
            table.PrimaryKey.Columns.Count > 0
                ? new TargetKey(table.PrimaryKey.Name, table.PrimaryKey.Columns)
                {
                    Generated = table.PrimaryKey.Columns.Any(c => table.FindColumn(c) is { Generation: not KeyGeneration.None }),
                }
                : null,
            table.UniqueKeys.Select(u => new TargetKey(u.Name, u.Columns))
                .Concat(table.Indexes.Where(i => i.Unique).Select(UniqueIndex))
                .ToList(),
            table.ForeignKeys.Select(f => new TargetForeignKey(f.Name, table.Name, f.Columns, f.ReferencedTable, f.ReferencedColumns)).ToList(),
            referencedBy)
        {
            Design = table,
            Rows = volume?.AtRetention,
            TotalBytes = volume is null ? null : volume.BytesAt(volume.AtRetention),
            RowsPerDay = table.RowsPerDay,
            BytesPerRow = volume?.BytesPerRow,
            IndexBytesPerRow = capacity is { Rows.AtRetention: > 0 } c ? c.IndexBytes.AtRetention / (double)c.Rows.AtRetention : null,
            VolumeBasis = volume is null ? null : "the design's capacity forecast",
            DefaultKey = DefaultKey(table),
            EnumValues = table.Columns.Where(c => c.Type.Kind == LogicalTypeKind.Enum)
                .ToDictionary(c => c.Name, c => (IReadOnlyList<string>)c.Type.EnumValues.ToList(), StringComparer.Ordinal),
        };
    }

    /// <summary>A unique index as a key: its plain columns, and every column its expressions and predicate read.</summary>
    private static TargetKey UniqueIndex(DbArchitect.Core.Model.Index index) =>
        new(index.Name, index.Keys.Where(k => k.Column is not null).Select(k => k.Column!).ToList())
        {
            Index = index,
            ReadColumns = index.Keys.SelectMany(k => k.Column is { } c ? new[] { c } : k.Expression?.Columns ?? (IEnumerable<string>)Array.Empty<string>())
                .Concat(index.Predicate?.Tests.Select(t => t.Column) ?? Array.Empty<string>())
                .Distinct(StringComparer.Ordinal)
                .ToList(),
        };

    /// <summary>
    /// The column a time-range plan uses: the created-at column, else the first required timestamp (an event's own
    /// time, such as recorded_at), else the first timestamp; null when the table has no time column.
    /// </summary>
    public static string? DefaultKey(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return (table.Columns.FirstOrDefault(c => c.Role == ColumnRole.CreatedAt)
            ?? table.Columns.FirstOrDefault(c => c.Type.Kind == LogicalTypeKind.Timestamp && !c.Nullable && c.Role == ColumnRole.Attribute)
            ?? table.Columns.FirstOrDefault(c => c.Type.Kind == LogicalTypeKind.Timestamp && c.Role == ColumnRole.Attribute))?.Name;
    }

    public static PartitionKeyKind KindOf(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Timestamp => PartitionKeyKind.Timestamp,
        LogicalTypeKind.Date => PartitionKeyKind.Date,
        LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt => PartitionKeyKind.Integer,
        LogicalTypeKind.String or LogicalTypeKind.Text or LogicalTypeKind.Char or LogicalTypeKind.Enum or LogicalTypeKind.Email => PartitionKeyKind.Text,
        _ => PartitionKeyKind.Other,
    };
}
