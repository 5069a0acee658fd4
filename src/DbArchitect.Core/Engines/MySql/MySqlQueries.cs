using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Query templates in the MySQL dialect. Not written yet: every access pattern is reported as skipped with that
/// reason, so design.md says so instead of showing another engine's SQL.
/// </summary>
public sealed class MySqlQueries : IQueryWriter
{
    private readonly MySqlDialect _dialect;

    public MySqlQueries(MySqlDialect dialect) => _dialect = dialect;

    public IReadOnlyList<QueryTemplate> Write(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.AccessPatterns.Select(p => new QueryTemplate(p.Name, null, QueryShape.Skipped, Array.Empty<QueryStatement>(), Array.Empty<string>(),
            $"Query templates for {_dialect.DisplayName} are not generated yet; the index plan still serves this pattern.")).ToList();
    }
}
