using System.Security.Cryptography;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// Every file Export-DbDesign writes for every relational engine, example and hostile spec, held to a manifest of
/// SHA-256 hashes (Golden/manifests/&lt;engine&gt;/&lt;spec&gt;.txt): the build-script goldens cover one example's SQL, this
/// covers design.md, design.json, the diagrams, runbooks and every other file, so a refactor of the model or a speed
/// change that alters one byte anywhere fails here with the files named. Hashes rather than copies keep the tree small
/// (the full exports are megabytes). After an intended change:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~RelationalExportManifest</c>,
/// then export the design before and after to read what changed.
/// </summary>
public sealed class RelationalExportManifestTests
{
    private static readonly IReadOnlyList<string> Specs = TestPaths.ExampleAndHostileSpecs;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in EngineRegistry.Entries.Where(e => e.Relational is not null).Select(e => e.Id).Order(StringComparer.Ordinal))
        {
            foreach (var spec in Specs)
            {
                data.Add(engine, spec);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_exported_file_matches_its_manifest_hash(string engine, string spec)
    {
        var name = (spec.Contains("/hostile/", StringComparison.Ordinal) ? "hostile-" : string.Empty) + Path.GetFileNameWithoutExtension(spec);
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), engine);
        var manifest = Manifest(DesignExporter.Plan(design));
        var relative = Path.Combine("Golden", "manifests", engine, name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, string.Join("\n", manifest) + "\n");
            return;
        }

        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, relative));
        var changed = expected.Except(manifest, StringComparer.Ordinal).Select(PathOf).Concat(manifest.Except(expected, StringComparer.Ordinal).Select(PathOf))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(changed.Count == 0, $"{engine}/{name}: {string.Join(", ", changed)} added, removed or changed; see the class comment.");
    }

    /// <summary>"sha256 bytes path" per file, in path order.</summary>
    private static List<string> Manifest(IReadOnlyList<ExportFile> files) => files
        .Select(f => (f.RelativePath, Bytes: Encoding.UTF8.GetBytes(f.Content)))
        .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
        .Select(f => $"{Convert.ToHexString(SHA256.HashData(f.Bytes)).ToLowerInvariant()} {f.Bytes.Length} {f.RelativePath}")
        .ToList();

    private static string PathOf(string line) => line.Split(' ', 3)[2];
}
