using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

public sealed class ManyErrorsTests
{
    private const string FileWithSevenMistakes = """
        application:
          name: Broken
          kind: oltpp
        engine: postgress
        workload: { records: -5 }
        entities:
          - name: customer
            atributes: []
          - name: order
            attributes:
              - { name: code, type: strng(20) }
              - { name: total, type: "decimal(2,5)" }
        relationships:
          - { from: custommer, to: order, type: one-to-many }
        accessPatterns:
          - { name: p, entity: order, where: [statuss] }
        """;

    [Fact]
    public void EveryMistakeOfAFileIsReportedInOneResult()
    {
        var result = Read(FileWithSevenMistakes);
        Assert.Null(result.Requirement);
        Assert.False(result.IsValid);
        var found = result.Errors.Select(e => (e.ErrorId, e.Location!.Line, e.Location.Column)).ToArray();
        var expected = new[]
        {
            ("InvalidEnumValue", 3, 9),
            ("NegativeVolume", 5, 22),
            ("UnknownEngine", 4, 9),
            ("UnknownKey", 8, 5),
            ("UnknownType", 11, 29),
            ("InvalidTypeArguments", 12, 30),
            ("UnknownEntity", 14, 13),
            ("UnknownColumn", 16, 39),
        };
        Assert.Equal(expected.OrderBy(e => e.Item2).ThenBy(e => e.Item3), found.OrderBy(e => e.Line).ThenBy(e => e.Column));
    }

    [Fact]
    public void ErrorsRenderAsFileLineColumnThenProblemThenFix()
    {
        var error = Read(FileWithSevenMistakes).Errors.Single(e => e.ErrorId == "UnknownEngine");
        Assert.StartsWith("test.yaml:4:9: Unknown engine 'postgress'.", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(error.Fix!, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ItemsOfTheWrongShapeAreReportedAndTheRestIsStillRead()
    {
        const string yaml = """
            application: { name: A }
            entities:
              - just a word
              - name: b
                attributes:
                  - email
                  - { name: c, type: int, required: maybe }
            """;
        var ids = Read(yaml).Errors.Select(e => (e.ErrorId, e.Location!.Line)).ToArray();
        Assert.Equal(new[] { ("InvalidValue", 3), ("InvalidValue", 6), ("InvalidValue", 7) }, ids);
    }

    [Fact]
    public void AnUnsafeNameIsReportedOnceWithoutFollowOnErrors()
    {
        const string yaml = """
            application: { name: A }
            entities:
              - name: customer
              - name: "order;"
                attributes: [ { name: total, type: money } ]
            relationships:
              - { from: customer, to: "order;", type: one-to-many }
            accessPatterns:
              - { name: p, entity: "order;", where: [total, customer_id] }
            """;
        var error = Assert.Single(Read(yaml).Errors);
        Assert.Equal("UnsafeIdentifier", error.ErrorId);
        AssertAt(error, 4, 11);
    }

    [Fact]
    public void ElementErrorsNameTheElementFirst()
    {
        var error = Single(Read(WithAttributes("{ name: code, type: strng(20) }")), "UnknownType");
        Assert.StartsWith("Attribute 'code' of entity 'thing': unknown type 'strng(20)'.", error.Message, StringComparison.Ordinal);
    }
}
