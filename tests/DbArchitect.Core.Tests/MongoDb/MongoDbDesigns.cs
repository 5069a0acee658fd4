using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.MongoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>MongoDB designs of every example and hostile spec, by short name ("ecommerce", "hostile/reserved-words").</summary>
internal static class MongoDbDesigns
{
    /// <summary>The near fixtures (a GeoJSON point, a 2dsphere index and $geoNear) join only the MongoDB checks.</summary>
    public static IReadOnlyList<string> NearSpecs { get; } = new[] { "tests/fixtures/near/couriers.yaml", "tests/fixtures/near/hostile-positions.yaml" };

    public static IReadOnlyList<string> Specs { get; } = TestPaths.ExampleAndHostileSpecs.Concat(NearSpecs).ToArray();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var spec in Specs)
        {
            data.Add(spec);
        }

        return data;
    }

    /// <summary>"examples/requirements/ecommerce.yaml" → "ecommerce"; hostile and near fixtures keep a "hostile-" or "near-" prefix.</summary>
    public static string ShortName(string spec) =>
        (spec.Contains("/hostile/", StringComparison.Ordinal) ? "hostile-" : spec.Contains("/near/", StringComparison.Ordinal) ? "near-" : string.Empty) + Path.GetFileNameWithoutExtension(spec);

    public static DbDesign Design(string spec) => DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mongodb");

    public static DbDesign Example(string name) => Design("examples/requirements/" + name + ".yaml");

    public static DocumentModel Model(DbDesign design) => ((MongoDbModel)design.FamilyModel!.Model).Document;

    public static MongoDbModel Full(DbDesign design) => (MongoDbModel)design.FamilyModel!.Model;

    public static IReadOnlyList<ExportFile> Files(DbDesign design) => DesignExporter.Plan(design);
}
