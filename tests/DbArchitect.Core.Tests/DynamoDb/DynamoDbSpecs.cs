using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.DynamoDb;

/// <summary>The examples and hostile specs every DynamoDB test designs, by name.</summary>
internal static class DynamoDbSpecs
{
    public static string HostileFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "hostile");

    /// <summary>"ecommerce", "hostile/reserved-words": every example and hostile spec.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(TestPaths.Examples, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f))
            .Concat(Directory.GetFiles(HostileFolder, "*.yaml").Select(f => "hostile/" + Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static DbRequirement Load(string name) => RequirementsReader.Load(name.StartsWith("hostile/", StringComparison.Ordinal)
        ? Path.Combine(HostileFolder, name["hostile/".Length..] + ".yaml")
        : Path.Combine(TestPaths.Examples, name + ".yaml"));

    public static DbDesign Design(string name) => DesignEngine.Create(Load(name), "dynamodb");

    public static DynamoDbModel Model(DbDesign design) => (DynamoDbModel)design.FamilyModel!.Model;
}
