using DbArchitect.Core.Design;

namespace DbArchitect.Integration.Tests.Sqlite;

/// <summary>
/// The near template on SQLite: the couriers design applied, 3,000 couriers spread over one city, and the statement
/// run as written (numbered ?N placeholders) must return the ten nearest available couriers inside the box, ranked as
/// computed here from every row, through the pattern's index (EXPLAIN QUERY PLAN).
/// </summary>
public sealed class SqliteNearSearchTests
{
    [Fact]
    public void TheNearTemplateReturnsTheNearestRowsInsideTheBoxThroughItsIndex()
    {
        using var applied = new SqliteAppliedDesign("tests/fixtures/near/couriers.yaml");
        var table = applied.Design.Physical.FindTable("courier")!;
        using (var transaction = applied.Connection.BeginTransaction())
        {
            for (var i = 0; i < 3000; i++)
            {
                applied.Insert(table);
            }

            transaction.Commit();
        }

        var random = new Random(42);
        var statuses = new[] { "offline", "available", "busy" };
        foreach (var id in applied.Rows("SELECT rowid AS r FROM courier").Select(r => (long)r["r"]!))
        {
            applied.Execute("UPDATE courier SET latitude = $lat, longitude = $lon, status = $status WHERE rowid = $id",
                ("$lat", 52.52 + (random.NextDouble() - 0.5) * 0.8), ("$lon", 13.40 + (random.NextDouble() - 0.5) * 1.2),
                ("$status", statuses[random.Next(3)]), ("$id", id));
        }

        applied.Execute("ANALYZE");
        const double lat = 52.50, lon = 13.38, radiusKm = 7;
        var scale = Math.Cos(lat * Math.PI / 180);
        double dLat = radiusKm / 111.32, dLon = radiusKm / (111.32 * scale);
        var expected = applied.Rows("SELECT full_name, latitude, longitude, status FROM courier")
            .Select(r => (Name: (string)r["full_name"]!, Lat: (double)r["latitude"]!, Lon: (double)r["longitude"]!, Status: (string)r["status"]!))
            .Where(r => r.Status == "available" && r.Lat >= lat - dLat && r.Lat <= lat + dLat && r.Lon >= lon - dLon && r.Lon <= lon + dLon)
            .OrderBy(r => (r.Lat - lat) * (r.Lat - lat) + (r.Lon - lon) * scale * (r.Lon - lon) * scale)
            .Take(10).Select(r => r.Name).ToList();
        Assert.Equal(10, expected.Count);

        var template = applied.Design.QueryTemplates.Single(t => t.AccessPattern == "couriers near a pickup");
        Assert.Equal(QueryShape.NearSearch, template.Shape);
        var statement = Assert.Single(template.Statements);
        var edges = new Dictionary<string, int>(StringComparer.Ordinal);
        var arguments = statement.Parameters.Select(p =>
        {
            var isLatitude = p.Column == "latitude";
            object value = p.Kind switch
            {
                QueryParameterKind.Equals => "available",
                QueryParameterKind.BoxEdge => (isLatitude ? lat : lon) + ((edges[p.Column] = edges.GetValueOrDefault(p.Column) + 1) == 1 ? -1 : 1) * (isLatitude ? dLat : dLon),
                QueryParameterKind.Point => isLatitude ? lat : lon,
                QueryParameterKind.LongitudeScale => scale,
                _ => throw new InvalidOperationException($"unexpected parameter {p.Placeholder} {p.Kind}"),
            };
            return (p.Placeholder, (object?)value);
        }).ToArray();

        Assert.Equal(expected, applied.Rows(statement.Sql, arguments).Select(r => (string)r["full_name"]!).ToList());
        var plan = string.Join("\n", applied.Rows("EXPLAIN QUERY PLAN " + statement.Sql, arguments).Select(r => (string)r["detail"]!));
        Assert.Contains(Assert.Single(template.ServingIndexes), plan, StringComparison.Ordinal);
    }
}
