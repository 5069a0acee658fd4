using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Indexing;

namespace DbArchitect.Core.Tests.PostgreSql;

/// <summary>PostgreSQL server logs (log_min_duration_statement) read as a workload: calls and time per normalized statement.</summary>
public sealed class PostgreSqlStatementLogTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "workloads", name);

    [Fact]
    public void StderrLogAggregatesCallsAndTimePerNormalizedStatement()
    {
        var statements = WorkloadFile.Read(Fixture("postgresql-stderr.log"));
        Assert.Equal(4, statements.Count);
        var history = statements[0];
        Assert.Equal(("SELECT id, total FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 20", 2.0, 22.345), (history.Text, history.Weight, history.TotalMilliseconds!.Value));
        Assert.Equal("postgresql-stderr.log: 2 calls, 22.345 ms", history.Source);
    }

    [Fact]
    public void ExecuteEntriesTakeTheirParametersAndParseAndBindDoNotCount()
    {
        var open = WorkloadFile.Read(Fixture("postgresql-stderr.log"))[1];
        Assert.Equal("SELECT * FROM orders WHERE status = 'pending' AND created_at >= '2026-11-01'", open.Text);
        Assert.Equal((2.0, 95.5), (open.Weight, open.TotalMilliseconds!.Value));
    }

    [Fact]
    public void MultiLineStatementsJoinTheirTabbedContinuationLinesAndInListsAggregate()
    {
        var statements = WorkloadFile.Read(Fixture("postgresql-stderr.log"));
        var join = statements[2];
        Assert.Equal("SELECT c.email, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.status IN ('active', 'suspended') GROUP BY c.email", join.Text);
        Assert.Equal(2, join.Weight);
        Assert.Equal("UPDATE orders SET status = 'shipped' WHERE id = 1001", statements[3].Text);
        Assert.DoesNotContain(statements, s => s.Text.StartsWith("BEGIN", StringComparison.Ordinal) || s.Text.Contains("nope", StringComparison.Ordinal));
    }

    [Fact]
    public void CsvLogIsRecognizedWithoutAHeaderAndReadTheSameWay()
    {
        var statements = WorkloadFile.Read(Fixture("postgresql-csvlog.csv"));
        Assert.Equal(3, statements.Count);
        Assert.Equal((2.0, 21.345), (statements[0].Weight, statements[0].TotalMilliseconds!.Value));
        Assert.Equal("SELECT * FROM orders WHERE status = 'pending' AND created_at >= '2026-11-01'", statements[1].Text);
        Assert.Equal("SELECT c.email, count(*) FROM customers c WHERE c.status = 'active' GROUP BY c.email", statements[2].Text);
    }

    [Fact]
    public void PgStatStatementsCsvExportIsStillReadAsBefore()
    {
        var statements = WorkloadFile.ParseCsv("query,calls\n\"SELECT 1 FROM t WHERE a = $1\",12\n", "w.csv");
        Assert.Equal(12, Assert.Single(statements).Weight);
        Assert.False(PostgreSqlStatementLog.IsCsvLog("query,calls\n\"SELECT 1\",12\n"));
    }

    [Fact]
    public void NormalizationReplacesLiteralsParametersAndInListsButNotIdentifiers()
    {
        Assert.Equal("SELECT a1 FROM t2 WHERE b = ? AND c IN (?) AND d > ?",
            PostgreSqlStatementLog.Normalize("SELECT a1 FROM t2 WHERE b = 'x''y' AND c IN (1, 2,3) AND d > $1"));
    }
}
