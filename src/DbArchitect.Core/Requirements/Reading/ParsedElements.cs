using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

// What the section readers hand to the validator: each spec with the YAML nodes its cross-checks point at.

internal sealed record ParsedAttribute(AttributeSpec Spec, YamlNode NameNode);

internal sealed record ParsedEntity(EntitySpec Spec, YamlNode NameNode, IReadOnlyList<ParsedAttribute> Attributes);

internal sealed record ParsedRelationship(
    RelationshipSpec Spec,
    YamlNode FromNode,
    YamlNode ToNode,
    YamlNode? ThroughNode,
    YamlNode? RoleNode,
    IReadOnlyList<ParsedAttribute> Attributes);

/// <summary>A column named by an access pattern, with the key it was written under (where, orderBy, range, …).</summary>
internal sealed record ColumnReference(string Name, string Key, YamlNode Node);

internal sealed record ParsedAccessPattern(AccessPatternSpec Spec, YamlNode NameNode, YamlNode EntityNode, IReadOnlyList<ColumnReference> Columns);

/// <summary>Everything one file declared, before cross-checks.</summary>
internal sealed record ParsedDocument(
    int Format,
    ApplicationInfo? Application,
    WorkloadProfile Workload,
    HardwareProfile Hardware,
    string Engine,
    Conventions Conventions,
    IReadOnlyList<ParsedEntity> Entities,
    IReadOnlyList<ParsedRelationship> Relationships,
    IReadOnlyList<ParsedAccessPattern> AccessPatterns);
