using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Requirements;
using Xunit;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// Calibration on a real database: rows of known widths and null shares, ANALYZE, then the requirement's attributes
/// take the figures pg_stats reports (one query), and a schema without statistics is a clear error.
/// </summary>
public sealed class WidthCalibrationTests
{
    private const string Yaml = """
        application: { name: Shop }
        entities:
          - name: customer
            attributes:
              - { name: full_name, type: string(200), required: true }
              - { name: bio, type: text }
              - { name: nickname, type: string(40) }
        """;

    [Fact]
    public void Attributes_take_the_widths_and_null_shares_the_live_statistics_report()
    {
        using var db = PostgresServer.CreateScratch("calibrate");
        using (var connection = db.Open())
        {
            Execute(connection, """
                CREATE TABLE public.customer (id bigint PRIMARY KEY, full_name text NOT NULL, bio text, nickname text);
                INSERT INTO public.customer
                SELECT g, repeat('n', 6 + g % 3), CASE WHEN g % 10 < 7 THEN NULL ELSE repeat('b', 140) END, NULL
                FROM generate_series(1, 20000) AS g;
                ANALYZE public.customer;
                """);
        }

        var requirement = RequirementsReader.Read(Yaml, "shop.yaml").Requirement!;
        var calibrated = LiveWidthCalibration.Calibrate(requirement, "postgresql", PostgresServer.For(db.Name), "public");

        var attributes = calibrated.Entities.Single().Attributes.ToDictionary(a => a.Name);
        Assert.InRange(attributes["full_name"].AverageLength!.Value, 6, 8);
        Assert.Equal(140, attributes["bio"].AverageLength);
        Assert.InRange(attributes["bio"].NullShare!.Value, 0.65, 0.75);
        Assert.Equal(1.0, attributes["nickname"].NullShare);
        Assert.Contains("schema public", attributes["bio"].ProfileSource, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", attributes["bio"].ProfileSource!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_schema_without_statistics_is_a_clear_error()
    {
        using var db = PostgresServer.CreateScratch("calibrateempty");
        var requirement = RequirementsReader.Read(Yaml, "shop.yaml").Requirement!;

        var error = Assert.Throws<DbArchitectException>(() => LiveWidthCalibration.Calibrate(requirement, "postgresql", PostgresServer.For(db.Name), "public")).Errors.Single();

        Assert.Equal("CalibrationStatisticsMissing", error.ErrorId);
        Assert.Contains("ANALYZE", error.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static void Execute(Npgsql.NpgsqlConnection connection, string sql)
    {
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
