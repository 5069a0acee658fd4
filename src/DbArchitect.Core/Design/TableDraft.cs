using Index = DbArchitect.Core.Model.Index;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Design;

/// <summary>A table while the design is being built; frozen into an immutable <see cref="Table"/> at the end.</summary>
internal sealed class TableDraft
{
    public TableDraft(string name, TableKind kind, string? sourceEntity)
    {
        Name = name;
        Kind = kind;
        SourceEntity = sourceEntity;
    }

    public string Name { get; }

    public TableKind Kind { get; }

    public string? SourceEntity { get; }

    public string? Comment { get; set; }

    public List<Column> Columns { get; } = new();

    public PrimaryKey? PrimaryKey { get; set; }

    public List<ForeignKey> ForeignKeys { get; } = new();

    public List<UniqueKey> UniqueKeys { get; } = new();

    public List<CheckConstraint> Checks { get; } = new();

    public List<Index> Indexes { get; } = new();

    public TableFeatures Features { get; set; } = TableFeatures.None;

    public long? EstimatedRows { get; set; }

    public long? RowsPerDay { get; set; }

    public Column? FindColumn(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public Column? FindByRole(ColumnRole role) => Columns.FirstOrDefault(c => c.Role == role);

    public Table Freeze() => new(
        Name, Kind, Comment, Columns.ToArray(),
        PrimaryKey ?? throw new InvalidOperationException($"Table {Name} has no primary key."),
        ForeignKeys.ToArray(), UniqueKeys.ToArray(), Checks.ToArray(), Indexes.ToArray(), Features, SourceEntity,
        EstimatedRows, RowsPerDay);
}
