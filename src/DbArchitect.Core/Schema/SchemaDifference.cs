using DbArchitect.Core.Model;

namespace DbArchitect.Core.Schema;

/// <summary>What happened to an object between the reference schema (today) and the difference schema (wanted).</summary>
public enum DifferenceChange { Added, Removed, Changed, Renamed }

/// <summary>
/// The kind of object that differs. Sequences and views belong to the schema: their rows carry the schema's name in
/// <see cref="SchemaDifference.Table"/>.
/// </summary>
public enum SchemaObjectKind { Table, Column, PrimaryKey, ForeignKey, UniqueKey, Check, Index, Policy, Sequence, View }

/// <summary>The property of an object that differs; <see cref="Object"/> for a whole object added, removed or renamed.</summary>
public enum DifferenceProperty { Object, Type, Nullability, Default, Identity, Comment, Definition, RowSecurity, Partitioning, Computed, StorageOptions }

/// <summary>
/// One difference between two schemas: what changed, on which object, from which value to which, and why it matters.
/// <see cref="Comparison"/> keeps both models so New-DbMigrationScript can plan from the rows alone.
/// </summary>
public sealed record SchemaDifference(
    DifferenceChange Change,
    SchemaObjectKind ObjectKind,
    string Table,
    string? Name,
    DifferenceProperty Property,
    string? ReferenceValue,
    string? DifferenceValue,
    string Description)
{
    /// <summary>The comparison this row came from (both models and the rename hints); set by <see cref="SchemaComparer"/>.</summary>
    public SchemaComparison? Comparison { get; init; }

    /// <summary>"table", "table.column" or "table.constraint": the object in one word for tables and logs.</summary>
    public string Path => Name is null ? Table : Table + "." + Name;

    public override string ToString() => $"{Change} {ObjectKind} {Path}{(Property == DifferenceProperty.Object ? string.Empty : " " + Property)}: {Description}";
}

/// <summary>The two models a comparison read and the explicit rename hints it used.</summary>
public sealed record SchemaComparison(SchemaModel Reference, SchemaModel Difference, string? Engine, RenameMap Renames);
