using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// The checks that span elements: duplicate names, references to entities and columns, and columns that the design
/// would create twice. Names are duplicates when they match ignoring case, underscores, hyphens and spaces, because
/// the naming convention would turn them into the same identifier.
/// </summary>
internal static class RequirementsValidator
{
    public static void Validate(ReaderContext context, ParsedDocument document)
    {
        var tenancy = document.Application?.Tenancy ?? Tenancy.Single;
        var entities = UniqueEntities(context, document.Entities);
        var junctions = UniqueJunctions(context, document.Relationships, entities);
        var relationships = ResolvedRelationships(context, document.Relationships, entities);
        // Relationships grouped by the entity they put a foreign key on, so each entity looks only at its own:
        // scanning every relationship per entity would make reading a large file quadratic.
        var incoming = relationships.Select(r => r.Spec)
            .ToLookup(r => r.To, StringComparer.OrdinalIgnoreCase);
        CheckForeignKeyColumns(context, relationships, entities, document.Conventions, tenancy);

        foreach (var entity in entities)
        {
            var generated = EntityColumns.Generated(entity.Spec, document.Conventions, tenancy, incoming[entity.Spec.Name]);
            CheckAttributes(context, entity.Attributes, generated, $"entity '{entity.Spec.Name}'");
            EngineColumnLimits.Check(context, document.Engine, entity.Attributes.Count + generated.Count, $"entity '{entity.Spec.Name}'", entity.NameNode);
        }

        foreach (var junction in junctions)
        {
            var generated = EntityColumns.JunctionGenerated(junction.Spec, document.Conventions, tenancy);
            CheckAttributes(context, junction.Attributes, generated, $"junction '{junction.Spec.Through}'");
            EngineColumnLimits.Check(context, document.Engine, junction.Attributes.Count + generated.Count, $"junction '{junction.Spec.Through}'", junction.ThroughNode ?? junction.FromNode);
        }

        CheckAccessPatterns(context, document, entities, junctions, incoming, tenancy);
    }

    private static List<ParsedEntity> UniqueEntities(ReaderContext context, IReadOnlyList<ParsedEntity> entities)
    {
        var unique = new List<ParsedEntity>();
        var seen = new Dictionary<string, ParsedEntity>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var key = ImplicitColumns.MatchKey(entity.Spec.Name);
            if (seen.TryGetValue(key, out var first))
            {
                context.Report(ErrorIds.DuplicateEntity, ErrorKind.ResourceExists,
                    $"Entity '{entity.Spec.Name}' is declared twice (first as '{first.Spec.Name}' at line {first.Spec.Location.Line}).",
                    "Rename one of them or merge their attributes; names are compared ignoring case, underscores, hyphens and spaces.",
                    entity.NameNode, entity.Spec.Name);
                continue;
            }

            seen[key] = entity;
            unique.Add(entity);
        }

        return unique;
    }

    private static List<ParsedRelationship> UniqueJunctions(ReaderContext context, IReadOnlyList<ParsedRelationship> relationships, List<ParsedEntity> entities)
    {
        var junctions = new List<ParsedRelationship>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var byKey = entities.ToDictionary(e => ImplicitColumns.MatchKey(e.Spec.Name), StringComparer.Ordinal);
        foreach (var relationship in relationships)
        {
            if (relationship.Spec.Through is not { } through)
            {
                continue;
            }

            var key = ImplicitColumns.MatchKey(through);
            var entity = byKey.GetValueOrDefault(key);
            if (entity is not null || seen.ContainsKey(key))
            {
                var other = entity is not null ? $"entity '{entity.Spec.Name}'" : $"the junction of another relationship ('{seen[key]}')";
                context.Report(ErrorIds.DuplicateEntity, ErrorKind.ResourceExists,
                    $"The junction name '{through}' is already used by {other}; the junction table would collide with it.",
                    "Give the many-to-many a 'through:' name no entity or other junction has, e.g. <from>_<to>.",
                    relationship.ThroughNode ?? (YamlNode)relationship.FromNode, through);
                continue;
            }

            seen[key] = through;
            junctions.Add(relationship);
        }

        return junctions;
    }

    private static List<ParsedRelationship> ResolvedRelationships(ReaderContext context, IReadOnlyList<ParsedRelationship> relationships, List<ParsedEntity> entities)
    {
        var names = entities.Select(e => e.Spec.Name).ToArray();
        var known = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var resolved = new List<ParsedRelationship>();
        foreach (var relationship in relationships)
        {
            var fromKnown = RequireEntity(context, relationship.Spec.From, relationship.FromNode, known, names, "from");
            var toKnown = RequireEntity(context, relationship.Spec.To, relationship.ToNode, known, names, "to");
            if (fromKnown && toKnown)
            {
                resolved.Add(relationship);
            }
        }

        return resolved;
    }

    private static bool RequireEntity(ReaderContext context, string name, YamlNode node, HashSet<string> known, IReadOnlyList<string> names, string key)
    {
        if (known.Contains(name))
        {
            return true;
        }

        if (!IdentifierRules.Check(context, name, "entity name", node))
        {
            return false;
        }

        context.Report(ErrorIds.UnknownEntity, ErrorKind.ObjectNotFound,
            $"The relationship's '{key}' names entity '{name}', which is not declared." + Suggestions.DidYouMean(name, names),
            $"Use the name of a declared entity ({string.Join(", ", names)}), or declare '{name}' under 'entities'.", node, name);
        return false;
    }

    private static void CheckForeignKeyColumns(ReaderContext context, List<ParsedRelationship> relationships, List<ParsedEntity> entities,
        Conventions conventions, Tenancy tenancy)
    {
        var seen = new Dictionary<(string Entity, string Column), ParsedRelationship>();
        var byName = entities.ToDictionary(e => e.Spec.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var relationship in relationships)
        {
            var spec = relationship.Spec;
            var node = relationship.RoleNode ?? relationship.ToNode;
            if (spec.Kind == RelationshipKind.ManyToMany)
            {
                var (fromColumn, toColumn) = ImplicitColumns.JunctionColumns(spec);
                if (ImplicitColumns.SameKey(fromColumn, toColumn))
                {
                    context.Report(ErrorIds.DuplicateForeignKeyColumn, ErrorKind.ResourceExists,
                        $"Both key columns of junction '{spec.Through}' would be named '{fromColumn}'.",
                        $"Give the relationship a 'name:' other than '{spec.From}'; the second key column is named <name>_id.", node, fromColumn);
                }

                continue;
            }

            var column = ImplicitColumns.ForeignKeyColumn(spec);
            var target = byName[spec.To];
            var key = (ImplicitColumns.MatchKey(target.Spec.Name), ImplicitColumns.MatchKey(column));
            if (seen.TryGetValue(key, out var first))
            {
                context.Report(ErrorIds.DuplicateForeignKeyColumn, ErrorKind.ResourceExists,
                    $"Two relationships put the foreign key column '{column}' on '{target.Spec.Name}' (the first is at line {first.Spec.Location.Line}).",
                    "Give one of them a 'name:' (its role, e.g. name: billing_customer) so its column is named <name>_id.", node, column);
                continue;
            }

            seen[key] = relationship;
            var builtIn = EntityColumns.Generated(target.Spec, conventions, tenancy, Array.Empty<RelationshipSpec>())
                .FirstOrDefault(c => ImplicitColumns.MatchKey(c.Name) == key.Item2 && !EntityColumns.IsTenantKey(spec, c));
            if (builtIn is not null)
            {
                context.Report(ErrorIds.ColumnCollision, ErrorKind.ResourceExists,
                    $"The foreign key column '{column}' of this relationship collides with the generated column '{builtIn.Name}' of '{target.Spec.Name}'.",
                    "Give the relationship a different 'name:' so its column (<name>_id) is distinct.", node, column);
            }
        }
    }

    private static void CheckAttributes(ReaderContext context, IReadOnlyList<ParsedAttribute> attributes, IReadOnlyList<EntityColumn> generated, string owner)
    {
        var seen = new Dictionary<string, ParsedAttribute>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            var name = attribute.Spec.Name;
            var key = ImplicitColumns.MatchKey(name);
            var builtIn = generated.FirstOrDefault(c => ImplicitColumns.MatchKey(c.Name) == key);
            if (builtIn is not null)
            {
                context.Report(ErrorIds.ColumnCollision, ErrorKind.ResourceExists,
                    $"Attribute '{name}' of {owner} collides with the column '{builtIn.Name}' that the design adds ({Explain(builtIn.Origin)}).",
                    CollisionFix(builtIn.Origin, name), attribute.NameNode, name);
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                context.Report(ErrorIds.DuplicateAttribute, ErrorKind.ResourceExists,
                    $"Attribute '{name}' of {owner} is declared twice (first as '{first.Spec.Name}' at line {first.Spec.Location.Line}).",
                    "Remove or rename one of them; names are compared ignoring case, underscores, hyphens and spaces.", attribute.NameNode, name);
                continue;
            }

            seen[key] = attribute;
        }
    }

    private static void CheckAccessPatterns(ReaderContext context, ParsedDocument document, List<ParsedEntity> entities, List<ParsedRelationship> junctions,
        ILookup<string, RelationshipSpec> incoming, Tenancy tenancy)
    {
        var names = new Dictionary<string, ParsedAccessPattern>(StringComparer.OrdinalIgnoreCase);
        var entityByName = entities.ToDictionary(e => e.Spec.Name, StringComparer.OrdinalIgnoreCase);
        var junctionByName = junctions.ToDictionary(j => j.Spec.Through!, StringComparer.OrdinalIgnoreCase);
        var targets = entities.Select(e => e.Spec.Name).Concat(junctions.Select(j => j.Spec.Through!)).ToArray();
        foreach (var pattern in document.AccessPatterns)
        {
            var spec = pattern.Spec;
            if (!names.TryAdd(spec.Name.Trim(), pattern))
            {
                context.Report(ErrorIds.DuplicateAccessPattern, ErrorKind.ResourceExists,
                    $"Access pattern '{spec.Name}' is declared twice (first at line {names[spec.Name.Trim()].Spec.Location.Line}).",
                    "Give each access pattern its own name.", pattern.NameNode, spec.Name);
            }

            IReadOnlyList<EntityColumn> columns;
            string target;
            if (entityByName.GetValueOrDefault(spec.Entity) is { } entity)
            {
                columns = EntityColumns.Of(entity.Spec, document.Conventions, tenancy, incoming[entity.Spec.Name]);
                target = $"entity '{entity.Spec.Name}'";
            }
            else if (junctionByName.GetValueOrDefault(spec.Entity) is { } junction)
            {
                columns = EntityColumns.OfJunction(junction.Spec, document.Conventions, tenancy);
                target = $"junction '{junction.Spec.Through}'";
            }
            else if (IdentifierRules.Check(context, spec.Entity, "entity name", pattern.EntityNode))
            {
                context.Report(ErrorIds.UnknownEntity, ErrorKind.ObjectNotFound,
                    $"Access pattern '{spec.Name}' reads entity '{spec.Entity}', which is not declared." + Suggestions.DidYouMean(spec.Entity, targets),
                    $"Use a declared entity or many-to-many junction ({string.Join(", ", targets)}).", pattern.EntityNode, spec.Entity);
                continue;
            }
            else
            {
                continue;
            }

            var keys = columns.Select(c => ImplicitColumns.MatchKey(c.Name)).ToHashSet(StringComparer.Ordinal);
            foreach (var reference in pattern.Columns)
            {
                if (keys.Contains(ImplicitColumns.MatchKey(reference.Name)))
                {
                    CheckCoordinate(context, spec, reference, entityByName.GetValueOrDefault(spec.Entity)?.Spec);
                    continue;
                }

                var candidates = columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                context.Report(ErrorIds.UnknownColumn, ErrorKind.ObjectNotFound,
                    $"Access pattern '{spec.Name}' names column '{reference.Name}' in '{reference.Key}', but {target} has no such column."
                    + Suggestions.DidYouMean(reference.Name, candidates),
                    $"Use one of its columns: {string.Join(", ", candidates)}.", reference.Node, reference.Name);
            }
        }
    }

    /// <summary>A column of <c>near</c> holds a coordinate in degrees, so it must be a numeric attribute of the entity.</summary>
    private static void CheckCoordinate(ReaderContext context, AccessPatternSpec spec, ColumnReference reference, EntitySpec? entity)
    {
        if (reference.Key != "near")
        {
            return;
        }

        var attribute = entity?.Attributes.FirstOrDefault(a => ImplicitColumns.SameKey(a.Name, reference.Name));
        if (attribute is { Type.IsNumeric: true })
        {
            return;
        }

        var what = attribute is null ? "is not an attribute of the entity" : $"is {attribute.Type}";
        context.Report(ErrorIds.InvalidAccessPattern, ErrorKind.InvalidData,
            $"Access pattern '{spec.Name}' searches near '{reference.Name}', which {what}; 'near' needs numeric latitude and longitude attributes.",
            "Declare the coordinates as attributes such as { name: latitude, type: \"decimal(9,6)\" } and name them in near: [latitude, longitude].",
            reference.Node, reference.Name);
    }

    private static string Explain(ColumnOrigin origin) => origin switch
    {
        ColumnOrigin.PrimaryKey => "the primary key",
        ColumnOrigin.Tenant => "the tenant key of multi tenancy",
        ColumnOrigin.CreatedAt or ColumnOrigin.UpdatedAt => "timestamps",
        ColumnOrigin.DeletedAt => "soft delete",
        ColumnOrigin.ForeignKey => "a relationship's foreign key",
        ColumnOrigin.JunctionKey => "a key column of the junction",
        _ => "an attribute",
    };

    private static string CollisionFix(ColumnOrigin origin, string name) => origin switch
    {
        ColumnOrigin.PrimaryKey => $"Remove '{name}': every table gets its key column from conventions.primaryKey.",
        ColumnOrigin.Tenant => $"Remove '{name}' (multi tenancy adds it), or set tenantScoped: false on the entity.",
        ColumnOrigin.CreatedAt or ColumnOrigin.UpdatedAt => $"Remove '{name}' (timestamps add it), or set timestamps: false on the entity.",
        ColumnOrigin.DeletedAt => $"Remove '{name}' (soft delete adds it), or set softDelete: false on the entity.",
        ColumnOrigin.ForeignKey => $"Remove '{name}' (the relationship adds it), or give the relationship a 'name:' so its column is named differently.",
        ColumnOrigin.JunctionKey => $"Remove '{name}': the junction gets both key columns from the relationship.",
        _ => $"Rename '{name}'.",
    };
}
