using DbArchitect.Core.Partitioning;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>
/// List and hash plans applied to an empty table on the real PostgreSQL 15: every row lands in the partition its value
/// or hash bucket names, unlisted values go to DEFAULT and the alert query reports them.
/// </summary>
public sealed class PostgreSqlListHashPartitionTests
{
    [Fact]
    public void List_plan_routes_every_listed_value_to_its_partition_and_the_alert_reports_unlisted_values_in_default()
    {
        using var db = PostgresServer.CreateScratch("partlist");
        var script = Plan("postgresql", new PartitionRequest { Strategy = PartitionStrategy.List, Column = "kind", ListValues = new[] { "click", "view" } });
        var files = Write(script);
        Assert.Equal(new[] { "parent", "alert-default-rows" }, script.Steps.Select(s => s.Name));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"], files["parent"] });
        using var connection = db.Open();
        Assert.Equal(new[] { "event_click", "event_default", "event_view" }, Partitions(connection, "public.event"));

        Execute(connection, "INSERT INTO public.event (kind, created_at) SELECT (ARRAY['click','view','buy'])[1 + g % 3], now() FROM generate_series(1, 300) AS g");
        foreach (var (partition, value) in new[] { ("event_click", "click"), ("event_view", "view"), ("event_default", "buy") })
        {
            Assert.Equal(100L, Scalar(connection, $"SELECT count(*) FROM ONLY public.{partition}"));
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM ONLY public.{partition} WHERE kind::text <> '{value}'"));
        }

        var alert = AlertRow(connection, files["alert-default-rows"]);
        Assert.Equal(100L, alert["rows_in_default"]);
        Assert.Equal("buy", alert["unlisted_values"]);
        Execute(connection, "DELETE FROM public.event WHERE kind = 'buy'");
        Assert.Equal(0L, AlertRow(connection, files["alert-default-rows"])["rows_in_default"]);
    }

    [Fact]
    public void Hash_plan_puts_every_row_in_the_bucket_its_hash_names_and_fills_every_bucket()
    {
        using var db = PostgresServer.CreateScratch("parthash");
        var script = Plan("postgresql", new PartitionRequest { Strategy = PartitionStrategy.Hash, Column = "id", HashPartitions = 8 });
        var files = Write(script);
        Assert.Equal(new[] { "parent" }, script.Steps.Select(s => s.Name));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"] });
        using var connection = db.Open();
        Execute(connection, "INSERT INTO public.event (kind, created_at) SELECT 'click', now() FROM generate_series(1, 4000)");
        var partitions = Partitions(connection, "public.event");
        Assert.Equal(Enumerable.Range(0, 8).Select(i => "event_h" + i).Order(StringComparer.Ordinal), partitions);
        for (var remainder = 0; remainder < 8; remainder++)
        {
            var rows = (long)Scalar(connection, $"SELECT count(*) FROM ONLY public.event_h{remainder}")!;
            Assert.True(rows > 300, $"bucket {remainder} holds {rows} of 4000 rows");
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM ONLY public.event_h{remainder} WHERE NOT satisfies_hash_partition('public.event'::regclass, 8, {remainder}, id)"));
        }

        Assert.Equal(4000L, Scalar(connection, "SELECT count(*) FROM public.event"));
    }

    /// <summary>Runs the alert script's query and returns its one row by column name.</summary>
    internal static Dictionary<string, object?> AlertRow(Npgsql.NpgsqlConnection connection, string file)
    {
        using var command = new Npgsql.NpgsqlCommand(File.ReadAllText(file), connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i), StringComparer.Ordinal);
    }
}
