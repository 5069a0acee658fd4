using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>An attribute of an entity or edge as the DynamoDB design sees it: the logical column with its origin.</summary>
internal sealed record ShapeColumn(string Name, LogicalType Type, bool Required, bool Unique, ColumnOrigin Origin, AttributeSpec? Spec);

/// <summary>A reference from this shape to a parent: the column holding the parent's id.</summary>
internal sealed record ShapeParent(string Column, string Parent, bool Required);

/// <summary>
/// An entity or a many-to-many edge with the columns the requirement gives it (<see cref="EntityColumns"/>), its
/// volumes and the parents its foreign keys point to: what the key planner places in the table.
/// </summary>
internal sealed record EntityShape(
    string Name,
    bool IsEdge,
    IReadOnlyList<ShapeColumn> Columns,
    IReadOnlyList<ShapeParent> Parents,
    IReadOnlyList<string> Identity,
    long? Rows,
    long? RowsPerDay,
    bool TenantScoped,
    bool HasChildren)
{
    public ShapeColumn? Column(string name) =>
        Columns.FirstOrDefault(c => ImplicitColumns.SameKey(c.Name, name));

    /// <summary>
    /// The columns a pattern's equality filters name, as the shape's columns are named, without the tenant key when the
    /// shape is tenant-scoped (the tenant prefix of every key already holds it).
    /// </summary>
    public IEnumerable<string> EqualityColumns(AccessPatternSpec pattern) =>
        pattern.Where.Select(w => Column(w)?.Name ?? w).Where(w => !(TenantScoped && ImplicitColumns.SameKey(w, ImplicitColumns.TenantId)));

    /// <summary>The key prefix of the shape's items: its name upper-cased, the key separator replaced.</summary>
    public string Prefix => Name.ToUpperInvariant().Replace(KeyTemplate.Separator, '_').Replace(' ', '_');

    public static IReadOnlyList<EntityShape> Of(DbRequirement requirement)
    {
        var idType = requirement.Conventions.PrimaryKey == PrimaryKeyKind.Uuid ? LogicalType.Uuid : LogicalType.BigInt;
        var shapes = new List<EntityShape>();
        foreach (var entity in requirement.Entities)
        {
            var columns = new List<ShapeColumn>();
            var parents = new List<ShapeParent>();
            foreach (var column in EntityColumns.Of(requirement, entity))
            {
                var spec = column.Origin == ColumnOrigin.Attribute ? entity.Attributes.First(a => a.Name == column.Name) : null;
                var relationship = column.Origin == ColumnOrigin.ForeignKey
                    ? requirement.Relationships.First(r => r.Kind != RelationshipKind.ManyToMany
                        && string.Equals(r.To, entity.Name, StringComparison.OrdinalIgnoreCase) && ImplicitColumns.ForeignKeyColumn(r) == column.Name)
                    : null;
                var required = column.Origin switch
                {
                    ColumnOrigin.Attribute => spec!.Required || spec.Default is not null,
                    ColumnOrigin.ForeignKey => relationship!.Required && !ImplicitColumns.IsSelf(relationship),
                    ColumnOrigin.DeletedAt => false,
                    _ => true,
                };
                columns.Add(new ShapeColumn(column.Name, TypeOf(column.Origin, spec, idType), required, spec?.Unique ?? false, column.Origin, spec));
                if (relationship is not null)
                {
                    parents.Add(new ShapeParent(column.Name, relationship.From, required));
                }
            }

            // Referenced: a parent of another entity or a side of a many-to-many edge; such items may not expire on their own.
            var hasChildren = (requirement.Application.Tenancy == Tenancy.Multi && string.Equals(entity.Name, EntityColumns.TenantEntityName, StringComparison.OrdinalIgnoreCase))
                || requirement.Relationships.Any(r => string.Equals(r.From, entity.Name, StringComparison.OrdinalIgnoreCase)
                || (r.Kind == RelationshipKind.ManyToMany && string.Equals(r.To, entity.Name, StringComparison.OrdinalIgnoreCase)));
            shapes.Add(new EntityShape(entity.Name, false, columns, parents, new[] { ImplicitColumns.Id }, entity.Rows, entity.RowsPerDay,
                EntityColumns.IsTenantScoped(entity, requirement.Application.Tenancy), hasChildren));
        }

        foreach (var relationship in requirement.Relationships.Where(r => r.Kind == RelationshipKind.ManyToMany))
        {
            var (fromColumn, toColumn) = ImplicitColumns.JunctionColumns(relationship);
            var columns = new List<ShapeColumn>();
            foreach (var column in EntityColumns.OfJunction(requirement, relationship))
            {
                var spec = column.Origin == ColumnOrigin.Attribute ? relationship.Attributes.First(a => a.Name == column.Name) : null;
                var required = spec is null || spec.Required || spec.Default is not null;
                columns.Add(new ShapeColumn(column.Name, TypeOf(column.Origin, spec, idType), required, spec?.Unique ?? false, column.Origin, spec));
            }

            var parents = new List<ShapeParent> { new(fromColumn, relationship.From, true), new(toColumn, relationship.To, true) };
            var from = requirement.FindEntity(relationship.From);
            var to = requirement.FindEntity(relationship.To);
            // An edge per pair: as many as the larger side has rows times the typical fan-out of 3, when neither says more.
            long? rows = from?.Rows is { } a && to?.Rows is { } b ? checked(Math.Max(a, b) * 3) : null;
            long? perDay = from?.RowsPerDay is { } c && to?.RowsPerDay is { } d ? checked(Math.Max(c, d) * 3) : null;
            shapes.Add(new EntityShape(relationship.Through ?? relationship.From + "_" + relationship.To, true, columns, parents,
                new[] { fromColumn, toColumn }, rows, perDay, requirement.Application.Tenancy == Tenancy.Multi, false));
        }

        return shapes;
    }

    private static LogicalType TypeOf(ColumnOrigin origin, AttributeSpec? spec, LogicalType idType) => origin switch
    {
        ColumnOrigin.Attribute => spec!.Type,
        ColumnOrigin.CreatedAt or ColumnOrigin.UpdatedAt or ColumnOrigin.DeletedAt => LogicalType.Timestamp,
        _ => idType,
    };
}
