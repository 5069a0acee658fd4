using System.Text.RegularExpressions;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Import-DbSchema for SQL Server and Azure SQL Database: the user schemas the filter selects, then one catalog query
/// per kind of object over all of them (<see cref="SqlServerCatalogQueries"/>), whatever the table count, mapped by the
/// pure <see cref="SqlServerCatalogModel"/>.
/// </summary>
public sealed partial class SqlServerInspector : ISchemaInspector
{
    /// <summary>
    /// Schemas a user made or owns: dbo and every schema past the system ones (guest, INFORMATION_SCHEMA, sys) and below
    /// the fixed database roles' schemas (db_owner … db_denydatareader have ids from 16384).
    /// </summary>
    public const string SchemasSql = """
        SELECT s.name AS name
        FROM sys.schemas AS s
        WHERE s.schema_id = 1 OR (s.schema_id > 4 AND s.schema_id < 16384)
        ORDER BY s.name;
        """;

    public string CanonicalType(string nativeType)
    {
        ArgumentNullException.ThrowIfNull(nativeType);
        var text = Spaces().Replace(nativeType.Trim().ToLowerInvariant(), string.Empty);
        // The catalog prints the default precision a design may leave out.
        return text switch
        {
            "datetime2" or "datetimeoffset" or "time" => text + "(7)",
            "decimal" or "numeric" => text + "(18,0)",
            "varchar" or "nvarchar" or "char" or "nchar" or "varbinary" or "binary" => text + "(1)",
            _ => text,
        };
    }

    public SchemaModel AsBuilt(SchemaModel design) => SqlServerCatalogModel.AsBuilt(design);

    public IReadOnlyList<SchemaModel> Inspect(LiveSession session, SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        var schemas = session.Query(SchemasSql, "Reading schemas").Select(r => r.String("name")!).Where(filter.MatchesSchema).ToArray();
        if (schemas.Length == 0)
        {
            return Array.Empty<SchemaModel>();
        }

        // STRING_SPLIT on commas: a schema whose name holds a comma cannot be named in the list, and is left out.
        var parameters = new Dictionary<string, object?> { ["@schemas"] = string.Join(",", schemas.Where(s => !s.Contains(',', StringComparison.Ordinal))) };
        IReadOnlyList<IReadOnlyDictionary<string, object?>> Read(string sql, string purpose, bool perTable = true) =>
            session.Query(sql, purpose, parameters)
                .Where(r => !perTable || filter.MatchesTable(r.String("table_name") ?? string.Empty))
                .Select(Values).ToArray();
        var rows = new SqlServerCatalogRows(
            Read(SqlServerCatalogQueries.Tables, "Reading tables"),
            Read(SqlServerCatalogQueries.Columns, "Reading columns"),
            Read(SqlServerCatalogQueries.Keys, "Reading keys"),
            Read(SqlServerCatalogQueries.ForeignKeys, "Reading foreign keys"),
            Read(SqlServerCatalogQueries.Checks, "Reading check constraints"),
            Read(SqlServerCatalogQueries.Indexes, "Reading indexes"),
            Read(SqlServerCatalogQueries.SequencesViewsAndPolicies, "Reading sequences and views", perTable: false));
        return SqlServerCatalogModel.Build(rows);
    }

    private static IReadOnlyDictionary<string, object?> Values(LiveRow row) =>
        row.Columns.ToDictionary(c => c, c => row[c], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
