using DbArchitect.Core.Errors;
using DbArchitect.Core.Live.Estate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DbArchitect.Core.Tests.Live.Estate;

/// <summary>
/// -Shard k/n over hostile target lists (duplicates, case, Unicode, controls, ports, IPv6, SQLite paths): every target
/// lands in exactly one shard, the same one on every call and in every process, so n CI runners cover an estate once.
/// </summary>
public sealed class EstateShardProperties
{
    private static readonly string[] Hosts =
    {
        "db1", "DB1", "db1.example.com", "10.0.0.1", "::1", "fe80::1%eth0", "sql1\\INST", "é-host", "host\u0000x", "h\u202Eost",
        "\U0001F600", " ", "a;b", "x'y", "\"q\"", "db-01", "db-10", "db-100",
    };

    private static readonly string?[] Databases = { null, "shop", "Shop", "", "a/b", "ü", "\n", "postgres" };

    private static readonly string[] Engines = { "postgresql", "mariadb", "mysql", "sqlserver", "sqlite" };

    private static Gen<EstateTarget> Target() =>
        from engine in Gen.Elements(Engines)
        from host in Gen.Elements(Hosts)
        from port in Gen.Choose(1, 65535)
        from database in Gen.Elements(Databases)
        select new EstateTarget(engine, host, engine == "sqlite" ? null : port, database);

    [Property(MaxTest = 200)]
    public Property Every_target_lands_in_exactly_one_shard() =>
        Prop.ForAll(Gen.ListOf(Target()).ToArbitrary(), Gen.Choose(1, 16).ToArbitrary(), (targets, count) =>
        {
            var shards = Enumerable.Range(1, count).Select(k => EstateShard.Parse($"{k}/{count}")).ToList();
            foreach (var target in targets)
            {
                var owners = shards.Count(s => s.Contains(target));
                Assert.True(owners == 1, $"{target.Key} is in {owners} of {count} shards");
                Assert.Equal(EstateShard.Of(target, count), EstateShard.Of(new EstateTarget(target.Engine, target.Server, target.Port, target.Database), count));
            }

            // The union of the shards is the whole list, and no target is in two.
            var swept = shards.SelectMany(s => targets.Where(s.Contains)).ToList();
            Assert.Equal(targets.Count, swept.Count);
        });

    [Fact]
    public void The_hash_is_the_same_in_every_process()
    {
        // Fixed values: string.GetHashCode would differ per process and fail here on the next run.
        Assert.Equal(0xCBF29CE44FD0BFC1UL, EstateShard.StableHash(string.Empty));
        Assert.Equal(0x9335E5F13874CAC4UL, EstateShard.StableHash("postgresql://db1:5432/shop"));
        Assert.Equal(1, EstateShard.Of(new EstateTarget("postgresql", "DB1", 5432, "shop"), 4));
    }

    [Fact]
    public void Spreads_a_numbered_estate_evenly()
    {
        var targets = Enumerable.Range(1, 1000).Select(i => new EstateTarget("postgresql", $"db{i}", 5432, null)).ToList();
        var sizes = Enumerable.Range(1, 4).Select(k => targets.Count(t => EstateShard.Of(t, 4) == k)).ToList();
        Assert.All(sizes, size => Assert.InRange(size, 200, 300));
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData(" 1 / 1 ", 1, 1)]
    [InlineData("1024/1024", 1024, 1024)]
    public void Parses_k_of_n(string text, int index, int count)
    {
        var shard = EstateShard.Parse(text);
        Assert.Equal((index, count), (shard.Index, shard.Count));
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("1/1025")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    [InlineData("1/2/3")]
    [InlineData("")]
    public void Refuses_a_shard_that_is_not_k_of_n(string text)
    {
        var ex = Assert.Throws<DbArchitectException>(() => EstateShard.Parse(text));
        Assert.Equal("EstateShardInvalid", ex.Errors[0].ErrorId);
    }
}
