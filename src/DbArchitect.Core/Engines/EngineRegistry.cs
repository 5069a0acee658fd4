using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Engines.Oracle;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Engines.Sqlite;
using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Engines;

/// <summary>The engines the design engine can emit. Adding an engine is one line here plus its own folder.</summary>
public static class EngineRegistry
{
    private static readonly IReadOnlyList<IDatabaseEngine> Implemented = new IDatabaseEngine[]
    {
        new PostgreSqlEngine(),
        new MySqlEngine(MySqlDialect.MySql),
        new MySqlEngine(MySqlDialect.MariaDb),
        new OracleEngine(),
        new SqliteEngine(),
        new SqlServerEngine(),
    };

    /// <summary>Every engine id the requirements format accepts (some are chosen by analysis before they can emit SQL).</summary>
    public static readonly IReadOnlyList<string> KnownEngineIds = new[]
    {
        "postgresql", "mysql", "mariadb", "sqlserver", "oracle", "sqlite", "mongodb", "cassandra", "dynamodb",
        "redis", "influxdb", "timescaledb", "neo4j", "clickhouse",
    };

    public static IReadOnlyList<IDatabaseEngine> All => Implemented;

    public static bool IsKnown(string id) => KnownEngineIds.Contains(id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The engine with this id, or a clear error saying which engines can be used today.</summary>
    public static IDatabaseEngine Get(string id)
    {
        var engine = Implemented.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
        if (engine is not null)
        {
            return engine;
        }

        var implemented = string.Join(", ", Implemented.Select(e => e.Id));
        if (IsKnown(id))
        {
            throw new DbArchitectException(new DbArchitectError(
                "EngineNotImplemented", ErrorKind.NotImplemented,
                $"Engine '{id}' is known but cannot generate a design yet.",
                $"Use -Engine with one of: {implemented}.", null, id));
        }

        throw new DbArchitectException(new DbArchitectError(
            "UnknownEngine", ErrorKind.InvalidArgument,
            $"Unknown engine '{id}'.",
            $"Use one of: {string.Join(", ", KnownEngineIds)}.", null, id));
    }
}
