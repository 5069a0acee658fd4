using DbArchitect.Core.Engines.Oracle;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>
/// Writes the Oracle scripts of every example and hostile spec to a folder for review (or for a real Oracle server):
/// ORACLE_DUMP_DIR=/tmp/oracle dotnet test --filter FullyQualifiedName~OracleScriptDump. Does nothing without the variable.
/// </summary>
public sealed class OracleScriptDump
{
    [Fact]
    public void DumpsScriptsWhenAskedTo()
    {
        var root = Environment.GetEnvironmentVariable("ORACLE_DUMP_DIR");
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        foreach (var spec in OracleDesignTests.SpecPaths())
        {
            var dir = Path.Combine(root, Path.GetFileNameWithoutExtension(spec));
            foreach (var script in new OracleScripts().Generate(OracleDesignTests.Design(spec)))
            {
                var file = Path.Combine(dir, script.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, script.Text);
            }
        }
    }
}
