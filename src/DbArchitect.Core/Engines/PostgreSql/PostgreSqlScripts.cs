using DbArchitect.Core.Design;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>TODO(helper): numbered build scripts.</summary>
public sealed class PostgreSqlScripts : IScriptGenerator
{
    public IReadOnlyList<SqlScript> Generate(DbDesign design) => Array.Empty<SqlScript>();
}
