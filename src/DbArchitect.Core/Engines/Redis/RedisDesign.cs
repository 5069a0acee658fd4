using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>A Redis design: the key-value model, its files (commands, configuration, index-maintenance script), diagram and design.md sections.</summary>
public sealed class RedisDesign : FamilyDesign
{
    private readonly DbRequirement _requirement;
    private readonly IReadOnlyList<DesignFile> _files;
    private string? _diagram;

    internal RedisDesign(DbRequirement requirement, KeyValueModel model, IReadOnlyList<DesignFile> files, string fsync)
    {
        _requirement = requirement;
        KeyValue = model;
        _files = files;
        Fsync = fsync;
    }

    /// <summary>The physical model with its figures.</summary>
    public KeyValueModel KeyValue { get; }

    internal string Fsync { get; }

    public bool IsCache => KeyValue.Role == RedisOperations.CacheRole;

    public override object Model => KeyValue;

    public override IReadOnlyList<DesignFile> Files => _files;

    /// <summary>Drawn once: design.md and the diagram file both show it.</summary>
    public override string Diagram => _diagram ??= RedisDiagram.Render(KeyValue);

    public override string Summary =>
        InvariantText.Format($"{KeyValue.Families.Count} key families ({KeyValue.Families.Count(f => f.Purpose == KeyFamilyPurpose.Entity || f.Purpose == KeyFamilyPurpose.Feed)} for entities, {KeyValue.Families.Count(f => f.Purpose is KeyFamilyPurpose.Index or KeyFamilyPurpose.Lookup or KeyFamilyPurpose.Membership or KeyFamilyPurpose.Search)} lookups, indexes and memberships) as a {KeyValue.Role}, about {Capacity.Bytes(KeyValue.Memory.DataBytesAtRetention)} of memory at retention on {KeyValue.Topology.Shards} shard(s)");

    internal override void WriteSection(string area, MarkdownBuilder md) => RedisSections.Write(area, md, this, _requirement);
}
