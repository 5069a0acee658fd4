using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>
/// SQL Server's health checks. There is no SQL Server driver in this version, so they are catalog queries as text
/// (proven to parse with ScriptDom's TSql160Parser) that run once a driver is added; the runner refuses the engine.
/// </summary>
internal abstract class SqlServerHealthCheck : QueryHealthCheck
{
    public static readonly IReadOnlyList<string> EngineIds = new[] { "sqlserver" };

    public override IReadOnlyList<string> Engines => EngineIds;
}
