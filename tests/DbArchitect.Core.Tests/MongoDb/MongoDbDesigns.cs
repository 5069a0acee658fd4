using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.MongoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>MongoDB designs of every example and hostile spec, by short name ("ecommerce", "hostile/reserved-words").</summary>
internal static class MongoDbDesigns
{
    public static IReadOnlyList<string> Specs => TestPaths.ExampleAndHostileSpecs;

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var spec in Specs)
        {
            data.Add(spec);
        }

        return data;
    }

    /// <summary>"examples/requirements/ecommerce.yaml" → "ecommerce"; hostile specs keep a "hostile-" prefix.</summary>
    public static string ShortName(string spec) =>
        (spec.Contains("/hostile/", StringComparison.Ordinal) ? "hostile-" : string.Empty) + Path.GetFileNameWithoutExtension(spec);

    public static DbDesign Design(string spec) => DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mongodb");

    public static DbDesign Example(string name) => Design("examples/requirements/" + name + ".yaml");

    public static DocumentModel Model(DbDesign design) => ((MongoDbModel)design.FamilyModel!.Model).Document;

    public static MongoDbModel Full(DbDesign design) => (MongoDbModel)design.FamilyModel!.Model;

    public static IReadOnlyList<ExportFile> Files(DbDesign design) => DesignExporter.Plan(design);
}
