using System.Diagnostics;
using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.MongoDb;

/// <summary>
/// No MongoDB server runs here, so the mongosh scripts are proven as far as a JavaScript engine can: every generated
/// .js file of every example, hostile and near spec parses (<c>node --check</c>, node restored by scripts/restore-node.sh).
/// mongosh helpers (db, sh, UUID) are ordinary identifiers to the parser; whether the server accepts the commands is
/// not proven here (the README says MongoDB output is not engine-verified).
/// </summary>
public sealed class MongoScriptParseTests
{
    /// <summary>The node executable scripts/restore-node.sh restores (once per test run).</summary>
    internal static readonly Lazy<string> Node = new(Restore);

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "hostile"), "*.yaml"))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "near"), "*.yaml")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_generated_mongosh_script_parses_as_JavaScript(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mongodb");
        var scripts = DesignExporter.Plan(design).Where(f => f.RelativePath.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.Contains(scripts, s => s.RelativePath == "mongodb/create.js");
        Assert.Contains(scripts, s => s.RelativePath == "mongodb/queries.js");
        var folder = Directory.CreateTempSubdirectory("dbarch-mongo-");
        try
        {
            foreach (var script in scripts)
            {
                var path = Path.Combine(folder.FullName, Path.GetFileName(script.RelativePath));
                File.WriteAllText(path, script.Content);
                var (code, error) = Check(path);
                Assert.True(code == 0, $"{spec}: {script.RelativePath} does not parse: {error}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_parser_rejects_a_broken_script()
    {
        var path = Path.Combine(Path.GetTempPath(), "dbarch-mongo-broken-" + Environment.ProcessId + ".js");
        File.WriteAllText(path, "database.getCollection(\"a\").createIndex({ \"x\": 1 }, { \"name\": \"it's\" );\n");
        try
        {
            Assert.NotEqual(0, Check(path).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int Code, string Error) Check(string path)
    {
        var start = new ProcessStartInfo(Node.Value) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--check");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    private static string Restore()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "scripts", "restore-node.sh"));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"scripts/restore-node.sh failed (exit {process.ExitCode}): {stderr.Result}");
        }

        return stdout.Trim();
    }
}
