using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// The README's engine table is the registry's list: one row per engine New-DbDesign can design, in the registry's
/// order, with its family and what the module does for it (derived from the engine's own parts).
/// </summary>
public sealed partial class ReadmeEngineTableTests
{
    [Fact]
    public void TheReadmeListsEveryDesignableEngineWithItsFamilyAndCapabilities()
    {
        var readme = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| engine | `-Engine` |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no engine table");
        var rows = readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        var expected = EngineRegistry.Entries.Where(e => e.CanDesign)
            .Select(e => $"{e.Id} | {FamilyText.Of(e.Family)} | {Capabilities(e.Capabilities)}").ToList();
        var actual = rows.Select(r => $"{Id().Match(r[2]).Groups[1].Value} | {r[3]} | {r[4]}").ToList();
        Assert.True(expected.SequenceEqual(actual), "README.md's engine table should read (id | family | capabilities):\n" + string.Join("\n", expected) + "\nbut reads:\n" + string.Join("\n", actual));
    }

    [Fact]
    public void TheReadmeNamesEveryKnownEngineThatCannotDesignYet()
    {
        var readme = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var line = Assert.Single(readme, l => l.StartsWith("Known to the technology ranking but not designable yet", StringComparison.Ordinal));
        var expected = EngineRegistry.Entries.Where(e => !e.CanDesign).Select(e => e.Id);
        Assert.Equal(expected, Id().Matches(line).Select(m => m.Groups[1].Value));
    }

    /// <summary>What the README's capability column says: the cmdlets beyond design that work for the engine.</summary>
    internal static string Capabilities(EngineCapabilities capabilities)
    {
        var names = new (EngineCapabilities Flag, string Text)[]
        {
            (EngineCapabilities.Live, "live"),
            (EngineCapabilities.Import, "import"),
            (EngineCapabilities.Migrate, "migrate"),
            (EngineCapabilities.Lint, "lint"),
            (EngineCapabilities.Partition, "partition"),
            (EngineCapabilities.IndexAdvice, "index advice"),
        };
        var text = string.Join(", ", names.Where(n => capabilities.HasFlag(n.Flag)).Select(n => n.Text));
        return text.Length == 0 ? "design only" : "design, " + text;
    }

    [GeneratedRegex("`([a-z0-9]+)`")]
    private static partial Regex Id();
}
