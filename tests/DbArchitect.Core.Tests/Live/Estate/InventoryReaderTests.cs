using DbArchitect.Core.Live.Estate;

namespace DbArchitect.Core.Tests.Live.Estate;

/// <summary>Inventories in CSV and YAML: every column read, each bad row its own error at file:line:column, the good rows kept.</summary>
public sealed class InventoryReaderTests
{
    [Fact]
    public void Reads_every_column_of_a_CSV_inventory()
    {
        const string csv = "server,port,engine,database,tags,credential\n"
            + "db1,,postgresql,shop,prod;eu,pg-prod\n"
            + "\"db2,5433\",,,,,\n"
            + "# a comment line\n"
            + "\n"
            + "maria1,3307,mariadb,erp,\"a,b\",\n";
        var read = InventoryReader.Read("estate.csv", csv, "postgresql");
        Assert.Empty(read.Errors);
        Assert.Equal(3, read.Targets.Count);
        var first = read.Targets[0];
        Assert.Equal(("postgresql", "db1", (int?)5432, "shop", "pg-prod"), (first.Engine, first.Server, first.Port, first.Database, first.CredentialName));
        Assert.Equal(new[] { "prod", "eu" }, first.Tags);
        Assert.Equal(("db2", (int?)5433), (read.Targets[1].Server, read.Targets[1].Port));
        Assert.Equal(("mariadb", "maria1", (int?)3307, "erp"), (read.Targets[2].Engine, read.Targets[2].Server, read.Targets[2].Port, read.Targets[2].Database));
        Assert.Equal(new[] { "a", "b" }, read.Targets[2].Tags);
        Assert.Equal("estate.csv:2:1", first.Source!.ToString());
    }

    [Fact]
    public void Names_each_bad_CSV_row_at_its_cell_and_keeps_the_good_ones()
    {
        const string csv = "Server,Port,Engine\n"
            + "db1,99999,\n"
            + "db2,,oracle\n"
            + ",5432,\n"
            + "db4,,\n";
        var read = InventoryReader.Read("/inv/estate.csv", csv, "postgresql");
        Assert.Equal(new[] { "db4" }, read.Targets.Select(t => t.Server));
        Assert.Equal(
            new[] { "EstatePortInvalid@/inv/estate.csv:2:5", "InventoryEngineInvalid@/inv/estate.csv:3:6", "InventoryServerMissing@/inv/estate.csv:4:1" },
            read.Errors.Select(e => $"{e.ErrorId}@{e.Location}"));
        Assert.All(read.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix)));
    }

    [Fact]
    public void Refuses_an_unknown_column_and_an_unclosed_quote()
    {
        var unknown = InventoryReader.Read("e.csv", "server,passwd\ndb1,x\n", "postgresql");
        Assert.Equal("InventoryColumnUnknown", unknown.Errors.Single().ErrorId);
        Assert.Empty(unknown.Targets);
        Assert.Equal("e.csv:1:8", unknown.Errors.Single().Location!.ToString());
        var unclosed = InventoryReader.Read("e.csv", "server\n\"db1\n", "postgresql");
        Assert.Equal("InventorySyntaxError", unclosed.Errors.Single().ErrorId);
        Assert.Equal("e.csv:2:1", unclosed.Errors.Single().Location!.ToString());
        var noServer = InventoryReader.Read("e.csv", "port\n5432\n", "postgresql");
        Assert.Equal("InventoryServerMissing", noServer.Errors.Single().ErrorId);
    }

    [Fact]
    public void Reads_a_YAML_inventory_as_a_list_or_under_targets()
    {
        const string yaml = """
            targets:
              - server: db1
                database: shop
                tags: [prod, eu]
                credential: pg-prod
              - "db2,5433"
              - { server: maria1, engine: mariadb, port: 3307 }
            """;
        var read = InventoryReader.Read("estate.yaml", yaml, "postgresql");
        Assert.Empty(read.Errors);
        Assert.Equal(new[] { "db1", "db2", "maria1" }, read.Targets.Select(t => t.Server));
        Assert.Equal(new[] { "prod", "eu" }, read.Targets[0].Tags);
        Assert.Equal("pg-prod", read.Targets[0].CredentialName);
        Assert.Equal(5433, read.Targets[1].Port);
        Assert.Equal(("mariadb", (int?)3307), (read.Targets[2].Engine, read.Targets[2].Port));
    }

    [Fact]
    public void Names_each_bad_YAML_item_at_its_line_and_column()
    {
        const string yaml = "- server: db1\n  port: nope\n- server: db2\n  pasword: x\n- db3\n";
        var read = InventoryReader.Read("e.yml", yaml, "postgresql");
        Assert.Equal(new[] { "db3" }, read.Targets.Select(t => t.Server));
        Assert.Contains(read.Errors, e => e.ErrorId == "EstatePortInvalid" && e.Location!.ToString() == "e.yml:2:9");
        Assert.Contains(read.Errors, e => e.ErrorId == "InventoryColumnUnknown" && e.Location!.ToString() == "e.yml:4:3");
        var broken = InventoryReader.Read("e.yaml", "- server: [db1\n", "postgresql");
        Assert.Equal("InventorySyntaxError", broken.Errors.Single().ErrorId);
        Assert.StartsWith("e.yaml:", broken.Errors.Single().Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // A self-containing alias killed the process with a stack overflow; the others are the requirements reader's limits.
    [InlineData("- &t { server: db1, again: *t }\n", "RecursiveAlias")]
    [InlineData("- server: db1\n  tags: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]\n", "NestingTooDeep")]
    public void Refuses_a_hostile_YAML_inventory_with_a_located_error(string yaml, string errorId)
    {
        var read = InventoryReader.Read("e.yaml", yaml, "postgresql");
        Assert.Equal(errorId, read.Errors.Single().ErrorId);
        Assert.StartsWith("e.yaml:", read.Errors.Single().Location!.ToString(), StringComparison.Ordinal);
        Assert.Empty(read.Targets);
    }

    [Fact]
    public void Refuses_a_file_that_is_neither_CSV_nor_YAML()
    {
        Assert.Equal("InventoryFormatUnknown", InventoryReader.Read("estate.txt", "db1", "postgresql").Errors.Single().ErrorId);
    }
}
