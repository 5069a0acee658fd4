using DbArchitect.Core.Errors;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.Core.Tests.Live.Estate;

/// <summary>Server names as DBAs write them: host,port (SQL Server's form), host:port, [v6]:port, bare IPv6, SQLite paths.</summary>
public sealed class TargetNameTests
{
    [Theory]
    [InlineData("postgresql", "db1", "db1", 5432)]
    [InlineData("postgresql", " db1 ", "db1", 5432)]
    [InlineData("postgresql", "db3,5433", "db3", 5433)]
    [InlineData("postgresql", "db3:5433", "db3", 5433)]
    [InlineData("mariadb", "10.0.0.7", "10.0.0.7", 3306)]
    [InlineData("sqlserver", @"sql1\INST,14330", @"sql1\INST", 14330)]
    [InlineData("postgresql", "[::1]:6543", "::1", 6543)]
    [InlineData("postgresql", "[fe80::1]", "fe80::1", 5432)]
    [InlineData("postgresql", "::1", "::1", 5432)]
    public void Reads_the_host_and_port_a_name_gives(string engine, string name, string host, int port)
    {
        var target = TargetName.Parse(engine, name);
        Assert.Equal(host, target.Server);
        Assert.Equal(port, target.Port);
    }

    [Fact]
    public void Never_splits_a_SQLite_path()
    {
        var target = TargetName.Parse("sqlite", @"C:\data\shop,1.db");
        Assert.Equal(@"C:\data\shop,1.db", target.Server);
        Assert.Null(target.Port);
    }

    [Theory]
    [InlineData("db1,0", "EstatePortInvalid")]
    [InlineData("db1:70000", "EstatePortInvalid")]
    [InlineData("db1,abc", "EstatePortInvalid")]
    [InlineData(",5432", "EstateServerEmpty")]
    [InlineData("   ", "EstateServerEmpty")]
    [InlineData("[::1", "EstateServerInvalid")]
    public void Refuses_a_bad_name_with_its_own_id_and_the_fix(string name, string id)
    {
        var ex = Assert.Throws<DbArchitectException>(() => TargetName.Parse("postgresql", name));
        Assert.Equal(id, ex.Errors[0].ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(ex.Errors[0].Fix));
    }

    [Fact]
    public void Refuses_two_different_ports_for_one_name()
    {
        var ex = Assert.Throws<DbArchitectException>(() => TargetName.Parse("postgresql", "db1,5433", 5434));
        Assert.Equal("EstatePortConflict", ex.Errors[0].ErrorId);
        Assert.Equal(5433, TargetName.Parse("postgresql", "db1,5433", 5433).Port);
    }

    [Fact]
    public void Names_that_denote_one_target_share_one_key()
    {
        var keys = new[] { "DB1", "db1:5432", "db1,5432", "db1" }.Select(n => TargetName.Parse("postgresql", n).Key).Distinct().ToList();
        Assert.Single(keys);
        Assert.NotEqual(TargetName.Parse("postgresql", "db1", database: "a").Key, TargetName.Parse("postgresql", "db1", database: "A").Key);
        Assert.NotEqual(TargetName.Parse("postgresql", "db1").Key, TargetName.Parse("mariadb", "db1").Key);
    }

    [Fact]
    public void Reads_the_identity_of_a_connection_string_without_its_password()
    {
        var target = ConnectionIdentity.Of("postgresql", "Host=db9;Port=6000;Database=shop;Username=u;Password=s3cret");
        Assert.Equal(("db9", (int?)6000, "shop"), (target.Server, target.Port, target.Database));
        Assert.DoesNotContain("s3cret", target.ToString(), StringComparison.Ordinal);
        var sqlServer = ConnectionIdentity.Of("sqlserver", "Server=sql1,14330;Initial Catalog=erp;User ID=sa;Password=x");
        Assert.Equal(("sql1", (int?)14330, "erp"), (sqlServer.Server, sqlServer.Port, sqlServer.Database));
    }
}
