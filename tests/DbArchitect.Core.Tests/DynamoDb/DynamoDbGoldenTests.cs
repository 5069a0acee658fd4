using DbArchitect.Core.Export;

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
}
