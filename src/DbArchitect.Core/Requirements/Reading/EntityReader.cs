using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Reads the <c>entities</c> list.</summary>
internal static class EntityReader
{
    public static IReadOnlyList<ParsedEntity> ReadAll(ReaderContext context, MappingReader root)
    {
        var list = root.Sequence("entities", "a list of entities, each a mapping with a name and attributes");
        if (list is null)
        {
            if (root.Value("entities") is null)
            {
                root.ReportMissing("entities", "Add an 'entities' list with at least one entity, e.g. entities: [ { name: customer, attributes: [ ... ] } ].");
            }

            return Array.Empty<ParsedEntity>();
        }

        if (list.Children.Count == 0)
        {
            context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, "The 'entities' list is empty; a design needs at least one entity.",
                "Add at least one entity with a name and attributes.", list);
        }

        var entities = new List<ParsedEntity>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            if (item is not YamlMappingNode mapping)
            {
                context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"Entity #{i + 1} is {YamlValues.Describe(item)}; expected a mapping.",
                    "Write each entity as a mapping with name and attributes, e.g. - name: customer.", item);
                continue;
            }

            if (Read(context, mapping, NodeNames.Describe(mapping, "entity", i)) is { } entity)
            {
                entities.Add(entity);
            }
        }

        return entities;
    }

    private static ParsedEntity? Read(ReaderContext context, YamlMappingNode node, string what)
    {
        var reader = new MappingReader(context, node, what, RequirementKeys.Entity);
        var name = reader.RequiredString("name", "Add 'name:' with the entity's name, e.g. name: customer.");
        var nameNode = reader.Value("name");
        if (name is not null)
        {
            // An unsafe name is reported but kept, so references to it do not cause follow-on errors.
            IdentifierRules.Check(context, name, "entity name", nameNode!);
        }

        var description = reader.String("description");
        var rows = reader.Volume("rows");
        var rowsPerDay = reader.Volume("rowsPerDay");
        var attributes = AttributeReader.ReadList(context, reader);
        var timestamps = reader.Bool("timestamps");
        var softDelete = reader.Bool("softDelete");
        var audit = reader.Bool("audit");
        var tenantScoped = reader.Bool("tenantScoped");
        if (name is null)
        {
            return null;
        }

        var spec = new EntitySpec(name, description, rows, rowsPerDay, attributes.Select(a => a.Spec).ToArray(), timestamps, softDelete, audit,
            tenantScoped, reader.Location);
        return new ParsedEntity(spec, nameNode!, attributes);
    }
}
