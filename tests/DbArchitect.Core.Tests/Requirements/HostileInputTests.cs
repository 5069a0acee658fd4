using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>Inputs that look dangerous to SQL but are legitimate requirements: they must parse cleanly and unchanged.</summary>
public sealed class HostileInputTests
{
    private static readonly string LongName = "a" + new string('b', 78) + "z";

    private static string HostileFile() => $$"""
        application:
          name: "Robert'); DROP TABLE students;--"
          description: 'Quotes '' and " and -- and ; and /* */ survive'
          tenancy: multi
        entities:
          - name: order
            description: "It's the \"order\" table -- not a comment; really"
            attributes:
              - { name: user, type: string(100), default: "O'Brien -- ; DROP", description: "a; b -- c" }
              - { name: group, type: text, default: "\"quoted\"" }
              - { name: select, type: "enum(on hold, 'it''s', \"a;b\")", default: "it's" }
              - { name: Mixed Case-Name, type: int }
          - name: Bestellposition
            attributes:
              - { name: Menge, type: int, check: ">= 1" }
          - name: 顧客
            attributes:
              - { name: 名前, type: string(50), default: 山田 }
          - name: {{LongName}}
            attributes:
              - { name: {{LongName}}, type: bool, default: false }
          - name: tenant
        relationships:
          - { from: 顧客, to: order, type: one-to-many }
          - { from: tenant, to: order, type: one-to-many }
          - { from: order, to: order, type: many-to-many, through: order_link, name: related }
        accessPatterns:
          - { name: "by user; -- really", entity: order, where: [user, 顧客_id, tenant_id], orderBy: [group desc], select: [MixedCaseName] }
          - { name: links, entity: order_link, where: [order_id, related_id] }
        """;

    [Fact]
    public void HostileButValidFileParsesCleanly()
    {
        var requirement = ReadValid(HostileFile());
        Assert.Equal(5, requirement.Entities.Count);
        Assert.Equal(2, requirement.AccessPatterns.Count);
        Assert.Equal(3, requirement.Relationships.Count);
    }

    [Fact]
    public void QuotesCommentsAndSemicolonsAreKeptExactly()
    {
        var requirement = ReadValid(HostileFile());
        Assert.Equal("Robert'); DROP TABLE students;--", requirement.Name);
        Assert.Equal("Quotes ' and \" and -- and ; and /* */ survive", requirement.Application.Description);
        var order = requirement.FindEntity("ORDER")!;
        Assert.Equal("It's the \"order\" table -- not a comment; really", order.Description);
        Assert.Equal(new DefaultSpec(DefaultKind.Literal, "O'Brien -- ; DROP"), order.Attributes[0].Default);
        Assert.Equal("\"quoted\"", order.Attributes[1].Default!.Value);
        Assert.Equal(new[] { "on hold", "it's", "a;b" }, order.Attributes[2].Type.EnumValues);
        Assert.Equal("it's", order.Attributes[2].Default!.Value);
    }

    [Fact]
    public void ReservedWordsMixedCaseUnicodeAndLongNamesAreKeptAsWritten()
    {
        var requirement = ReadValid(HostileFile());
        Assert.Equal(new[] { "user", "group", "select", "Mixed Case-Name" }, requirement.Entities[0].Attributes.Select(a => a.Name));
        Assert.Equal("Bestellposition", requirement.Entities[1].Name);
        Assert.Equal("顧客", requirement.Entities[2].Name);
        Assert.Equal("名前", requirement.Entities[2].Attributes[0].Name);
        Assert.Equal(80, requirement.Entities[3].Name.Length);
        Assert.Equal(LongName, requirement.Entities[3].Attributes[0].Name);
    }
}
