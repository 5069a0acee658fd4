using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// design.md and design.json are rendered straight into their files (issue 18: a 10,000-entity design must not need
/// its whole text in memory as strings): the bytes must be exactly what the string renderers give.
/// </summary>
public sealed class StreamedExportTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static string ThroughLfStream(params string[] writes)
    {
        using var buffer = new MemoryStream();
        using (var lf = new LfStream(buffer))
        {
            foreach (var write in writes)
            {
                lf.Write(Encoding.UTF8.GetBytes(write));
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Theory]
    [InlineData(new[] { "a\r\nb\r\n" }, "a\nb\n")]
    [InlineData(new[] { "a\r", "\nb" }, "a\nb")] // CR LF split across two writes
    [InlineData(new[] { "a\r", "b" }, "a\rb")] // a lone CR stays
    [InlineData(new[] { "a\r" }, "a\r")] // a CR at the very end is written when the stream is closed
    [InlineData(new[] { "a\r\r\nb" }, "a\r\nb")] // as string.Replace("\r\n", "\n") reads it
    [InlineData(new[] { "é\r\n", "\r", "", "\n" }, "é\n\n")]
    public void LfStreamTurnsCrLfIntoLfAsReplaceDoes(string[] writes, string expected)
    {
        Assert.Equal(expected, ThroughLfStream(writes));
        Assert.Equal(string.Concat(writes).Replace("\r\n", "\n", StringComparison.Ordinal), expected);
    }

    [Fact]
    public void MarkdownWrittenToAWriterEndsWithExactlyOneLineBreakLikeTheString()
    {
        static void Compose(MarkdownBuilder md)
        {
            md.Heading(1, "Title");
            md.Line("```mermaid");
            md.Raw("erDiagram\r\n\n\n");
            md.Line("```");
            md.Bullet("one");
            md.Paragraph("last\n\n\n");
        }

        var text = new MarkdownBuilder();
        Compose(text);
        using var writer = new StringWriter();
        var streamed = new MarkdownBuilder(writer);
        Compose(streamed);
        streamed.Finish();
        var expected = "# Title\n\n```mermaid\nerDiagram\n\n\n```\n- one\n\nlast\n";
        Assert.Equal(expected, text.ToString());
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void WrittenDocumentsAreTheStringRenderingsByteForByte()
    {
        var design = ShopDesign.Build();
        var scripts = SampleScripts.Build();
        var result = DesignExporter.Export(design, _root.Combine("design"), force: false, scripts, probe: null);
        var markdown = File.ReadAllText(Path.Combine(result.Path, DesignExporter.DocumentFile));
        Assert.Equal(DesignDocument.Render(design, scripts), markdown);
        foreach (var file in result.Files)
        {
            Assert.Equal(file.Content.Replace("\r\n", "\n", StringComparison.Ordinal), File.ReadAllText(Path.Combine(result.Path, file.RelativePath)));
        }
    }

    [Fact]
    public void PlanningDoesNotRenderTheLargeDocuments()
    {
        var design = ShopDesign.Build();
        var scripts = SampleScripts.Build();
        var json = DesignExporter.Plan(design, scripts).Single(f => f.RelativePath == DesignExporter.JsonFile).Content;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var files = DesignExporter.Plan(design, scripts);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(6, files.Count);
        // Rendering design.json alone allocates its text twice over (UTF-16); a plan that rendered it could not stay below.
        Assert.True(allocated < json.Length * sizeof(char), $"planning allocated {allocated:N0} bytes; design.json has {json.Length:N0} characters");
    }

    [Fact]
    public void ExportOfAPlanWritesThePlannedFilesWithoutPlanningAgain()
    {
        var design = ShopDesign.Build();
        var planned = DesignExporter.Plan(design);
        var result = DesignExporter.Export(design, planned, _root.Combine("planned"), force: false);
        var direct = DesignExporter.Export(design, _root.Combine("direct"), force: false);
        Assert.Same(planned, result.Files);
        foreach (var file in planned)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(direct.Path, file.RelativePath)), File.ReadAllBytes(Path.Combine(result.Path, file.RelativePath)));
        }
    }
}
