using System.Text;

namespace DbArchitect.Core.Tests;

/// <summary>
/// Generated files compared byte for byte with a folder under Golden/; with UPDATE_GOLDEN=1 the folder in the source
/// tree is rewritten instead (review the diff). For new golden tests; the older engines' tests keep their own copy.
/// </summary>
internal static class GoldenFolder
{
    public static void Check(string folder, IReadOnlyList<(string Path, string Content)> files)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", folder);
            if (Directory.Exists(source))
            {
                Directory.Delete(source, recursive: true);
            }

            foreach (var (path, content) in files)
            {
                var target = Path.Combine(source, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, Encoding.UTF8.GetBytes(content));
            }

            return;
        }

        var built = Path.Combine(AppContext.BaseDirectory, "Golden", folder);
        Assert.Equal(
            Directory.GetFiles(built, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(built, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            files.Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var (path, content) in files)
        {
            var expected = File.ReadAllBytes(Path.Combine(built, path));
            Assert.True(expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(content)), $"{folder}/{path} differs from its golden file; regenerate with UPDATE_GOLDEN=1 and review the diff.");
        }
    }
}
