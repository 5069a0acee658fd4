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

    /// <summary>
    /// The table as the model keeps it. Index and unique key reasons quote access pattern names, which are free text
    /// from the requirements file, and are stored as object comments (COMMENT ON INDEX, MS_Description), so they pass
    /// the comment rule here, once for every engine: a NUL or line break in a pattern name made the PostgreSQL writer
    /// throw, and a line break would end a comment in the SQL files.
    /// </summary>
    public Table Freeze() => new(
        Name, Kind, Comment, Columns.ToArray(),
        PrimaryKey ?? throw new InvalidOperationException($"Table {Name} has no primary key."),
        ForeignKeys.ToArray(), UniqueKeys.Select(u => u with { Reason = Engines.CommentText.OneLine(u.Reason) }).ToArray(), Checks.ToArray(),
        Indexes.Select(i => i with { Reason = Engines.CommentText.OneLine(i.Reason) }).ToArray(), Features, SourceEntity,
        EstimatedRows, RowsPerDay);
}
