using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// Descriptions longer than every engine's comment limit, made of emoji (two UTF-16 units each), at both parities:
/// whatever prefix an engine writes before the text, one of them puts half an emoji at a plain index cut. Before
/// TextCut, MariaDB, MySQL and SQL Server failed with "Unable to translate Unicode character \uD83D".
/// </summary>
public sealed class EmojiAtCutExportTests : IDisposable
{
    private static readonly string Emoji = string.Concat(Enumerable.Repeat("😀", 2200));

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<string> Engines()
    {
        var data = new TheoryData<string>();
        foreach (var engine in EngineRegistry.All)
        {
            data.Add(engine.Id);
        }

        return data;
    }

    private static string Yaml() => $$"""
        application: { name: EmojiCut, kind: oltp, schema: emoji }
        entities:
          - name: even
            description: "{{Emoji}}"
            attributes:
              - { name: label, type: string(40), description: "{{Emoji}}" }
          - name: odd
            description: "a{{Emoji}}"
            attributes:
              - { name: label, type: string(40), description: "a{{Emoji}}" }
        """;

    [Theory]
    [MemberData(nameof(Engines))]
    public void EveryEngineExportsAndEveryFileIsValidUtf16(string engine)
    {
        var read = RequirementsReader.Read(Yaml(), "emoji.yaml");
        Assert.True(read.Requirement is not null, string.Join("; ", read.Errors));
        var design = DesignEngine.Create(read.Requirement, engine);
        var result = DesignExporter.Export(design, _root.Combine(engine), force: false);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var file in result.Files)
        {
            var content = file.Content;
            var lone = Enumerable.Range(0, content.Length).FirstOrDefault(i => char.IsSurrogate(content, i) && !IsPaired(content, i), -1);
            Assert.True(lone < 0, $"{file.RelativePath}: half a surrogate pair at {lone}");
            Assert.Equal(content.Replace("\r\n", "\n", StringComparison.Ordinal), strict.GetString(File.ReadAllBytes(Path.Combine(result.Path, file.RelativePath))));
        }
    }

    private static bool IsPaired(string text, int i) =>
        char.IsHighSurrogate(text[i])
            ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            : i > 0 && char.IsHighSurrogate(text[i - 1]);
}
