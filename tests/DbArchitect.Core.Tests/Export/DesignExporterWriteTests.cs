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

    /// <summary>A folder an earlier export wrote: its marker lists its two files.</summary>
    private string OldDesign()
    {
        var path = _root.Combine("design");
        Directory.CreateDirectory(Path.Combine(path, "sub"));
        File.WriteAllText(Path.Combine(path, "keep.txt"), "previous design");
        File.WriteAllText(Path.Combine(path, "sub", "old.sql"), "SELECT 'old';");
        File.WriteAllText(Path.Combine(path, ExportMarker.FileName), ExportMarker.Render(new[] { "keep.txt", "sub/old.sql" }));
        return path;
    }

    private static void AssertOldDesignIntact(string path)
    {
        var files = Snapshot(path);
        Assert.Equal(new[] { ExportMarker.FileName, "keep.txt", "sub/old.sql" }, files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("previous design", File.ReadAllText(Path.Combine(path, "keep.txt")));
    }

    [Fact]
    public void WritesEveryPlannedFileAsUtf8WithoutBomAndWithLfEndings()
    {
        var result = Export(_root.Combine("design"));
        var files = Snapshot(result.Path);
        Assert.Equal(result.Files.Select(f => f.RelativePath).Append(ExportMarker.FileName).Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
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
        Assert.Equal(DesignExporter.Plan(design).Select(f => f.RelativePath).Append(ExportMarker.FileName).Order(StringComparer.Ordinal), Snapshot(result.Path).Keys.Order(StringComparer.Ordinal));
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
    public void ForceReplacesAFolderThisModuleWroteAndLeavesNoBackupBehind()
    {
        var path = OldDesign();
        var result = Export(path, force: true);
        var files = Snapshot(result.Path);
        Assert.DoesNotContain("keep.txt", files.Keys);
        Assert.Contains("design.json", files.Keys);
        Assert.Empty(result.Leftovers);
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void EveryExportWritesAMarkerListingItsFilesSoTheNextForcedExportMayReplaceIt()
    {
        var path = _root.Combine("design");
        var first = Export(path);
        var marker = File.ReadAllLines(Path.Combine(path, ExportMarker.FileName));
        Assert.Equal(ExportMarker.FormatLine, marker[0]);
        Assert.Equal(first.Files.Select(f => f.RelativePath), marker.Skip(1).Where(l => !l.StartsWith('#')));
        var second = Export(path, force: true);
        Assert.Equal(Snapshot(first.Path).Keys.Order(StringComparer.Ordinal), Snapshot(second.Path).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ForceRefusesAFolderThisModuleDidNotWriteAndTouchesNothing()
    {
        var path = _root.Combine("project");
        Directory.CreateDirectory(Path.Combine(path, "src"));
        File.WriteAllText(Path.Combine(path, "src", "important.cs"), "class Important {}");
        var ex = Assert.Throws<DbArchitectException>(() => Export(path, force: true));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("DesignFolderNotExported", error.ErrorId);
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
        Assert.Contains(ExportMarker.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Fix, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(path), error.Target);
        Assert.Equal("class Important {}", File.ReadAllText(Path.Combine(path, "src", "important.cs")));
        Assert.Equal(new[] { "src/important.cs" }, Snapshot(path).Keys);
        Assert.Equal(new[] { "project" }, _root.Entries());
    }

    [Fact]
    public void ForceRefusesAFolderThisModuleWroteOnceAFileWasAddedToIt()
    {
        var path = OldDesign();
        File.WriteAllText(Path.Combine(path, "sub", "notes.md"), "my notes");
        var ex = Assert.Throws<DbArchitectException>(() => Export(path, force: true));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("DesignFolderNotExported", error.ErrorId);
        Assert.Contains("sub/notes.md", error.Message, StringComparison.Ordinal);
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(path, "sub", "notes.md")));
    }

    [Fact]
    public void ForceRefusesAMarkerOfAnUnknownFormat()
    {
        var path = OldDesign();
        File.WriteAllText(Path.Combine(path, ExportMarker.FileName), "something else\nkeep.txt\nsub/old.sql\n");
        var ex = Assert.Throws<DbArchitectException>(() => Export(path, force: true));
        Assert.Equal("DesignFolderNotExported", Assert.Single(ex.Errors).ErrorId);
        Assert.True(File.Exists(Path.Combine(path, "keep.txt")));
    }

    [Fact]
    public void ForceAcceptsAnEmptyFolder()
    {
        Directory.CreateDirectory(_root.Combine("design"));
        var result = Export(_root.Combine("design"), force: true);
        Assert.True(File.Exists(Path.Combine(result.Path, "er.mmd")));
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void StaleTemporariesOfAnInterruptedExportAreRemovedAndOthersKept()
    {
        // What kill -9 leaves: a half-written folder and a lock file nobody holds; and a folder of the naming the
        // module used before it took locks.
        var killed = Directory.CreateDirectory(_root.Combine(".design.tmp-0badc0de")).FullName;
        File.WriteAllText(Path.Combine(killed, "001_schema.sql"), "half");
        File.WriteAllText(_root.Combine(".design.lock-0badc0de"), string.Empty);
        Directory.CreateDirectory(Path.Combine(_root.Combine(".design.old-12345678"), "sub"));
        // Not this module's naming or not this folder's: kept.
        foreach (var foreign in new[] { ".design.tmp-mine", ".other.tmp-0badc0de", "design.tmp-0badc0de", ".design.tmp-0BADC0DE" })
        {
            Directory.CreateDirectory(_root.Combine(foreign));
        }

        var result = Export(_root.Combine("design"));
        Assert.Empty(result.Leftovers);
        Assert.Equal(
            new[] { ".design.tmp-0BADC0DE", ".design.tmp-mine", ".other.tmp-0badc0de", "design", "design.tmp-0badc0de" },
            _root.Entries());
    }

    [Fact]
    public void TemporariesOfAnExportStillRunningAreKept()
    {
        var running = Directory.CreateDirectory(_root.Combine(".design.tmp-cafef00d")).FullName;
        using (new FileStream(_root.Combine(".design.lock-cafef00d"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            Export(_root.Combine("design"));
            Assert.True(Directory.Exists(running));
        }

        Export(_root.Combine("design"), force: true);
        Assert.False(Directory.Exists(running));
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void AnOldFolderThatCannotBeRemovedIsReportedAndRemovedByTheNextExport()
    {
        var path = OldDesign();
        var result = Export(path, force: true, probe: (stage, folder) =>
        {
            if (stage == ExportStage.Deleting && Path.GetFileName(folder).StartsWith(".design.old-", StringComparison.Ordinal))
            {
                throw new IOException("file held open (injected)");
            }
        });
        var leftover = Assert.Single(result.Leftovers);
        Assert.StartsWith(_root.Combine(".design.old-"), leftover.Path, StringComparison.Ordinal);
        Assert.True(Directory.Exists(leftover.Path));
        Assert.Contains("file held open (injected)", leftover.Message, StringComparison.Ordinal);
        Assert.Contains(leftover.Path, leftover.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(path, "design.json")));

        var next = Export(path, force: true);
        Assert.Empty(next.Leftovers);
        Assert.Equal(new[] { "design" }, _root.Entries());
    }

    [Fact]
    public void AStaleTemporaryThatCannotBeRemovedIsReported()
    {
        Directory.CreateDirectory(_root.Combine(".design.tmp-0badc0de"));
        var result = Export(_root.Combine("design"), probe: (stage, folder) =>
        {
            if (stage == ExportStage.Deleting && folder.EndsWith(".design.tmp-0badc0de", StringComparison.Ordinal))
            {
                throw new UnauthorizedAccessException("denied (injected)");
            }
        });
        Assert.Equal(_root.Combine(".design.tmp-0badc0de"), Assert.Single(result.Leftovers).Path);
        Assert.Equal(new[] { ".design.tmp-0badc0de", "design" }, _root.Entries());
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
