using DbArchitect.Core.Engines.Cassandra;
using DbArchitect.Core.Engines.ClickHouse;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Engines.InfluxDb;
using DbArchitect.Core.Engines.MongoDb;
using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Engines.Neo4j;
using DbArchitect.Core.Engines.Neptune;
using DbArchitect.Core.Engines.Oracle;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Engines.Redis;
using DbArchitect.Core.Engines.Sqlite;
using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Engines.TimescaleDb;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Engines;

/// <summary>
/// The one list of engines the module knows, with what each can do. Adding an engine is one line here plus its own
/// folder (its engine or designer and its ranking profile); every other engine list (the requirements format's enum
/// and JSON Schema, completers, "use one of" messages, the README's table, the technology ranking and its facts) is
/// derived from <see cref="Entries"/> or checked against it by a test.
/// </summary>
public static class EngineRegistry
{
    /// <summary>Every known engine in the order the ranking and messages list them.</summary>
    public static readonly IReadOnlyList<EngineEntry> Entries = new[]
    {
        EngineEntry.For(new PostgreSqlEngine(), new PostgreSqlProfile()),
        EngineEntry.For(new MySqlEngine(MySqlDialect.MySql), new MySqlProfile()),
        EngineEntry.For(new MySqlEngine(MySqlDialect.MariaDb), new MariaDbProfile()),
        EngineEntry.For(new SqlServerEngine(), new SqlServerProfile()),
        EngineEntry.For(new OracleEngine(), new OracleProfile()),
        EngineEntry.For(new SqliteEngine(), new SqliteProfile()),
        EngineEntry.For(new MongoDbDesigner(), new MongoDbProfile()),
        EngineEntry.Known(new CassandraProfile()),
        EngineEntry.For(new DynamoDbDesigner(), new DynamoDbProfile()),
        EngineEntry.For(new RedisDesigner(), new RedisProfile()),
        EngineEntry.Known(new InfluxDbProfile()),
        EngineEntry.Known(new TimescaleDbProfile()),
        EngineEntry.Known(new Neo4jProfile()),
        EngineEntry.Known(new NeptuneProfile()),
        EngineEntry.Known(new ClickHouseProfile()),
    };

    private static readonly IReadOnlyList<IDatabaseEngine> Relational = Entries.Select(e => e.Relational).OfType<IDatabaseEngine>().ToArray();

    /// <summary>Every engine id the requirements format accepts (some are chosen by analysis before they can be designed).</summary>
    public static readonly IReadOnlyList<string> KnownEngineIds = Entries.Select(e => e.Id).ToArray();

    /// <summary>The relational engines (tables, SQL scripts).</summary>
    public static IReadOnlyList<IDatabaseEngine> All => Relational;

    /// <summary>The ids New-DbDesign can design for, every family included.</summary>
    public static IReadOnlyList<string> DesignableIds => Entries.Where(e => e.CanDesign).Select(e => e.Id).ToArray();

    public static bool IsKnown(string id) => KnownEngineIds.Contains(id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry with this id, or a clear error listing the known engines.</summary>
    public static EngineEntry Entry(string id)
    {
        return Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new DbArchitectException(new DbArchitectError(
                "UnknownEngine", ErrorKind.InvalidArgument,
                $"Unknown engine '{id}'.",
                $"Use one of: {string.Join(", ", KnownEngineIds)}.", null, id));
    }

    /// <summary>The entry of an engine New-DbDesign can design for, or a clear error saying which can.</summary>
    public static EngineEntry Designable(string id)
    {
        var entry = Entry(id);
        if (entry.CanDesign)
        {
            return entry;
        }

        throw new DbArchitectException(new DbArchitectError(
            "EngineNotImplemented", ErrorKind.NotImplemented,
            $"Engine '{entry.Id}' ({entry.DisplayName}, {FamilyText.Of(entry.Family)}) is known but cannot generate a design yet.",
            $"Use -Engine with one of: {string.Join(", ", DesignableIds)}.", null, id));
    }

    /// <summary>The relational engine with this id, or a clear error (another family's engine names what applies to it).</summary>
    public static IDatabaseEngine Get(string id)
    {
        var entry = Designable(id);
        return entry.Relational ?? throw new DbArchitectException(new DbArchitectError(
            "OperationNotApplicable", ErrorKind.NotImplemented,
            $"Engine '{entry.Id}' is a {FamilyText.Of(entry.Family)} store; this operation works on relational engines only.",
            $"Use one of: {string.Join(", ", Relational.Select(e => e.Id))}.", null, id));
    }
}
