using System.Diagnostics;
using System.Text.Json.Nodes;
using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.MongoDb;

/// <summary>
/// The near templates of queries.js run in node: with mongosh's <c>db</c> replaced by an object that returns the pipeline
/// it is given, calling a template shows the exact command document the server would receive — the point built from the
/// parameters longitude first, the index key, the filters, the radius and the limit. No MongoDB server runs here, so
/// whether the server answers it is not proven (the README says so).
/// </summary>
public sealed class MongoNearQueryTests
{
    private const string Harness = """
        const db = { getSiblingDB: () => ({ getCollection: (collection) => ({ aggregate: (pipeline) => ({ collection, pipeline }) }) }) };

        """;

    [Fact]
    public void The_courier_template_builds_a_geoNear_pipeline_with_the_longitude_first()
    {
        var result = Run("tests/fixtures/near/couriers.yaml", "couriers near a pickup",
            new JsonObject { ["latitude"] = 52.52, ["longitude"] = 13.405, ["status"] = "available", ["maxDistance"] = 1500 });
        Assert.Equal("courier", result["collection"]!.GetValue<string>());
        var expected = JsonNode.Parse("""
            [
              { "$geoNear": { "near": { "type": "Point", "coordinates": [13.405, 52.52] }, "key": "location", "query": { "status": "available" },
                              "maxDistance": 1500, "spherical": true, "distanceField": "distance" } },
              { "$limit": 10 },
              { "$project": { "full_name": 1, "location": 1, "distance": 1 } }
            ]
            """);
        Assert.True(JsonNode.DeepEquals(expected, result["pipeline"]), result.ToJsonString());
    }

    [Fact]
    public void The_hostile_template_reads_its_parameters_by_their_names_as_written()
    {
        var result = Run("tests/fixtures/near/hostile-positions.yaml", "nearest 'drivers' \"now\" \u2028 $near \\ </script>",
            new JsonObject { ["緯度 lat"] = 48.1, ["lon-g x"] = 11.6, ["zone id"] = "süd's", ["tenant_id"] = "t1", ["maxDistance"] = 800 });
        var geoNear = result["pipeline"]![0]!["$geoNear"]!;
        Assert.Equal("[11.6,48.1]", geoNear["near"]!["coordinates"]!.ToJsonString());
        Assert.Equal("""{"tenant_id":"t1","deleted_at":{"$type":"null"},"zone id":"süd's"}""", geoNear["query"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("location_2", geoNear["key"]!.GetValue<string>());
        Assert.Equal(5, result["pipeline"]![1]!["$limit"]!.GetValue<int>());
    }

    private static JsonObject Run(string spec, string pattern, JsonObject parameters)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mongodb");
        var queries = DesignExporter.Plan(design).Single(f => f.RelativePath == "mongodb/queries.js").Content;
        var script = Harness + queries + "\nprocess.stdout.write(JSON.stringify(queries[" + System.Text.Json.JsonSerializer.Serialize(pattern) + "](" + parameters.ToJsonString() + ")));\n";
        var path = Path.Combine(Path.GetTempPath(), "dbarch-mongo-near-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N") + ".js");
        File.WriteAllText(path, script);
        try
        {
            var start = new ProcessStartInfo(MongoScriptParseTests.Node.Value) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{spec}: queries.js failed in node: {error.Result}");
            return JsonNode.Parse(output)!.AsObject();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
