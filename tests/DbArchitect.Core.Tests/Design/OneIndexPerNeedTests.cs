using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Design;

/// <summary>
/// One index per need: access patterns and foreign keys over the same leading columns share one B-tree instead of a
/// near-duplicate beside it (which costs writes and lets the planner pick the narrower one and sort).
/// </summary>
public sealed class OneIndexPerNeedTests
{
    private static DbDesign Example(string file) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, file)), "postgresql");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void PagesAndAForecastOverTheSameColumnsShareOneIndexThatIncludesTheForecastAmount()
    {
        var deal = Example("crm-deals.yaml").Physical.FindTable("deal")!;

        var stage = Assert.Single(deal.Indexes, i => i.Keys.Take(3).Select(k => k.Column).SequenceEqual(new[] { "tenant_id", "stage", "close_date" }));
        Assert.Equal(new[] { "amount" }, stage.Include);
        Assert.Contains("access pattern 'pipeline'", stage.Serves);
        Assert.Contains("access pattern 'forecast'", stage.Serves);
    }

    [Fact]
    public void ForeignKeyIndexIsTheAccessPatternIndexLeadingWithItsColumnsAndIsNotPartial()
    {
        var deal = Example("crm-deals.yaml").Physical.FindTable("deal")!;

        // The foreign key to the tenant is served by the primary key (tenant_id, id).
        foreach (var fk in deal.ForeignKeys.Where(f => !deal.PrimaryKey.Columns.Take(f.Columns.Count).SequenceEqual(f.Columns)))
        {
            var leading = deal.Indexes.Where(i => i.Method == IndexStructure.Ordered && i.Keys.Take(fk.Columns.Count).Select(k => k.Column).SequenceEqual(fk.Columns)).ToList();
            var index = Assert.Single(leading);
            Assert.Null(index.Predicate);
            Assert.Contains(Serves.ForeignKey(fk.Name), index.Serves);
            Assert.Contains(index.Serves, s => s.StartsWith("access pattern", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void NoNonUniqueBTreeLeadsWithAnotherIndexsWholeKeyWhateverItsPredicateOrIncludes(string file)
    {
        foreach (var table in Example(file).Physical.Tables)
        {
            var btrees = table.Indexes.Where(i => i.Method == IndexStructure.Ordered).ToList();
            foreach (var shorter in btrees.Where(i => !i.Unique))
            {
                foreach (var longer in btrees.Where(i => i.Name != shorter.Name && i.Keys.Count >= shorter.Keys.Count))
                {
                    var prefix = longer.Keys.Take(shorter.Keys.Count).Select(k => k with { Descending = false })
                        .SequenceEqual(shorter.Keys.Select(k => k with { Descending = false }));
                    Assert.False(prefix, $"{file} {table.Name}: {shorter.Name} ({string.Join(", ", shorter.Keys)}) beside {longer.Name} ({string.Join(", ", longer.Keys)})");
                }
            }
        }
    }
}
