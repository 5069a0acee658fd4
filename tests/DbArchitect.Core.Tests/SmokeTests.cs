using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests;

public sealed class EngineRegistryTests
{
    [Fact]
    public void PostgreSqlIsRegisteredUnderItsId() =>
        Assert.Equal("postgresql", EngineRegistry.Get("PostgreSQL").Id);

    [Fact]
    public void UnknownEngineIsRefusedWithTheKnownList()
    {
        var ex = Assert.Throws<DbArchitect.Core.Errors.DbArchitectException>(() => EngineRegistry.Get("postgress"));
        Assert.Equal("UnknownEngine", ex.Errors[0].ErrorId);
        Assert.Contains("postgresql", ex.Errors[0].Fix, StringComparison.Ordinal);
    }
}
