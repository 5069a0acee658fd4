using DbArchitect.Core.Design;

namespace DbArchitect.Core.Requirements;

/// <summary>Why a column exists on an entity's table.</summary>
public enum ColumnOrigin { Attribute, PrimaryKey, Tenant, CreatedAt, UpdatedAt, DeletedAt, ForeignKey, JunctionKey }

/// <summary>A column an entity (or a many-to-many junction) has, as written before the naming convention applies.</summary>
public sealed record EntityColumn(string Name, ColumnOrigin Origin);

/// <summary>
/// The columns each entity and junction of a requirement has: its attributes plus the ones the design adds. The reader
/// checks access-pattern column references against exactly this list, so the design engine can rely on it too.
/// </summary>
public static class EntityColumns
{
    /// <summary>The name of the entity that holds the tenants; it is never tenant-scoped itself.</summary>
    public const string TenantEntityName = "tenant";

    public static bool HasTimestamps(EntitySpec entity, Conventions conventions) => entity.Timestamps ?? conventions.Timestamps;

    public static bool HasSoftDelete(EntitySpec entity, Conventions conventions) => entity.SoftDelete ?? conventions.SoftDelete;

    public static bool IsTenantScoped(EntitySpec entity, Tenancy tenancy) =>
        tenancy == Tenancy.Multi
        && !string.Equals(entity.Name, TenantEntityName, StringComparison.OrdinalIgnoreCase)
        && (entity.TenantScoped ?? true);

    /// <summary>The columns of an entity: id, tenant key, timestamps, soft delete, incoming foreign keys, then attributes.</summary>
    public static IReadOnlyList<EntityColumn> Of(DbRequirement requirement, EntitySpec entity) =>
        Of(entity, requirement.Conventions, requirement.Application.Tenancy, RequirementLookups.Into(requirement.Relationships, entity.Name));

    /// <summary>The columns of a many-to-many junction: both keys, tenant key, created_at, then the relationship's attributes.</summary>
    public static IReadOnlyList<EntityColumn> OfJunction(DbRequirement requirement, RelationshipSpec relationship) =>
        OfJunction(relationship, requirement.Conventions, requirement.Application.Tenancy);

    public static IReadOnlyList<EntityColumn> Of(EntitySpec entity, Conventions conventions, Tenancy tenancy, IEnumerable<RelationshipSpec> relationships)
    {
        var columns = Generated(entity, conventions, tenancy, relationships).ToList();
        columns.AddRange(entity.Attributes.Select(a => new EntityColumn(a.Name, ColumnOrigin.Attribute)));
        return columns;
    }

    public static IReadOnlyList<EntityColumn> OfJunction(RelationshipSpec relationship, Conventions conventions, Tenancy tenancy)
    {
        var columns = JunctionGenerated(relationship, conventions, tenancy).ToList();
        columns.AddRange(relationship.Attributes.Select(a => new EntityColumn(a.Name, ColumnOrigin.Attribute)));
        return columns;
    }

    /// <summary>
    /// The columns the design adds to an entity. In multi tenancy the foreign key from the tenant entity is the tenant key
    /// itself, so it is listed once.
    /// </summary>
    public static IReadOnlyList<EntityColumn> Generated(EntitySpec entity, Conventions conventions, Tenancy tenancy, IEnumerable<RelationshipSpec> relationships)
    {
        var columns = new List<EntityColumn> { new(ImplicitColumns.Id, ColumnOrigin.PrimaryKey) };
        if (IsTenantScoped(entity, tenancy))
        {
            columns.Add(new EntityColumn(ImplicitColumns.TenantId, ColumnOrigin.Tenant));
        }

        if (HasTimestamps(entity, conventions))
        {
            columns.Add(new EntityColumn(ImplicitColumns.CreatedAt, ColumnOrigin.CreatedAt));
            columns.Add(new EntityColumn(ImplicitColumns.UpdatedAt, ColumnOrigin.UpdatedAt));
        }

        if (HasSoftDelete(entity, conventions))
        {
            columns.Add(new EntityColumn(ImplicitColumns.DeletedAt, ColumnOrigin.DeletedAt));
        }

        foreach (var relationship in relationships)
        {
            if (relationship.Kind == RelationshipKind.ManyToMany || !string.Equals(relationship.To, entity.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = ImplicitColumns.ForeignKeyColumn(relationship);
            var key = ImplicitColumns.MatchKey(name);
            if (!columns.Any(c => IsTenantKey(relationship, c) && ImplicitColumns.MatchKey(c.Name) == key))
            {
                columns.Add(new EntityColumn(name, ColumnOrigin.ForeignKey));
            }
        }

        return columns;
    }

    public static IReadOnlyList<EntityColumn> JunctionGenerated(RelationshipSpec relationship, Conventions conventions, Tenancy tenancy)
    {
        var (fromColumn, toColumn) = ImplicitColumns.JunctionColumns(relationship);
        var columns = new List<EntityColumn> { new(fromColumn, ColumnOrigin.JunctionKey), new(toColumn, ColumnOrigin.JunctionKey) };
        if (tenancy == Tenancy.Multi)
        {
            columns.Add(new EntityColumn(ImplicitColumns.TenantId, ColumnOrigin.Tenant));
        }

        if (conventions.Timestamps)
        {
            columns.Add(new EntityColumn(ImplicitColumns.CreatedAt, ColumnOrigin.CreatedAt));
        }

        return columns;
    }

    /// <summary>True when the foreign key column of a relationship from the tenant entity is the tenant key column.</summary>
    internal static bool IsTenantKey(RelationshipSpec relationship, EntityColumn existing) =>
        existing.Origin == ColumnOrigin.Tenant
        && string.Equals(relationship.From, TenantEntityName, StringComparison.OrdinalIgnoreCase)
        && relationship.Role is null;
}
