using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Engines.SqlServer.Health;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// The proof without a server: every statement the SQL Server driver sends (session setup, version, schemas, catalog
/// queries, health checks) parses with TSql160Parser and names only views and columns of the catalog contract of SQL
/// Server 2022; what runs on Azure SQL Database names only what Azure SQL Database has.
/// </summary>
public sealed class SqlServerCatalogContractTests
{
    private static readonly SqlServerCatalogContract Contract = SqlServerCatalogContract.Load();

    /// <summary>Every statement the driver sends, named, and whether it runs on Azure SQL Database.</summary>
    public static IEnumerable<(string Name, string Sql, bool OnAzure)> Statements()
    {
        var driver = new SqlServerEngine().Live;
        yield return ("version", driver.VersionQuery, true);
        foreach (var (statement, i) in driver.SessionSetup(LiveSessionOptions.ReadOnlyProbe).Select((s, i) => (s, i)))
        {
            yield return ($"session setup {i + 1}", statement, true);
        }

        yield return ("schemas", SqlServerInspector.SchemasSql, true);
        foreach (var (query, i) in SqlServerCatalogQueries.All.Select((q, i) => (q, i)))
        {
            yield return ($"catalog query {i + 1}", query, true);
        }

        foreach (var (query, i) in SqlServerWorkloadSources.All.Select((q, i) => (q, i)))
        {
            yield return ($"index workload query {i + 1}", query, true);
        }

        yield return ("partition target size", SqlServerPartitionCatalog.SizeSql, true);
        yield return ("config hardware", SqlServerLiveConfig.HardwareSql, true);
        yield return ("config settings", SqlServerLiveConfig.SettingsSql, true);
        yield return ("engine edition", SqlServerHealth.EngineEditionSql, true);
        yield return ("database name", SqlServerHealthProfile.DatabaseNameSql, true);
        foreach (var check in HealthCheckCatalog.For("sqlserver"))
        {
            yield return ($"health check {check.Id}", check.Sql!, ((SqlServerHealthCheck)check).AzureSqlDatabaseSkip is null);
        }
    }

    [Fact]
    public void Every_statement_the_driver_sends_names_only_views_and_columns_of_the_contract()
    {
        var problems = Statements().SelectMany(s => Contract.Problems(s.Sql).Select(p => $"{s.Name}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(Statements().Count() >= 35, "the driver's statements were not all found");
    }

    [Fact]
    public void What_runs_on_Azure_SQL_Database_names_only_its_views_and_no_other_database()
    {
        var problems = new List<string>();
        foreach (var (name, sql, _) in Statements().Where(s => s.OnAzure))
        {
            var (views, databases) = Contract.Names(sql);
            problems.AddRange(views.Where(v => !Contract.OnAzureSqlDatabase(v)).Select(v => $"{name}: {v} is not on Azure SQL Database"));
            problems.AddRange(databases.Select(d => $"{name}: names database {d}, which Azure SQL Database cannot reach from a user database"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_view_of_the_contract_is_read_by_some_statement()
    {
        var named = Statements().SelectMany(s => Contract.Names(s.Sql).Views).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(Contract.Views.Where(v => !named.Contains(v)).Except(Reserved, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Views kept for readers that come with partitioning, not read by a statement yet.</summary>
    private static readonly string[] Reserved = { "sys.partition_functions", "sys.partition_range_values", "sys.partition_parameters" };

    [Theory]
    [InlineData("SELECT t.name, t.no_such_column FROM sys.tables AS t;", "sys.tables has no column no_such_column")]
    [InlineData("SELECT v.name FROM sys.no_such_view AS v;", "sys.no_such_view is not a view of the catalog contract")]
    [InlineData("SELECT name, modification_count FROM sys.stats;", "no view in scope has a column modification_count")]
    [InlineData("SELECT t.name FROM sys.tables AS t WHERE x.object_id = t.object_id;", "x.object_id names an alias")]
    [InlineData("SELECT sp.row_count FROM sys.stats AS st CROSS APPLY sys.dm_db_stats_properties(st.object_id, st.stats_id) AS sp;", "sys.dm_db_stats_properties has no column row_count")]
    [InlineData("SELECT j.name FROM msdb.dbo.sysjobs AS j WHERE EXISTS (SELECT 1 FROM msdb.dbo.sysjobhistory AS h WHERE h.job_id = j.job_id AND h.status = 0);", "dbo.sysjobhistory has no column status")]
    [InlineData("SELECT name FROM sys.tables WHERE", "parse error")]
    public void A_query_naming_an_unknown_view_or_column_is_refused(string sql, string expected)
    {
        var problems = Contract.Problems(sql);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Aliases_of_ctes_derived_tables_and_select_lists_are_the_querys_own()
    {
        const string sql = """
            WITH ix AS (SELECT i.object_id, i.name AS index_name FROM sys.indexes AS i)
            SELECT a.index_name, d.total AS measured
            FROM ix AS a
            CROSS APPLY (SELECT COUNT(*) AS total FROM sys.index_columns AS ic WHERE ic.object_id = a.object_id) AS d
            JOIN sys.tables AS t ON t.object_id = a.object_id
            WHERE t.name IN (SELECT value FROM STRING_SPLIT(@schemas, N','))
            ORDER BY measured;
            """;
        Assert.Empty(Contract.Problems(sql));
    }
}
