using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// A near pattern's template as the application runs it: the couriers design applied, 20,000 couriers loaded and
/// moved into one city (most of them far from the point, a few hundred near it), the session the app role, the
/// queries file prepared; the template's statement must return exactly the ten nearest available couriers inside the
/// box (ranked by the same equirectangular distance computed here from every row), through the pattern's index.
/// </summary>
public sealed class NearSearchTests
{
    [Fact]
    public void TheNearTemplateReturnsTheNearestRowsInsideTheBoxThroughItsIndex()
    {
        var spec = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "near", "couriers.yaml");
        using var applied = new AppliedDesign(DesignEngine.Create(RequirementsReader.Load(spec), "postgresql"), "near");
        SampleLoad.Load(applied, 20_000);
        var design = applied.Design;
        var table = design.Physical.FindTable("courier")!;
        var template = design.QueryTemplates.Single(t => t.AccessPattern == "couriers near a pickup");
        Assert.Equal(QueryShape.NearSearch, template.Shape);
        var index = Assert.Single(template.ServingIndexes);

        using var db = applied.Database.Open();
        AppliedDesign.Execute(db, "SELECT setseed(0.42)");
        AppliedDesign.Execute(db, $"UPDATE {applied.Q(table)} SET latitude = 52.52 + (random() - 0.5) * 0.8, longitude = 13.40 + (random() - 0.5) * 1.2, "
            + "status = (ARRAY['offline', 'available', 'busy'])[1 + floor(random() * 3)::int]::" + StatusType(db, applied));
        AppliedDesign.Execute(db, $"ANALYZE {applied.Q(table)}");

        // Every row, to rank here what the statement must return.
        var rows = new List<(string Name, double Lat, double Lon, string Status)>();
        using (var all = new Npgsql.NpgsqlCommand($"SELECT full_name, latitude, longitude, status::text FROM {applied.Q(table)}", db))
        using (var reader = all.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3)));
            }
        }

        const double lat = 52.50, lon = 13.38, radiusKm = 3;
        var scale = Math.Cos(lat * Math.PI / 180);
        double dLat = radiusKm / 111.32, dLon = radiusKm / (111.32 * scale);
        var expected = rows
            .Where(r => r.Status == "available" && r.Lat >= lat - dLat && r.Lat <= lat + dLat && r.Lon >= lon - dLon && r.Lon <= lon + dLon)
            .OrderBy(r => (r.Lat - lat) * (r.Lat - lat) + (r.Lon - lon) * scale * (r.Lon - lon) * scale)
            .Take(10).Select(r => r.Name).ToList();
        Assert.Equal(10, expected.Count);

        var app = design.Security.Roles.Single(r => r.Name == design.Physical.Schema + "_app").Name;
        AppliedDesign.Execute(db, $"SET ROLE {applied.Quote(app)}");
        AppliedDesign.Execute(db, EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.Kind == ScriptKind.Queries).Text);
        var statement = Assert.Single(template.Statements);
        var edges = new Dictionary<string, int>(StringComparer.Ordinal);
        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        string Value(QueryParameter p)
        {
            var isLatitude = p.Column == "latitude";
            switch (p.Kind)
            {
                case QueryParameterKind.Equals:
                    return "available";
                case QueryParameterKind.BoxEdge:
                    // The filters come lower edge first, then upper, for latitude and then longitude.
                    edges[p.Column] = edges.GetValueOrDefault(p.Column) + 1;
                    var half = isLatitude ? dLat : dLon;
                    return Number((isLatitude ? lat : lon) + (edges[p.Column] == 1 ? -half : half));
                case QueryParameterKind.Point:
                    return Number(isLatitude ? lat : lon);
                case QueryParameterKind.LongitudeScale:
                    return Number(scale);
                default:
                    throw new InvalidOperationException($"unexpected parameter {p.Placeholder} {p.Kind}");
            }
        }

        var arguments = string.Join(", ", statement.Parameters.Select(p => $"'{Value(p)}'::{p.NativeType}"));
        var execute = $"EXECUTE {applied.Quote(statement.Name)}({arguments})";

        var got = new List<string>();
        using (var command = new Npgsql.NpgsqlCommand(execute, db))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                got.Add(reader.GetString(0));
            }
        }

        Assert.Equal(expected, got);
        var plan = string.Join("\n", Rows(db, "EXPLAIN " + execute));
        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private static string StatusType(Npgsql.NpgsqlConnection db, AppliedDesign applied) =>
        (string)AppliedDesign.Scalar(db, $"SELECT atttypid::regtype::text FROM pg_attribute WHERE attrelid = '{applied.Q(applied.Design.Physical.FindTable("courier")!)}'::regclass AND attname = 'status'")!;

    private static List<string> Rows(Npgsql.NpgsqlConnection db, string sql)
    {
        using var command = new Npgsql.NpgsqlCommand(sql, db);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
