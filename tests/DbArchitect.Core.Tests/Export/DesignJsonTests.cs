// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using System.Text.Json;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Export;

public sealed class DesignJsonTests
{
    private static string Json() =>
        DesignExporter.Plan(ShopDesign.Build(), SampleScripts.Build()).Single(f => f.RelativePath == "design.json").Content;

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => Enumerable.Empty<JsonElement>(),
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }

    [Fact]
    public void ParsesAndCarriesTheTopLevelSectionsInOrder()
    {
        using var json = JsonDocument.Parse(Json());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            new[]
            {
                "formatVersion", "application", "engine", "requirement", "logical", "physical", "decisions", "warnings", "scripts",
                "technologies", "supportingTechnologies", "capacityForecast", "queryTemplates", "maintenance", "security", "roadmap",
            },
            names);
        Assert.Equal(1, json.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal("postgresql", json.RootElement.GetProperty("engine").GetProperty("id").GetString());
    }

    [Fact]
    public void ADesignedExampleCarriesEveryArchitecturePartAsData()
    {
        var requirement = DbArchitect.Core.Requirements.RequirementsReader.Load(Path.Combine(TestPaths.Examples, "saas-projects.yaml"));
        var design = DbArchitect.Core.Design.DesignEngine.Create(requirement);
        using var json = JsonDocument.Parse(DesignExporter.Plan(design).Single(f => f.RelativePath == "design.json").Content);
        var root = json.RootElement;
        Assert.Equal(design.Technologies.Count, root.GetProperty("technologies").GetArrayLength());
        Assert.Equal(design.QueryTemplates.Count, root.GetProperty("queryTemplates").GetArrayLength());
        Assert.Equal(design.Roadmap.Count, root.GetProperty("roadmap").GetArrayLength());
        Assert.Equal(design.CapacityForecast.Tables.Count, root.GetProperty("capacityForecast").GetProperty("tables").GetArrayLength());
        Assert.True(root.GetProperty("configuration").GetProperty("settings").GetArrayLength() > 10);
        foreach (var part in new[] { "backup", "maintenance", "security", "distribution", "supportingTechnologies" })
        {
            Assert.True(root.TryGetProperty(part, out _), part);
        }
    }

    [Fact]
    public void RequirementSourceIsAFileNameAndNoStringIsAnAbsolutePath()
    {
        using var json = JsonDocument.Parse(Json());
        Assert.Equal("shop.yaml", json.RootElement.GetProperty("requirement").GetProperty("source").GetString());
        var strings = Descendants(json.RootElement).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(strings);
        Assert.DoesNotContain(strings, s => Path.IsPathRooted(s) || s.Contains("/home/", StringComparison.Ordinal));
    }

    [Fact]
    public void EnumsAreStringsAndTypesAreCanonicalText()
    {
        using var json = JsonDocument.Parse(Json());
        var tables = json.RootElement.GetProperty("physical").GetProperty("tables");
        var junction = tables.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "order_item");
        Assert.Equal("junction", junction.GetProperty("kind").GetString());
        var order = tables.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "order");
        var total = order.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "total");
        Assert.Equal("decimal(12,2)", total.GetProperty("type").GetString());
        Assert.Equal("numeric(12,2)", total.GetProperty("nativeType").GetString());
        Assert.Equal("ordered", order.GetProperty("indexes")[0].GetProperty("method").GetString());
        var logicalTotal = json.RootElement.GetProperty("logical").GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "order").GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "total");
        Assert.False(logicalTotal.TryGetProperty("nativeType", out _));
    }

    [Fact]
    public void ScriptsAreListedWithPathAndDescription()
    {
        using var json = JsonDocument.Parse(Json());
        var scripts = json.RootElement.GetProperty("scripts").EnumerateArray().ToList();
        Assert.Equal(new[] { "001_extensions.sql", "002_tables.sql", "queries/customer_order_history.sql" }, scripts.Select(s => s.GetProperty("path").GetString()));
        Assert.Equal("Tables | keys", scripts[1].GetProperty("description").GetString());
        Assert.False(scripts[2].GetProperty("buildStep").GetBoolean());
    }

    [Fact]
    public void OutputIsStableAndUsesLfLineEndings()
    {
        var first = Json();
        Assert.Equal(first, Json());
        Assert.DoesNotContain('\r', first);
        Assert.Contains("\"name\": \"catégorie produit\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("string(200)")]
    [InlineData("char(2)")]
    [InlineData("decimal(12,2)")]
    [InlineData("money")]
    [InlineData("timestamp")]
    [InlineData("enum(active, suspended)")]
    [InlineData("array of array of string(20)")]
    public void LogicalTypesRoundTripThroughTheirCanonicalText(string text)
    {
        var type = LogicalTypeJsonConverter.Parse(text);
        Assert.NotNull(type);
        Assert.Equal(text, type.ToString());
        var json = JsonSerializer.Serialize(type, DesignJsonWriterSource.SerializerOptions);
        Assert.Equal(type, JsonSerializer.Deserialize<LogicalType>(json, DesignJsonWriterSource.SerializerOptions));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("string(x)")]
    [InlineData("varchar(20)")]
    [InlineData("array of nothing")]
    public void NonCanonicalTypeTextIsRejected(string text) => Assert.Null(LogicalTypeJsonConverter.Parse(text));
}
