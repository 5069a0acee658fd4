using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.MariaDb;

/// <summary>
/// The near template on MariaDB, as the application runs it: the couriers design built by its own scripts, a login
/// holding only the design's writer role, 3,000 couriers loaded by that login (most of them in one city, the rest
/// spread over the country), and the statement run as written (? placeholders in order). It must return the ten
/// nearest available couriers inside the box, ranked as computed here from every row, and EXPLAIN must show the
/// pattern's index as the access path.
/// </summary>
public sealed class MariaDbNearSearchTests
{
    private const string Pattern = "couriers near a pickup";

    [Fact]
    public void TheNearTemplateReturnsTheNearestRowsInsideTheBoxThroughItsIndexAsTheWriterRole()
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "near", "couriers.yaml")), "mariadb");
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-maria-near-" + Guid.NewGuid().ToString("N"));
        var login = "near_" + Guid.NewGuid().ToString("N")[..12];
        const string password = "near-test-Pw1";
        using var scratch = MariaDbServer.CreateScratch("near");
        using var admin = MariaDbServer.Open(scratch.Name);
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            MariaDbServer.ApplyWithClient(scratch.Name, result.Files
                .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .Select(f => Path.Combine(folder, f.RelativePath)));
            var writerRole = WriterRole(folder, result);
            MariaDbServer.Execute(admin, $"CREATE USER '{login}'@'%' IDENTIFIED BY '{password}'");
            MariaDbServer.Execute(admin, $"GRANT `{writerRole}` TO '{login}'@'%'");
            MariaDbServer.Execute(admin, $"SET DEFAULT ROLE `{writerRole}` FOR '{login}'@'%'");

            using var app = new MySqlConnection(new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString)
            {
                UserID = login, Password = password, Database = scratch.Name,
            }.ConnectionString);
            app.Open();
            Load(app);
            MariaDbServer.Execute(admin, "ANALYZE TABLE courier");

            const double lat = 52.50, lon = 13.38, radiusKm = 7;
            var scale = Math.Cos(lat * Math.PI / 180);
            double dLat = radiusKm / 111.32, dLon = radiusKm / (111.32 * scale);
            var expected = MariaDbServer.Rows(app, "SELECT full_name, latitude, longitude, status FROM courier")
                .Select(r => (Name: (string)r["full_name"]!, Lat: (double)r["latitude"]!, Lon: (double)r["longitude"]!, Status: (string)r["status"]!))
                .Where(r => r.Status == "available" && r.Lat >= lat - dLat && r.Lat <= lat + dLat && r.Lon >= lon - dLon && r.Lon <= lon + dLon)
                .OrderBy(r => (r.Lat - lat) * (r.Lat - lat) + (r.Lon - lon) * scale * (r.Lon - lon) * scale)
                .Take(10).Select(r => r.Name).ToList();
            Assert.Equal(10, expected.Count);

            var template = design.QueryTemplates.Single(t => t.AccessPattern == Pattern);
            Assert.Equal(QueryShape.NearSearch, template.Shape);
            var statement = Assert.Single(template.Statements);
            var edges = new Dictionary<string, int>(StringComparer.Ordinal);
            var arguments = statement.Parameters.Select(p =>
            {
                var isLatitude = p.Column == "latitude";
                return (object)(p.Kind switch
                {
                    QueryParameterKind.Equals => "available",
                    QueryParameterKind.BoxEdge => (isLatitude ? lat : lon) + ((edges[p.Column] = edges.GetValueOrDefault(p.Column) + 1) == 1 ? -1 : 1) * (isLatitude ? dLat : dLon),
                    QueryParameterKind.Point => isLatitude ? lat : lon,
                    QueryParameterKind.LongitudeScale => scale,
                    _ => throw new InvalidOperationException($"unexpected parameter {p.Placeholder} {p.Kind}"),
                });
            }).ToList();

            Assert.Equal(expected, MariaDbServer.RowsPositional(app, statement.Sql, arguments).Select(r => (string)r["full_name"]!).ToList());
            var plan = MariaDbServer.RowsPositional(app, "EXPLAIN " + statement.Sql, arguments);
            var index = Assert.Single(template.ServingIndexes);
            Assert.Contains(plan, row => string.Equals(row["key"] as string, index, StringComparison.Ordinal));
        }
        finally
        {
            MariaDbServer.Execute(admin, $"DROP USER IF EXISTS '{login}'@'%'");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The writer role the security script created (the design names it after the application).</summary>
    private static string WriterRole(string folder, ExportResult result)
    {
        var security = result.Files.Single(f => f.RelativePath.EndsWith("_security.sql", StringComparison.Ordinal));
        var line = File.ReadLines(Path.Combine(folder, security.RelativePath))
            .Single(l => l.StartsWith("GRANT SELECT, INSERT, UPDATE, DELETE", StringComparison.Ordinal));
        return line[(line.LastIndexOf(" TO ", StringComparison.Ordinal) + 4)..].TrimEnd(';').Trim('`');
    }

    /// <summary>
    /// 2,400 couriers in Berlin and 600 over Germany, a third of each available, inserted by the application's login in
    /// one transaction; the design's defaults fill the key and the timestamps.
    /// </summary>
    private static void Load(MySqlConnection app)
    {
        var random = new Random(42);
        var statuses = new[] { "offline", "available", "busy" };
        using var transaction = app.BeginTransaction();
        using var insert = new MySqlCommand("INSERT INTO courier (full_name, status, latitude, longitude) VALUES (@name, @status, @lat, @lon)", app, transaction);
        var name = insert.Parameters.Add("@name", MySqlDbType.VarChar);
        var status = insert.Parameters.Add("@status", MySqlDbType.VarChar);
        var latitude = insert.Parameters.Add("@lat", MySqlDbType.Double);
        var longitude = insert.Parameters.Add("@lon", MySqlDbType.Double);
        for (var i = 0; i < 3000; i++)
        {
            var city = i < 2400;
            name.Value = "courier " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            status.Value = statuses[random.Next(3)];
            latitude.Value = city ? 52.52 + (random.NextDouble() - 0.5) * 0.8 : 47.5 + random.NextDouble() * 7.5;
            longitude.Value = city ? 13.40 + (random.NextDouble() - 0.5) * 1.2 : 6.0 + random.NextDouble() * 9.0;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
