using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.DynamoDb;

/// <summary>
/// Every exported file of the DynamoDB design of each example and hostile spec, byte for byte, against
/// Golden/dynamodb/&lt;spec&gt;/. After an intended change: <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~DynamoDbGolden</c>
/// </summary>
public sealed class DynamoDbGoldenTests
{
    public static TheoryData<string> Specs => DynamoDbSpecs.All();

    [Theory]
    [MemberData(nameof(Specs))]
    public void ExportedFilesMatchTheGoldenFiles(string spec) =>
        GoldenFolder.Check("dynamodb/" + spec, DesignExporter.Plan(DynamoDbSpecs.Design(spec)).Select(f => (f.RelativePath, f.Content)).ToList());

    /// <summary>The near fixtures, which no example has: the geohash index, its query and its costs.</summary>
    [Theory]
    [InlineData("near/couriers.yaml", "near-couriers")]
    [InlineData("dynamodb/live-drivers.yaml", "near-live-drivers")]
    public void NearFixturesMatchTheGoldenFiles(string fixture, string folder) =>
        GoldenFolder.Check("dynamodb/" + folder, DesignExporter.Plan(DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", fixture)), "dynamodb"))
            .Select(f => (f.RelativePath, f.Content)).ToList());
}
