using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Walks the whole document: every section is read even after errors, then the cross-checks run.</summary>
internal static class DocumentReader
{
    public static DbRequirement? Read(ReaderContext context, string yaml)
    {
        var rootNode = YamlSource.Load(context, yaml);
        if (rootNode is null)
        {
            return null;
        }

        if (rootNode is not YamlMappingNode mapping)
        {
            context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"The file holds {YamlValues.Describe(rootNode)}; a requirements file is a mapping.",
                "Start the file with 'application:' and 'entities:' keys, as in the documented example.", rootNode);
            return null;
        }

        var root = new MappingReader(context, mapping, "the requirements file", RequirementKeys.Root);
        var document = new ParsedDocument(
            SettingsReader.Format(context, root),
            SettingsReader.Application(context, root),
            SettingsReader.Workload(context, root),
            SettingsReader.Hardware(context, root),
            SettingsReader.Engine(context, root),
            SettingsReader.Conventions(context, root),
            EntityReader.ReadAll(context, root),
            RelationshipReader.ReadAll(context, root),
            AccessPatternReader.ReadAll(context, root));
        var operations = OperationsReader.Read(context, root);

        RequirementsValidator.Validate(context, document);
        if (context.ErrorCount > 0 || document.Application is null)
        {
            return null;
        }

        return new DbRequirement(
            context.SourceName,
            document.Format,
            document.Application,
            document.Workload,
            document.Hardware,
            document.Engine,
            document.Conventions,
            document.Entities.Select(e => e.Spec).ToArray(),
            document.Relationships.Select(r => r.Spec).ToArray(),
            document.AccessPatterns.Select(a => a.Spec).ToArray())
        {
            Operations = operations,
        };
    }
}
