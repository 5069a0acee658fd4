using DbArchitect.Core.Live.Estate;

namespace DbArchitect.Core.Tests.Live.Estate;

/// <summary>-Tag's choice: any of the tags asked for, without case; the tags an inventory has, once each.</summary>
public sealed class EstateTagsTests
{
    private static readonly IReadOnlyList<EstateTarget> Targets = InventoryReader.Read("estate.yaml", """
        - { server: db1, tags: [prod, eu] }
        - { server: db2, tags: [Prod] }
        - { server: db3, tags: "staging;reporting" }
        - { server: db4 }
        """, "postgresql").Targets;

    [Theory]
    [InlineData(new[] { "prod" }, new[] { "db1", "db2" })]
    [InlineData(new[] { "EU", "reporting" }, new[] { "db1", "db3" })]
    [InlineData(new[] { "qa" }, new string[0])]
    [InlineData(new[] { "pro" }, new string[0])]
    public void Keeps_the_targets_carrying_any_tag_asked_for(string[] wanted, string[] servers) =>
        Assert.Equal(servers, Targets.Where(t => EstateTags.Carries(t, wanted)).Select(t => t.Server));

    [Fact]
    public void Lists_each_tag_once_in_order() =>
        Assert.Equal(new[] { "eu", "prod", "reporting", "staging" }, EstateTags.Of(Targets));
}
