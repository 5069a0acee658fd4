using System.Text;
using System.Text.Json;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Injection;
using FsCheck;
using FsCheck.Fluent;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// design.json's generated writer (DesignJson.Writer.cs): current with the model, and byte for byte what
/// System.Text.Json writes for the same document, for every example, hostile and fixture spec on every engine.
/// </summary>
public sealed class DesignJsonWriterTests
{
    [Fact]
    public void TheCheckedInWriterIsWhatTheModelGenerates()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, DesignJsonWriterSource.RelativePath);
        var generated = DesignJsonWriterSource.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, generated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        Assert.True(
            File.ReadAllText(path).ReplaceLineEndings("\n") == generated,
            $"{DesignJsonWriterSource.RelativePath} is not what the model generates; run the Core tests with UPDATE_GOLDEN=1 and review the diff.");
    }

    /// <summary>Every spec the tests design from, on every engine that designs: examples, hostile specs and fixtures.</summary>
    public static TheoryData<string, string> Cases()
    {
        string[] folders = ["capacity", "dynamodb", "near", "partitioning", "polyglot"];
        var specs = TestPaths.ExampleAndHostileSpecs.Concat(folders.SelectMany(folder =>
            Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", folder), "*.yaml")
                .Select(f => Path.GetRelativePath(TestPaths.RepositoryRoot, f).Replace('\\', '/'))))
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string, string>();
        foreach (var spec in specs)
        {
            foreach (var engine in EngineRegistry.DesignableIds.Order(StringComparer.Ordinal))
            {
                data.Add(spec, engine);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheWriterWritesTheSerializersBytes(string spec, string engine)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), engine);
        foreach (var each in new[] { design }.Concat(design.Parts.Where(p => p.Generated).Select(p => p.Design!)))
        {
            AssertSameBytes($"{spec} on {each.Engine}", Written(each), Serialized(each));
        }
    }

    /// <summary>
    /// Generated hostile requirements (control and bidi characters, quotes, escapes, long and non-Latin names): every
    /// valid one designed for a relational and a document engine, and the writer's bytes are the serializer's.
    /// </summary>
    [Fact]
    public void HostileSpecsWriteTheSerializersBytes()
    {
        var designed = 0;
        var property = Prop.ForAll(HostileSpecs.Spec().ToArbitrary(), yaml =>
        {
            var read = RequirementsReader.Read(yaml, "hostile.yaml");
            if (!read.IsValid)
            {
                return;
            }

            foreach (var engine in new[] { "postgresql", "mongodb" })
            {
                DbDesign design;
                try
                {
                    design = DesignEngine.Create(read.Requirement!, engine);
                }
                catch (DbArchitectException)
                {
                    continue; // a located refusal (a system column's name, say) has no design to write
                }

                AssertSameBytes($"hostile spec on {engine}:\n{yaml}", Written(design), Serialized(design));
                designed++;
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        Assert.True(designed > 100, $"only {designed} of the generated specs were designed");
    }

    [Fact]
    public void EveryFamilyEnginesModelHasAGeneratedWriter()
    {
        var models = EngineRegistry.DesignableIds
            .Select(id => DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, "ecommerce.yaml")), id).FamilyModel)
            .OfType<Core.Design.Families.FamilyDesign>()
            .Select(f => f.Model.GetType())
            .Distinct()
            .ToList();
        Assert.NotEmpty(models);
        Assert.All(models, model => Assert.Contains(model, DesignJsonWriterSource.FamilyModels));
    }

    private static byte[] Written(DbDesign design)
    {
        using var stream = new MemoryStream();
        if (design.FamilyModel is { } family)
        {
            DesignJson.WriteFamily(stream, design, family);
        }
        else
        {
            DesignJson.Write(stream, design, EngineRegistry.Get(design.Engine).Scripts.Generate(design));
        }

        return stream.ToArray();
    }

    private static byte[] Serialized(DbDesign design)
    {
        object document = design.FamilyModel is { } family
            ? DesignJson.FamilyDocument(design, family)
            : DesignJson.Document(design, EngineRegistry.Get(design.Engine).Scripts.Generate(design));
        return [.. JsonSerializer.SerializeToUtf8Bytes(document, document.GetType(), DesignJsonWriterSource.SerializerOptions), (byte)'\n'];
    }

    private static void AssertSameBytes(string what, byte[] written, byte[] serialized)
    {
        if (written.AsSpan().SequenceEqual(serialized))
        {
            return;
        }

        var mine = Encoding.UTF8.GetString(written).Split('\n');
        var theirs = Encoding.UTF8.GetString(serialized).Split('\n');
        var line = Enumerable.Range(0, Math.Min(mine.Length, theirs.Length)).FirstOrDefault(i => mine[i] != theirs[i], Math.Min(mine.Length, theirs.Length));
        Assert.Fail($"{what}: design.json differs from the serializer's at line {line + 1}: writer \"{mine.ElementAtOrDefault(line)}\", serializer \"{theirs.ElementAtOrDefault(line)}\".");
    }
}
