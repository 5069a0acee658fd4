using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using Npgsql;
using Xunit;

namespace DbArchitect.Integration.Tests.Indexing;

/// <summary>
/// A workload captured from the real server's log: this session alone sets log_min_duration_statement = 0, runs
/// simple-protocol and parameterized (extended-protocol) statements, reads its part of the server log back with
/// pg_read_file, and the advisor explains the aggregated statements on the same server.
/// </summary>
public sealed class ServerLogWorkloadTests
{
    /// <summary>
    /// Where pg_ctlcluster writes the server's stderr (logging_collector is off on the test server): Debian names it
    /// after the cluster, the last folder of data_directory, so test.sh --fresh's throw-away cluster is found too.
    /// </summary>
    private static string LogFileOf(NpgsqlConnection connection) =>
        Environment.GetEnvironmentVariable("DBARCHITECT_PG_LOG") is { Length: > 0 } configured
            ? configured
            : $"/var/log/postgresql/postgresql-15-{Path.GetFileName((string)Scalar(connection, "SHOW data_directory")!)}.log";

    [Fact]
    public void CapturedLogBecomesAWorkloadTheServerExplainsAndAdvises()
    {
        using var database = PostgresServer.CreateScratch("ixlog");
        string captured;
        using (var connection = database.Open())
        {
            Run(connection, """
                CREATE TABLE ixlog_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL, total numeric(12,2) NOT NULL);
                INSERT INTO ixlog_orders (customer_id, status, created_at, total)
                SELECT g % 5000, (ARRAY['pending','paid','shipped','cancelled'])[1 + g % 4], timestamptz '2026-01-01' + g * interval '1 minute', g % 997
                FROM generate_series(1, 60000) g;
                ANALYZE ixlog_orders;
                CREATE EXTENSION hypopg;
                """);
            var logFile = LogFileOf(connection);
            var start = Convert.ToInt64(Scalar(connection, $"SELECT size FROM pg_stat_file('{logFile}')"), System.Globalization.CultureInfo.InvariantCulture);
            Run(connection, "SET log_min_duration_statement = 0");
            for (var customer = 1; customer <= 5; customer++)
            {
                Run(connection, $"SELECT id, total FROM ixlog_orders WHERE customer_id = {customer} ORDER BY created_at DESC LIMIT 20");
            }

            for (var i = 0; i < 3; i++)
            {
                using var command = new NpgsqlCommand("SELECT id, total\nFROM ixlog_orders\nWHERE status = $1 AND created_at >= $2", connection);
                command.Parameters.AddWithValue("pending");
                command.Parameters.AddWithValue(new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                }
            }

            Run(connection, "RESET log_min_duration_statement");
            var end = Convert.ToInt64(Scalar(connection, $"SELECT size FROM pg_stat_file('{logFile}')"), System.Globalization.CultureInfo.InvariantCulture);
            captured = (string)Scalar(connection, $"SELECT pg_read_file('{logFile}', {start}, {end - start})")!;
        }

        var statements = new PostgreSqlStatementLog().Parse(captured, "server.log").Where(s => s.Text.Contains("ixlog_orders", StringComparison.Ordinal)).ToList();
        var history = Assert.Single(statements, s => s.Text.Contains("customer_id", StringComparison.Ordinal));
        Assert.Equal(5, history.Weight);
        Assert.True(history.TotalMilliseconds > 0);
        var open = Assert.Single(statements, s => s.Text.Contains("status", StringComparison.Ordinal));
        Assert.Equal(3, open.Weight);
        Assert.Contains("status = 'pending'", open.Text, StringComparison.Ordinal);

        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database.Name)));
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = statements }, new IndexAdvisorOptions(), notes, null);
        Assert.Equal(2, workload.Queries.Count);
        Assert.Contains(advice.Recommendations, r => r.Action == RecommendationAction.Create && r.Confidence == "WhatIf" && r.Columns[0] == "customer_id"
            && r.Reason.Contains(history.Id, StringComparison.Ordinal));
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
