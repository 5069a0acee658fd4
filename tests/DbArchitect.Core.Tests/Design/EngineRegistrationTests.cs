using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests.Design;

/// <summary>
/// "Adding an engine touches its folder and one registration line", proven as far as a test can: every part of a
/// registered engine (relational engine or family designer, and its ranking profile) comes from its own folder
/// Engines/&lt;Engine&gt;/, the registry names that folder's classes on exactly one line, and no source file outside
/// the folder and the registry names the engine's id — every other list of engines is derived from the registry.
/// </summary>
public sealed partial class EngineRegistrationTests
{
    private const string Namespace = "DbArchitect.Core.Engines.";

    private static readonly string Sources = Path.Combine(TestPaths.RepositoryRoot, "src");

    private static readonly string EnginesFolder = Path.Combine(Sources, "DbArchitect.Core", "Engines");

    private static readonly string RegistryFile = Path.Combine(EnginesFolder, "EngineRegistry.cs");

    /// <summary>
    /// Files outside an engine's folder that may name one engine's id, each for a reason that is not a list of engines:
    /// a default choice or a rule that belongs to the id itself. A new entry here needs a reason as good as these.
    /// </summary>
    private static readonly (string File, string Id, string Why)[] Allowed =
    {
        ("DbArchitect.PS/DbArchitectLiveCmdlet.cs", "postgresql", "the live cmdlets' default -Engine"),
        ("DbArchitect.PS/PartitionModeCompleter.cs", "postgresql", "New-PartitionScript's default -Engine"),
        ("DbArchitect.PS/Commands/GetDbConfigRecommendationCommand.cs", "postgresql", "the cmdlet's default -Engine"),
        ("DbArchitect.PS/Commands/TestDbMigrationScriptCommand.cs", "postgresql", "the cmdlet's default -Engine"),
        ("DbArchitect.Core/History/HealthHistoryStore.cs", "postgresql", "the health history is kept in a PostgreSQL database"),
        ("DbArchitect.Core/Live/Estate/EstateTarget.cs", "sqlite", "a SQLite target is a file path, whose case is kept in the target's key"),
    };

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in EngineRegistry.KnownEngineIds)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryPartOfAnEngineComesFromItsOwnFolder(string id)
    {
        var entry = EngineRegistry.Entry(id);
        var folder = Folder(entry);
        Assert.True(Directory.Exists(Path.Combine(EnginesFolder, folder)), $"{id}: Engines/{folder}/ does not exist.");
        Assert.Equal(id, entry.Profile.Id);
        var parts = new object?[] { entry.Relational, entry.Designer }.OfType<object>();
        Assert.All(parts, part => Assert.Equal(Namespace + folder, part.GetType().Namespace));
        Assert.Equal(entry.CanDesign, parts.Any());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheRegistryNamesTheEngineOnExactlyOneLine(string id)
    {
        var entry = EngineRegistry.Entry(id);
        var lines = File.ReadAllLines(RegistryFile).Where(l => !l.TrimStart().StartsWith("using ", StringComparison.Ordinal) && !IsComment(l)).ToList();
        var profile = entry.Profile.GetType().Name;
        var line = Assert.Single(lines, l => Regex.IsMatch(l, $@"\bnew {profile}\(\)"));
        Assert.StartsWith("EngineEntry.", line.Trim(), StringComparison.Ordinal);
        if (((object?)entry.Relational ?? entry.Designer) is { } part)
        {
            Assert.Contains("new " + part.GetType().Name + "(", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryEngineFolderWithAProfileIsRegistered()
    {
        var registered = EngineRegistry.Entries.Select(e => e.Profile.GetType().Name).ToHashSet(StringComparer.Ordinal);
        var profiles = Directory.GetFiles(EnginesFolder, "*Profile.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) is not "Health")
            .Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(profiles);
        Assert.All(profiles, p => Assert.Contains(p!, registered));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void NoSourceFileOutsideTheEnginesFolderAndTheRegistryNamesItsId(string id)
    {
        var folder = Path.Combine(EnginesFolder, Folder(EngineRegistry.Entry(id))) + Path.DirectorySeparatorChar;
        // Ids are written in lower case; "TimescaleDb" is a PostgreSQL partition mode, not the engine.
        var literal = new Regex("\"" + Regex.Escape(id) + "\"", RegexOptions.CultureInvariant);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Sources, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Sources, file).Replace('\\', '/');
            if (file.StartsWith(folder, StringComparison.Ordinal) || file == RegistryFile || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/bin/", StringComparison.Ordinal) || Allowed.Any(a => a.File == relative && a.Id == id))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!IsComment(lines[i]) && literal.IsMatch(lines[i]))
                {
                    offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, $"\"{id}\" is named outside Engines/{Folder(EngineRegistry.Entry(id))}/ and the registry:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheAllowedMentionsStillExist()
    {
        Assert.All(Allowed, a => Assert.Contains("\"" + a.Id + "\"", File.ReadAllText(Path.Combine(Sources, a.File)), StringComparison.Ordinal));
    }

    [Fact]
    public void TheRequirementsHelpTopicListsEveryEngineOfTheRegistry()
    {
        var topic = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "module", "en-US", "about_DbArchitect_Requirements.help.txt"));
        var start = topic.IndexOf("engine name:", StringComparison.Ordinal);
        Assert.True(start >= 0, "about_DbArchitect_Requirements has no 'engine name:' list.");
        var end = topic.IndexOf('.', start);
        var named = Word().Matches(topic[(start + "engine name:".Length)..end]).Select(m => m.Value);
        Assert.Equal(EngineRegistry.KnownEngineIds, named);
    }

    private static string Folder(EngineEntry entry)
    {
        var ns = entry.Profile.GetType().Namespace!;
        Assert.StartsWith(Namespace, ns, StringComparison.Ordinal);
        return ns[Namespace.Length..];
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith("//", StringComparison.Ordinal);

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();
}
