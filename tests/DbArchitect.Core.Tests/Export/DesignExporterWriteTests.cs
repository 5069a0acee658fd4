// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using DbArchitect.Core.Errors;
using DbArchitect.Core.Export;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Export;

public sealed class DesignExporterWriteTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static ExportResult Export(string path, bool force = false, Action<ExportStage, string>? probe = null) =>
        DesignExporter.Export(ShopDesign.Build(), path, force, SampleScripts.Build(), probe);

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private string OldDesign()
    {
        var path = _root.Combine("design");
        Directory.CreateDirectory(Path.Combine(path, "sub"));
        File.WriteAllText(Path.Combine(path, "keep.txt"), "previous design");
        File.WriteAllText(Path.Combine(path, "sub", "old.sql"), "SELECT 'old';");
        return path;
    }

    private static void AssertOldDesignIntact(string path)
    {
        var files = Snapshot(path);
        Assert.Equal(new[] { "keep.txt", "sub/old.sql" }, files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("previous design", File.ReadAllText(Path.Combine(path, "keep.txt")));
    }

    [Fact]
    public void WritesEveryPlannedFileAsUtf8WithoutBomAndWithLfEndings()
    {
        var result = Export(_root.Combine("design"));
        var files = Snapshot(result.Path);
        Assert.Equal(result.Files.Select(f => f.RelativePath).Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.All(files.Values, bytes =>
        {
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "BOM written");
            Assert.DoesNotContain((byte)'\r', bytes);
        });
        Assert.Equal("CREATE TABLE customer (id uuid);\nCREATE TABLE \"order\" (id uuid);\n", File.ReadAllText(Path.Combine(result.Path, "002_tables.sql")));
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void ResultNamesTheFullPathEngineAndFiles()
    {
        var result = Export(_root.Combine("design"));
        Assert.Equal(Path.GetFullPath(_root.Combine("design")), result.Path);
        Assert.Equal("postgresql", result.Engine);
        Assert.Equal(6, result.FileCount);
    }

    [Fact]
    public void ExportIsByteForByteDeterministicAcrossRuns()
    {
        var first = Snapshot(Export(_root.Combine("one")).Path);
        var second = Snapshot(Export(_root.Combine("two")).Path);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, pair => Assert.Equal(pair.Value, second[pair.Key]));
    }

    [Fact]
    public void PublicExportWritesTheEnginePlan()
    {
        var design = ShopDesign.Build();
        var result = DesignExporter.Export(design, _root.Combine("design"), force: false);
        Assert.Equal(DesignExporter.Plan(design).Select(f => f.RelativePath).Order(StringComparer.Ordinal), Snapshot(result.Path).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MissingParentFoldersAreCreated()
    {
        var result = Export(_root.Combine("a", "b", "design"));
        Assert.True(File.Exists(Path.Combine(result.Path, "design.md")));
    }

    [Fact]
    public void ExistingEmptyFolderIsUsedWithoutForce()
    {
        Directory.CreateDirectory(_root.Combine("design"));
        var result = Export(_root.Combine("design"));
        Assert.True(File.Exists(Path.Combine(result.Path, "er.mmd")));
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void ExistingNonEmptyFolderIsRefusedWithoutForceAndLeftUntouched()
    {
        var path = OldDesign();
        var ex = Assert.Throws<DbArchitectException>(() => Export(path));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("DesignFolderExists", error.ErrorId);
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        Assert.Contains("-Force", error.Fix, StringComparison.Ordinal);
        AssertOldDesignIntact(path);
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void ForceReplacesTheFolderAndLeavesNoBackupBehind()
    {
        var path = OldDesign();
        var result = Export(path, force: true);
        var files = Snapshot(result.Path);
        Assert.DoesNotContain("keep.txt", files.Keys);
        Assert.Contains("design.json", files.Keys);
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void FailureMidWriteLeavesNoFolderAtAll()
    {
        var path = _root.Combine("design");
        var written = 0;
        var ex = Assert.Throws<DbArchitectException>(() => Export(path, probe: (stage, _) =>
        {
            if (stage == ExportStage.FileWritten && ++written == 2)
            {
                throw new IOException("disk full (injected)");
            }
        }));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("DesignExportFailed", error.ErrorId);
        Assert.Equal(ErrorKind.WriteError, error.Kind);
        Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
        Assert.Contains("disk full (injected)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_root.Entries());
    }

    [Fact]
    public void FailureMidWriteDuringForcedOverwriteKeepsTheOldFolder()
    {
        var path = OldDesign();
        Assert.Throws<DbArchitectException>(() => Export(path, force: true, probe: (stage, _) =>
        {
            if (stage == ExportStage.FileWritten)
            {
                throw new IOException("injected");
            }
        }));
        AssertOldDesignIntact(path);
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Theory]
    [InlineData(nameof(ExportStage.OldFolderMovedAside))]
    [InlineData(nameof(ExportStage.NewFolderMovedIn))]
    public void FailureWhileSwappingFoldersRestoresTheOldFolder(string stageName)
    {
        var failAt = Enum.Parse<ExportStage>(stageName);
        var path = OldDesign();
        var reached = false;
        Assert.Throws<DbArchitectException>(() => Export(path, force: true, probe: (stage, _) =>
        {
            if (stage == failAt)
            {
                reached = true;
                throw new UnauthorizedAccessException("injected");
            }
        }));
        Assert.True(reached);
        AssertOldDesignIntact(path);
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void FailureAfterMovingInANewFolderRemovesIt()
    {
        var path = _root.Combine("design");
        Assert.Throws<DbArchitectException>(() => Export(path, probe: (stage, _) =>
        {
            if (stage == ExportStage.NewFolderMovedIn)
            {
                throw new IOException("injected");
            }
        }));
        Assert.Empty(_root.Entries());
    }

    [Fact]
    public void PathThatIsAFileIsRefusedAndTheFileKept()
    {
        var path = _root.Combine("design.txt");
        File.WriteAllText(path, "not a folder");
        var ex = Assert.Throws<DbArchitectException>(() => Export(path, force: true));
        Assert.Equal("PathIsFile", Assert.Single(ex.Errors).ErrorId);
        Assert.Equal("not a folder", File.ReadAllText(path));
        Assert.Equal(new[] { "design.txt" }, _root.Entries());
    }
}
