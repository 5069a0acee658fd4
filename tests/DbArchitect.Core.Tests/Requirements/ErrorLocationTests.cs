using DbArchitect.Core.Errors;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>Every error id of the reader, each pointing at the exact line and column of the offending node.</summary>
public sealed class ErrorLocationTests
{
    [Fact]
    public void HandCountedLocationIsOneBased()
    {
        const string yaml = "application: { name: A }\nentities:\n  - name: a\n    rows: -1\n";
        var error = OnlyError(yaml, "NegativeVolume", 4, 11);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal("test.yaml:4:11", error.Location!.ToString());
    }

    [Fact]
    public void UnknownKeyPointsAtTheKeyAndSuggestsTheClosest()
    {
        const string yaml = """
            application: { name: A }
            entities:
              - name: customer
                atributes:
                  - { name: email, type: email }
            """;
        var error = OnlyErrorAt(yaml, "UnknownKey", "atributes");
        Assert.Contains("Did you mean 'attributes'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rename it to 'attributes'", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelKeyIsReported()
    {
        const string yaml = "application: { name: A }\nentities: [ { name: a } ]\nrelationship: []\n";
        var error = OnlyErrorAt(yaml, "UnknownKey", "relationship:");
        Assert.Contains("'relationships'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredKeyPointsAtTheParentMapping()
    {
        const string yaml = "application:\n  description: no name here\nentities: [ { name: a } ]\n";
        var error = OnlyErrorAt(yaml, "MissingRequiredKey", "description");
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingEntitiesPointsAtTheDocument()
    {
        var error = OnlyError("application: { name: A }\n", "MissingRequiredKey", 1, 1);
        Assert.Contains("'entities'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAttributeTypeIsReported()
    {
        var yaml = WithAttributes("{ name: email }");
        var error = OnlyErrorAt(yaml, "MissingRequiredKey", "{ name: email }");
        Assert.Contains("'type'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StringWhereBoolExpectedIsInvalidValue()
    {
        var yaml = WithAttributes("{ name: email, type: email, required: yes }");
        var error = OnlyErrorAt(yaml, "InvalidValue", "yes");
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingWhereListExpectedIsInvalidValue()
    {
        const string yaml = "application: { name: A }\nentities: { name: a }\n";
        OnlyErrorAt(yaml, "InvalidValue", "{ name: a }");
    }

    [Theory]
    [InlineData("workload: { readWriteRatio: \"0:0\" }", "\"0:0\"")]
    [InlineData("workload: { readWriteRatio: \"80/20\" }", "\"80/20\"")]
    [InlineData("workload: { retention: 5 years }", "5 years")]
    [InlineData("workload: { retention: 0d }", "0d")]
    [InlineData("workload: { latencyMs: 0 }", "0 }")]
    [InlineData("workload: { tps: -1 }", "-1")]
    [InlineData("hardware: { cpus: 0 }", "0 }")]
    [InlineData("hardware: { memoryGb: lots }", "lots")]
    [InlineData("accessPatterns: [ { name: p, entity: a, limit: 0 } ]", "0 }")]
    public void OutOfRangeSettingsAreInvalidValue(string line, string marker)
    {
        var yaml = "application: { name: A }\nentities: [ { name: a } ]\n" + line + "\n";
        OnlyErrorAt(yaml, "InvalidValue", marker);
    }

    [Fact]
    public void InvalidEnumValueSuggestsTheClosestWord()
    {
        const string yaml = "application: { name: A, kind: oltpp }\nentities: [ { name: a } ]\n";
        var error = OnlyErrorAt(yaml, "InvalidEnumValue", "oltpp");
        Assert.Contains("Did you mean 'oltp'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("time-series", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOnDeleteIsInvalidEnumValue()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a }, { name: b } ]
            relationships:
              - { from: a, to: b, type: one-to-many, onDelete: cascde }
            """;
        var error = OnlyErrorAt(yaml, "InvalidEnumValue", "cascde");
        Assert.Contains("'cascade'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("workload: { records: -1 }", "-1")]
    [InlineData("workload: { recordsPerDay: -20 }", "-20")]
    [InlineData("entities: [ { name: a, rowsPerDay: -3 } ]", "-3")]
    public void NegativeVolumesAreReported(string line, string marker)
    {
        var yaml = "application: { name: A }\n" + line + "\n" + (line.StartsWith("entities", StringComparison.Ordinal) ? string.Empty : "entities: [ { name: a } ]\n");
        OnlyErrorAt(yaml, "NegativeVolume", marker);
    }

    [Fact]
    public void UnknownEngineSuggestsTheClosestEngine()
    {
        const string yaml = "application: { name: A }\nengine: postgress\nentities: [ { name: a } ]\n";
        var error = OnlyErrorAt(yaml, "UnknownEngine", "postgress");
        Assert.Contains("Did you mean 'postgresql'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("clickhouse", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineIsCaseInsensitiveAndStoredLowerCase()
    {
        var requirement = ReadValid("application: { name: A }\nengine: PostgreSQL\nentities: [ { name: a } ]\n");
        Assert.Equal("postgresql", requirement.Engine);
    }

    [Fact]
    public void UnsupportedFormatIsReported()
    {
        const string yaml = "format: 2\napplication: { name: A }\nentities: [ { name: a } ]\n";
        OnlyErrorAt(yaml, "UnsupportedFormat", "2");
    }

    [Fact]
    public void UnknownTypeSuggestsTheClosestType()
    {
        var yaml = WithAttributes("{ name: code, type: strng(20) }");
        var error = OnlyErrorAt(yaml, "UnknownType", "strng(20)");
        Assert.Contains("Did you mean 'string'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string(0)")]
    [InlineData("string(10485761)")]
    [InlineData("\"decimal(2,5)\"")]
    [InlineData("decimal")]
    [InlineData("char")]
    [InlineData("int(11)")]
    [InlineData("array of array of int")]
    [InlineData("string(20")]
    public void BadTypeArgumentsAreInvalidTypeArguments(string type)
    {
        var yaml = WithAttributes($"{{ name: code, type: {type} }}");
        OnlyErrorAt(yaml, "InvalidTypeArguments", type);
    }

    [Fact]
    public void StringWithoutLengthSuggestsText()
    {
        var error = OnlyErrorAt(WithAttributes("{ name: code, type: string }"), "InvalidTypeArguments", "string }");
        Assert.Contains("text", error.Fix, StringComparison.Ordinal);
        Assert.Contains("string(200)", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"enum()\"")]
    [InlineData("enum")]
    public void EnumWithoutValuesIsEmptyEnum(string type)
    {
        OnlyErrorAt(WithAttributes($"{{ name: state, type: {type} }}"), "EmptyEnum", type);
    }

    [Fact]
    public void RepeatedEnumValueIsDuplicateEnumValue()
    {
        var error = OnlyErrorAt(WithAttributes("{ name: state, type: \"enum(a, b, 'a')\" }"), "DuplicateEnumValue", "\"enum(");
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultOfTheWrongTypeIsInvalidDefault()
    {
        var error = OnlyErrorAt(WithAttributes("{ name: points, type: int, default: lots }"), "InvalidDefault", "lots");
        Assert.Contains("whole number", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidCheckListsTheAcceptedForms()
    {
        var error = OnlyErrorAt(WithAttributes("{ name: points, type: int, check: \">= many\" }"), "InvalidCheck", "\">= many\"");
        Assert.Contains("between a and b", error.Fix, StringComparison.Ordinal);
        Assert.Contains("matches 'regex'", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"drop;table\"")]
    [InlineData("\"a.b\"")]
    [InlineData("\"it's\"")]
    [InlineData("\"x\\ty\"")]
    [InlineData("\"\"")]
    [InlineData("\" padded\"")]
    [InlineData("1st")]
    public void UnsafeEntityNamesAreRefused(string name)
    {
        var yaml = $"application: {{ name: A }}\nentities:\n  - name: {name}\n";
        var error = OnlyErrorAt(yaml, "UnsafeIdentifier", name);
        Assert.Contains("the engine quotes every name itself", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void OverLongNameIsUnsafeIdentifier()
    {
        var name = new string('a', 129);
        OnlyErrorAt(WithAttributes($"{{ name: {name}, type: int }}"), "UnsafeIdentifier", name);
    }

    [Fact]
    public void EntityDeclaredTwiceIgnoringCaseIsDuplicateEntity()
    {
        const string yaml = "application: { name: A }\nentities:\n  - name: Customer\n  - name: customer\n";
        var error = OnlyErrorAt(yaml, "DuplicateEntity", "customer");
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
    }

    [Fact]
    public void JunctionNamedLikeAnEntityIsDuplicateEntity()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a }, { name: b } ]
            relationships:
              - { from: a, to: b, type: many-to-many, through: B }
            """;
        OnlyErrorAt(yaml, "DuplicateEntity", "B }");
    }

    [Fact]
    public void AttributeDeclaredTwiceIsDuplicateAttribute()
    {
        var yaml = WithAttributes("{ name: Email, type: email }", "{ name: email, type: text }");
        OnlyErrorAt(yaml, "DuplicateAttribute", "email,");
    }

    [Theory]
    [InlineData("{ name: id, type: uuid }", "id")]
    [InlineData("{ name: created_at, type: timestamp }", "created_at")]
    [InlineData("{ name: UpdatedAt, type: timestamp }", "UpdatedAt")]
    public void AttributeNamedLikeAGeneratedColumnIsColumnCollision(string attribute, string marker)
    {
        OnlyErrorAt(WithAttributes(attribute), "ColumnCollision", marker);
    }

    [Fact]
    public void GeneratedColumnsFollowConventionsAndOverrides()
    {
        const string yaml = """
            application: { name: A, tenancy: multi }
            conventions: { timestamps: false, softDelete: true }
            entities:
              - name: a
                timestamps: true
                attributes:
                  - { name: deleted_at, type: timestamp }
              - name: b
                tenantScoped: false
                attributes:
                  - { name: created_at, type: timestamp }
                  - { name: tenant_id, type: uuid }
              - name: c
                attributes:
                  - { name: tenant_id, type: uuid }
            """;
        var result = Read(yaml);
        var collisions = result.Errors.Where(e => e.ErrorId == "ColumnCollision").Select(e => e.Target).ToArray();
        Assert.Equal(new object[] { "deleted_at", "tenant_id" }, collisions);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void AttributeNamedLikeARelationshipForeignKeyIsColumnCollision()
    {
        const string yaml = """
            application: { name: A }
            entities:
              - name: customer
              - name: order
                attributes:
                  - { name: customer_id, type: uuid }
            relationships:
              - { from: customer, to: order, type: one-to-many }
            """;
        var error = OnlyErrorAt(yaml, "ColumnCollision", "customer_id");
        Assert.Contains("name:", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void JunctionAttributeNamedLikeAJunctionKeyIsColumnCollision()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: order }, { name: product } ]
            relationships:
              - from: order
                to: product
                type: many-to-many
                through: order_item
                attributes:
                  - { name: product_id, type: uuid }
            """;
        OnlyErrorAt(yaml, "ColumnCollision", "product_id");
    }

    [Fact]
    public void AccessPatternDeclaredTwiceIsDuplicateAccessPattern()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a } ]
            accessPatterns:
              - { name: by id, entity: a, where: [id] }
              - { name: By Id, entity: a, where: [id] }
            """;
        OnlyErrorAt(yaml, "DuplicateAccessPattern", "By Id");
    }

    [Fact]
    public void TwoRelationshipsWithTheSameForeignKeyAreDuplicateForeignKeyColumn()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: customer }, { name: order } ]
            relationships:
              - { from: customer, to: order, type: one-to-many }
              - { from: customer, to: order, type: one-to-one }
            """;
        var error = OnlyErrorAt(yaml, "DuplicateForeignKeyColumn", "order", 3);
        Assert.Contains("customer_id", error.Message, StringComparison.Ordinal);
        Assert.Contains("name:", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void RolesMakeTwoForeignKeysToTheSameEntityDistinct()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: customer }, { name: order } ]
            relationships:
              - { from: customer, to: order, type: one-to-many }
              - { from: customer, to: order, type: one-to-many, name: billing_customer, required: false, onDelete: set-null }
            accessPatterns:
              - { name: billed, entity: order, where: [billingCustomerId, customer_id] }
            """;
        var requirement = ReadValid(yaml);
        Assert.Equal("billing_customer", requirement.Relationships[1].Role);
        Assert.False(requirement.Relationships[1].Required);
        Assert.Equal(Core.Requirements.DeleteAction.SetNull, requirement.Relationships[1].OnDelete);
    }

    [Fact]
    public void RelationshipToAnUndeclaredEntityIsUnknownEntity()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: customer }, { name: order } ]
            relationships:
              - { from: custommer, to: order, type: one-to-many }
            """;
        var error = OnlyErrorAt(yaml, "UnknownEntity", "custommer");
        Assert.Contains("Did you mean 'customer'?", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public void AccessPatternOnAnUndeclaredEntityIsUnknownEntity()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: order } ]
            accessPatterns:
              - { name: p, entity: orders, where: [id] }
            """;
        var error = OnlyErrorAt(yaml, "UnknownEntity", "orders");
        Assert.Contains("'order'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessPatternColumnTheEntityLacksIsUnknownColumn()
    {
        const string yaml = """
            application: { name: A }
            entities:
              - name: order
                attributes: [ { name: status, type: text } ]
            accessPatterns:
              - { name: p, entity: order, where: [statuss], orderBy: [created_at desc] }
            """;
        var error = OnlyErrorAt(yaml, "UnknownColumn", "statuss");
        Assert.Contains("Did you mean 'status'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("created_at", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void SetNullOnARequiredForeignKeyIsInvalidRelationship()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a }, { name: b } ]
            relationships:
              - { from: a, to: b, type: one-to-many, onDelete: set-null }
            """;
        var error = OnlyErrorAt(yaml, "InvalidRelationship", "set-null");
        Assert.Contains("required: false", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ThroughOnOneToManyIsInvalidRelationship()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a }, { name: b } ]
            relationships:
              - { from: a, to: b, type: one-to-many, through: a_b }
            """;
        OnlyErrorAt(yaml, "InvalidRelationship", "through");
    }

    [Fact]
    public void ManyToManyWithoutThroughIsMissingRequiredKey()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a }, { name: b } ]
            relationships:
              - { from: a, to: b, type: many-to-many }
            """;
        var error = OnlyErrorAt(yaml, "MissingRequiredKey", "{ from");
        Assert.Contains("through", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void LanguageWithFuzzySearchIsInvalidAccessPattern()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a, attributes: [ { name: title, type: text } ] } ]
            accessPatterns:
              - { name: p, entity: a, search: [title], fuzzy: true, language: english }
            """;
        OnlyErrorAt(yaml, "InvalidAccessPattern", "language");
    }

    [Fact]
    public void YamlSyntaxErrorNamesLineAndColumn()
    {
        const string yaml = "application:\n  name: A\nentities:\n  - name: a\n    attributes: [ { name: b, type: int }\n";
        var result = Read(yaml);
        var error = Assert.Single(result.Errors);
        Assert.Equal("YamlSyntaxError", error.ErrorId);
        Assert.Equal(ErrorKind.SyntaxError, error.Kind);
        Assert.Equal(Source, error.Location!.File);
        Assert.True(error.Location.Line >= 5, "The error is at or after the unclosed bracket on line 5: " + error);
        Assert.True(error.Location.Column >= 1);
        Assert.DoesNotContain("(Line:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TabIndentationIsAYamlSyntaxErrorAtTheTab()
    {
        const string yaml = "application:\n\tname: A\n";
        var error = OnlyError(yaml, "YamlSyntaxError", 2, 1);
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateYamlKeyIsAYamlSyntaxError()
    {
        const string yaml = "application: { name: A }\nentities: [ { name: a } ]\nengine: auto\nengine: mysql\n";
        var result = Read(yaml);
        Assert.Equal("YamlSyntaxError", Assert.Single(result.Errors).ErrorId);
        Assert.Equal(4, result.Errors[0].Location!.Line);
    }

    [Fact]
    public void UnclosedFlowListBeforeANewKeyIsAYamlSyntaxErrorNotACrash()
    {
        // YamlDotNet throws InvalidOperationException (no position) for this text; the reader still locates it.
        const string yaml = "application: { name: A }\nentities: [ { name: a }\nengine: auto\n";
        var result = Read(yaml);
        var error = Assert.Single(result.Errors);
        Assert.Equal("YamlSyntaxError", error.ErrorId);
        Assert.Equal(2, error.Location!.Line);
    }

    [Fact]
    public void UnclosedQuoteIsAYamlSyntaxErrorAtTheQuote()
    {
        const string yaml = "application: { name: 'A }\nentities: [ { name: a } ]\n";
        OnlyErrorAt(yaml, "YamlSyntaxError", "'A");
    }

    [Fact]
    public void UnsafeReferenceToNoEntityIsUnsafeIdentifier()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a } ]
            relationships:
              - { from: a, to: "b; drop table a", type: one-to-many }
            """;
        OnlyErrorAt(yaml, "UnsafeIdentifier", "\"b; drop");
    }

    [Fact]
    public void UnsafeColumnReferenceIsUnsafeIdentifier()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a } ]
            accessPatterns:
              - { name: p, entity: a, where: ["id; --"] }
            """;
        OnlyErrorAt(yaml, "UnsafeIdentifier", "\"id;");
    }
}
