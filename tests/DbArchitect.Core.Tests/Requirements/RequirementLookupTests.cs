using System.Collections;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>
/// Entities by name and relationships by target are keyed once per list: a large design asks thousands of times, and a
/// scan per question made it quadratic. The answers stay those of a scan in order.
/// </summary>
public sealed class RequirementLookupTests
{
    [Fact]
    public void FindingEveryEntityByNameReadsTheEntityListOnce()
    {
        var entities = new CountingList<EntitySpec>(Enumerable.Range(0, 300).Select(i => Entity($"entity_{i}")).ToArray());
        var requirement = Requirement(Array.Empty<EntitySpec>()) with { Entities = entities };

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal($"entity_{i}", requirement.FindEntity($"ENTITY_{i}")!.Name);
        }

        Assert.Null(requirement.FindEntity("missing"));
        Assert.Equal(1, entities.Reads);
    }

    [Fact]
    public void FindEntityAnswersTheFirstEntityOfANameIgnoringCase()
    {
        var first = Entity("Order", Attr("a", LogicalType.Int));
        var requirement = Requirement(new[] { first, Entity("order"), Entity("item") });

        Assert.Same(requirement.Entities[0], requirement.FindEntity("ORDER"));
        Assert.Same(requirement.Entities[2], requirement.FindEntity("Item"));
    }

    [Fact]
    public void ARequirementWithOtherEntitiesFindsItsOwn()
    {
        var requirement = Requirement(new[] { Entity("order") });
        Assert.NotNull(requirement.FindEntity("order"));

        var other = requirement with { Entities = new[] { Entity("invoice") } };

        Assert.Null(other.FindEntity("order"));
        Assert.NotNull(other.FindEntity("invoice"));
    }

    [Fact]
    public void TheColumnsOfEveryEntityReadTheRelationshipsOnceAndMatchAScan()
    {
        var entities = Enumerable.Range(0, 200).Select(i => Entity($"e{i}")).ToArray();
        var written = Enumerable.Range(1, 200 - 1).Select(i => OneToMany($"e{i - 1}", $"E{i}"))
            .Append(ManyToMany("e0", "e5", "e0_e5")).Append(OneToMany("e3", "e7", role: "reviewer")).ToArray();
        var relationships = new CountingList<RelationshipSpec>(written);
        var requirement = Requirement(entities) with { Relationships = relationships };

        foreach (var entity in entities)
        {
            var scanned = EntityColumns.Of(entity, requirement.Conventions, requirement.Application.Tenancy, written);
            Assert.Equal(scanned, EntityColumns.Of(requirement, entity));
        }

        Assert.Equal(1, relationships.Reads);
    }

    /// <summary>A list that counts how often it is read whole (enumerated) or by position.</summary>
    private sealed class CountingList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>
    {
        public int Reads { get; private set; }

        public int Count => items.Count;

        public T this[int index]
        {
            get
            {
                Reads++;
                return items[index];
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            Reads++;
            return items.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
