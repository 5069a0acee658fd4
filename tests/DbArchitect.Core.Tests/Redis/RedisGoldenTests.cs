using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Tests.DynamoDb;

namespace DbArchitect.Core.Tests.Redis;

/// <summary>
/// The Redis design's own files (redis/ commands, conf and Lua script) and its diagram for each example and hostile
/// spec, byte for byte, against Golden/redis/&lt;spec&gt;/. design.md and design.json are left out: they carry the
/// technology ranking, which every newly designable engine changes. After an intended change:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~RedisGolden</c>
/// </summary>
public sealed class RedisGoldenTests
{
    public static TheoryData<string> Specs => DynamoDbSpecs.All();

    [Theory]
    [MemberData(nameof(Specs))]
    public void ExportedFilesMatchTheGoldenFiles(string spec) =>
        GoldenFolder.Check("redis/" + spec, DesignExporter.Plan(DesignEngine.Create(DynamoDbSpecs.Load(spec), "redis"))
            .Where(f => f.RelativePath.StartsWith("redis/", StringComparison.Ordinal) || f.RelativePath == DesignExporter.DiagramFile)
            .Select(f => (f.RelativePath, f.Content)).ToList());
}
