using DbArchitect.Core.Engines.PostgreSql;

namespace DbArchitect.Core.Tests.PostgreSql;

/// <summary>
/// Writes the generated scripts of the test models to a folder so they can be applied to a real PostgreSQL:
/// PG_DUMP_DIR=/tmp/pg dotnet test --filter FullyQualifiedName~PostgreSqlScriptDump. Does nothing without the variable.
/// </summary>
public sealed class PostgreSqlScriptDump
{
    [Fact]
    public void DumpsScriptsWhenAskedTo()
    {
        var root = Environment.GetEnvironmentVariable("PG_DUMP_DIR");
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        foreach (var name in new[] { "hostile", "plain", "edge" })
        {
            var dir = Path.Combine(root, name);
            Directory.CreateDirectory(dir);
            foreach (var script in new PostgreSqlScripts().Generate(PgModels.Named(name)))
            {
                var file = Path.Combine(dir, script.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, script.Text);
            }
        }
    }
}
