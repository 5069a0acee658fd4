using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Requirements.Reading;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>The shipped JSON Schema must describe exactly what the reader accepts, so editors and the reader agree.</summary>
public sealed class RequirementsSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepositoryRoot, "module", "schemas", "requirements.schema.json");

    private static JsonDocument LoadSchema() => JsonDocument.Parse(File.ReadAllText(SchemaPath));

    private static JsonElement ObjectFor(JsonElement root, string definition) =>
        definition == "root" ? root : root.GetProperty("definitions").GetProperty(definition);

    [Fact]
    public void SchemaIsDraft07Json()
    {
        using var schema = LoadSchema();
        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void EveryObjectOfTheSchemaHasExactlyTheKeysTheReaderAccepts()
    {
        using var schema = LoadSchema();
        foreach (var (definition, keys) in RequirementKeys.BySchemaDefinition)
        {
            var element = ObjectFor(schema.RootElement, definition);
            var properties = element.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.True(keys.Order(StringComparer.Ordinal).SequenceEqual(properties),
                $"Schema '{definition}' has [{string.Join(", ", properties)}], the reader accepts [{string.Join(", ", keys.Order(StringComparer.Ordinal))}].");
            Assert.False(element.GetProperty("additionalProperties").GetBoolean(), $"Schema '{definition}' must set additionalProperties: false.");
        }
    }

    [Fact]
    public void EveryObjectDefinitionOfTheSchemaIsCheckedAgainstTheReader()
    {
        using var schema = LoadSchema();
        var objects = schema.RootElement.GetProperty("definitions").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("properties", out _))
            .Select(d => d.Name);
        Assert.All(objects, name => Assert.True(RequirementKeys.BySchemaDefinition.ContainsKey(name), $"Schema definition '{name}' has no reader key set."));
    }

    [Fact]
    public void EveryKeyHasADescription()
    {
        using var schema = LoadSchema();
        foreach (var definition in RequirementKeys.BySchemaDefinition.Keys)
        {
            foreach (var property in ObjectFor(schema.RootElement, definition).GetProperty("properties").EnumerateObject())
            {
                var hasDescription = property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 0
                    || property.Value.TryGetProperty("$ref", out _);
                Assert.True(hasDescription, $"{definition}.{property.Name} has no description.");
            }
        }
    }

    [Fact]
    public void EveryOptionalKeyStatesItsDefault()
    {
        using var schema = LoadSchema();
        foreach (var definition in RequirementKeys.BySchemaDefinition.Keys)
        {
            var element = ObjectFor(schema.RootElement, definition);
            var required = element.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet() : new HashSet<string?>();
            foreach (var property in element.GetProperty("properties").EnumerateObject())
            {
                if (required.Contains(property.Name) || property.Value.TryGetProperty("$ref", out _) && !property.Value.TryGetProperty("description", out _))
                {
                    continue;
                }

                var statesDefault = property.Value.TryGetProperty("default", out _)
                    || property.Value.GetProperty("description").GetString()!.Contains("Default:", StringComparison.Ordinal);
                Assert.True(statesDefault, $"{definition}.{property.Name} does not state its default.");
            }
        }
    }

    [Theory]
    [InlineData("application", "kind", nameof(EnumValues.ApplicationKinds))]
    [InlineData("application", "tenancy", nameof(EnumValues.Tenancies))]
    [InlineData("hardware", "storage", nameof(EnumValues.Storages))]
    [InlineData("conventions", "naming", nameof(EnumValues.NamingStyles))]
    [InlineData("conventions", "primaryKey", nameof(EnumValues.PrimaryKeys))]
    [InlineData("relationship", "type", nameof(EnumValues.RelationshipKinds))]
    [InlineData("relationship", "onDelete", nameof(EnumValues.DeleteActions))]
    public void SchemaEnumsListTheReadersWords(string definition, string key, string source)
    {
        using var schema = LoadSchema();
        var words = ObjectFor(schema.RootElement, definition).GetProperty("properties").GetProperty(key).GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToArray();
        var expected = source switch
        {
            nameof(EnumValues.ApplicationKinds) => EnumValues.ApplicationKinds.Select(c => c.Text),
            nameof(EnumValues.Tenancies) => EnumValues.Tenancies.Select(c => c.Text),
            nameof(EnumValues.Storages) => EnumValues.Storages.Select(c => c.Text),
            nameof(EnumValues.NamingStyles) => EnumValues.NamingStyles.Select(c => c.Text),
            nameof(EnumValues.PrimaryKeys) => EnumValues.PrimaryKeys.Select(c => c.Text),
            nameof(EnumValues.RelationshipKinds) => EnumValues.RelationshipKinds.Select(c => c.Text),
            _ => EnumValues.DeleteActions.Select(c => c.Text),
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SchemaEnginesAndLanguagesMatchTheReader()
    {
        using var schema = LoadSchema();
        var engine = schema.RootElement.GetProperty("properties").GetProperty("engine").GetProperty("anyOf");
        var engines = engine[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
        Assert.Equal(new[] { "auto" }.Concat(EngineRegistry.KnownEngineIds), engines);
        var pattern = engine[1].GetProperty("pattern").GetString()!;
        Assert.All(EngineRegistry.KnownEngineIds, id => Assert.Matches(pattern, " " + id.ToUpperInvariant() + " "));
        Assert.DoesNotMatch(pattern, "couchdb");
        var languages = ObjectFor(schema.RootElement, "accessPattern").GetProperty("properties").GetProperty("language").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!);
        Assert.Equal(EnumValues.SearchLanguages, languages);
    }

    /// <summary>
    /// The schema's engine property is written from the registry (<see cref="RequirementsSchemaEngines"/>); adding an
    /// engine to the registry fails this test until the file is regenerated with DBARCHITECT_UPDATE_GOLDEN=1.
    /// </summary>
    [Fact]
    public void CommittedSchemaEnginePropertyIsTheOneTheRegistryWrites()
    {
        var committed = File.ReadAllText(SchemaPath);
        var expected = RequirementsSchemaEngines.Apply(committed);
        if (Environment.GetEnvironmentVariable("DBARCHITECT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SchemaPath, expected);
            committed = expected;
        }

        Assert.True(committed.Replace("\r\n", "\n", StringComparison.Ordinal) == expected,
            "module/schemas/requirements.schema.json's engine property differs from the registry's: run this test with DBARCHITECT_UPDATE_GOLDEN=1 and review the diff.");
        Assert.Contains(RequirementsSchemaEngines.Property(), expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uuid", true)]
    [InlineData("String ( 200 )", true)]
    [InlineData("decimal(12,2)", true)]
    [InlineData("Timestamp", true)]
    [InlineData("enum(a, 'b c')", true)]
    [InlineData("array of string(50)", true)]
    [InlineData("strng(20)", false)]
    [InlineData("integer", false)]
    [InlineData("array of", false)]
    public void SchemaTypePatternAgreesWithTheReaderOnCommonTypes(string type, bool valid)
    {
        using var schema = LoadSchema();
        var pattern = ObjectFor(schema.RootElement, "logicalType").GetProperty("pattern").GetString()!;
        Assert.Equal(valid, Regex.IsMatch(type, pattern, RegexOptions.ECMAScript));
        Assert.Equal(valid, LogicalTypeParser.Parse(type, out _) is not null);
    }

    [Theory]
    [InlineData("customer", true)]
    [InlineData("Mixed Case-Name", true)]
    [InlineData("order", true)]
    [InlineData("a.b", false)]
    [InlineData("drop;table", false)]
    [InlineData(" padded", false)]
    public void SchemaIdentifierPatternAgreesWithTheReaderOnAsciiNames(string name, bool valid)
    {
        using var schema = LoadSchema();
        var pattern = ObjectFor(schema.RootElement, "identifier").GetProperty("pattern").GetString()!;
        Assert.Equal(valid, Regex.IsMatch(name, pattern));
        Assert.Equal(valid, IdentifierRules.Problem(name) is null);
    }
}
