using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Tests.Schema;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// New-PartitionScript -Table on a live SQL Server, without a server: the imported table (as the catalog queries map it)
/// becomes a partition target, and the in-place conversion parses in TSql160Parser, moves the clustered key and indexes
/// onto the scheme online, and keeps the foreign keys that reference the table.
/// </summary>
public sealed class SqlServerLivePartitionTests
{
    private static PartitionTarget Target()
    {
        var model = SqlServerCatalogModel.AsBuilt(SchemaComparerTests.Migration("shop-v1.yaml", "sqlserver").Physical);
        return SqlServerCatalogPartitionTarget(model, "customer");
    }

    private static PartitionTarget SqlServerCatalogPartitionTarget(Model.SchemaModel model, string table) =>
        SqlServerPartitionCatalog.Target(model, model.FindTable(table)!, 1_000_000, 400_000_000, "created_at") with
        {
            KeyMin = new DateTime(2025, 1, 1),
            KeyMax = new DateTime(2026, 6, 1),
            RowsPerDay = 2000,
        };

    [Fact]
    public void The_imported_table_is_a_live_target_with_its_keys_indexes_and_referencing_foreign_keys()
    {
        var target = Target();
        Assert.True(target.Exists);
        Assert.Null(target.Design);
        Assert.Equal(PartitionKeyKind.Timestamp, target.KindOf("created_at"));
        Assert.Equal(new[] { "id" }, target.PrimaryKey!.Columns);
        Assert.True(target.PrimaryKey.Generated);
        Assert.Contains(target.ReferencedBy, f => f.Table == "order" && f.Columns.SequenceEqual(new[] { "customer_id" }));
        Assert.Equal(400, target.BytesPerRow);
    }

    [Fact]
    public void The_conversion_parses_and_moves_the_key_and_indexes_onto_the_scheme_online()
    {
        var engine = new SqlServerEngine();
        var script = PartitionPlanner.Script(engine, Target(), new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Month, Start = new DateTime(2025, 1, 1), Premake = 2 });
        var files = script.ToScripts();
        Assert.Equal("convert", script.Steps[0].Name);
        foreach (var file in files)
        {
            Assert.Empty(TSqlProof.ParseErrors(file));
        }

        var convert = files[0].Text;
        if (Environment.GetEnvironmentVariable("SHOW_SQL") == "1")
        {
            File.WriteAllText("/tmp/sqlserver-convert.sql", convert);
        }

        Assert.Contains("CREATE PARTITION SCHEME", convert, StringComparison.Ordinal);
        // The plan adds the key to the primary key, so the key is dropped and added online, and order's foreign key comes back checked.
        Assert.Contains("DROP CONSTRAINT [fk_order_customer_id]", convert, StringComparison.Ordinal);
        Assert.Matches(@"PRIMARY KEY CLUSTERED \(\[id\], \[created_at\]\) WITH \(ONLINE = ON\) ON \[ps_customer_created_at\] \(\[created_at\]\)", convert);
        Assert.Matches(@"WITH CHECK ADD CONSTRAINT \[fk_order_customer_id\] FOREIGN KEY \(\[customer_id\]\) REFERENCES \[migration_shop\]\.\[customer\] \(\[id\]\)", convert);
        Assert.Contains("UNIQUE NONCLUSTERED ([id]) WITH (ONLINE = ON) ON [PRIMARY]", convert, StringComparison.Ordinal);
        Assert.Contains("SELECT TOP (0) * INTO", convert, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", convert, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_range_reads_parse()
    {
        var target = Target();
        Assert.Empty(TSqlProof.ParseErrors(new Engines.SqlScript("range.sql", 0, Engines.ScriptKind.Reference, "sqlserver", "range", SqlServerPartitionCatalog.TimeRangeSql(target, "created_at"), false)));
        Assert.Contains("SWITCHOFFSET(MIN([created_at]), '+00:00')", SqlServerPartitionCatalog.TimeRangeSql(target, "created_at"), StringComparison.Ordinal);
        Assert.Empty(TSqlProof.ParseErrors(new Engines.SqlScript("range.sql", 0, Engines.ScriptKind.Reference, "sqlserver", "range", SqlServerPartitionCatalog.NumberRangeSql(target, "id"), false)));
    }
}
