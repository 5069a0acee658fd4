using DbArchitect.Core.Indexing;

namespace DbArchitect.Core.Tests.Indexing;

public sealed class WorkloadFileTests
{
    [Fact]
    public void SplitsAtSemicolonsOutsideQuotesCommentsAndDollarQuotes()
    {
        var text = "-- weight: 120\nSELECT * FROM t WHERE a = 'x;y';\n/* ; */ SELECT $$;$$ FROM t;\n-- calls: 3\nUPDATE t SET \"we;ird\" = 1";
        var statements = WorkloadFile.Parse(text, "w.sql");
        Assert.Equal(3, statements.Count);
        Assert.Equal("SELECT * FROM t WHERE a = 'x;y'", statements[0].Text);
        Assert.Equal(120, statements[0].Weight);
        Assert.Equal("SELECT $$;$$ FROM t", statements[1].Text);
        Assert.Equal(1, statements[1].Weight);
        Assert.Equal(3, statements[2].Weight);
        Assert.Equal(new[] { "q1", "q2", "q3" }, statements.Select(s => s.Id));
    }
}

public sealed class WorkloadCsvTests
{
    [Fact]
    public void ReadsAPgStatStatementsExportWithCallsAsWeights()
    {
        var csv = "query,calls,total_exec_time\n\"SELECT * FROM t WHERE a = $1\",120,3.5\n\"SELECT b,\n  \"\"c\"\" FROM t\",7,1\n";
        var statements = WorkloadFile.ParseCsv(csv, "w.csv");
        Assert.Equal(2, statements.Count);
        Assert.Equal(("SELECT * FROM t WHERE a = $1", 120.0), (statements[0].Text, statements[0].Weight));
        Assert.Equal("SELECT b,\n  \"c\" FROM t", statements[1].Text);
        var error = Assert.Throws<DbArchitect.Core.Errors.DbArchitectException>(() => WorkloadFile.ParseCsv("sql,calls\nx,1\n", "w.csv"));
        Assert.Equal("WorkloadCsvHeaderMissing", error.Errors[0].ErrorId);
    }
}

public sealed class WorkloadLinesTests
{
    [Fact]
    public void AFileWithoutSemicolonsIsOneStatementPerLine()
    {
        var text = "SELECT * FROM t WHERE a = 1\n-- weight: 7\nSELECT b FROM t WHERE c > 2 ORDER BY c DESC LIMIT 5\n\nselect count(*) from u\n";
        var statements = WorkloadFile.Parse(text, "dexter.sql");
        Assert.Equal(new[] { "SELECT * FROM t WHERE a = 1", "SELECT b FROM t WHERE c > 2 ORDER BY c DESC LIMIT 5", "select count(*) from u" }, statements.Select(s => s.Text));
        Assert.Equal(new[] { 1.0, 7.0, 1.0 }, statements.Select(s => s.Weight));
    }

    [Fact]
    public void LinesThatDoNotBeginAStatementContinueTheOneBefore()
    {
        var text = "SELECT a\nFROM t\nWHERE b IN (\nSELECT b FROM u)\nSELECT 1 FROM t\nUNION ALL\nSELECT 2 FROM u\nUPDATE t SET a = 1 WHERE b = 2";
        var statements = WorkloadFile.Parse(text, "w.sql");
        Assert.Equal(new[] { "SELECT a FROM t WHERE b IN ( SELECT b FROM u)", "SELECT 1 FROM t UNION ALL SELECT 2 FROM u", "UPDATE t SET a = 1 WHERE b = 2" }, statements.Select(s => s.Text));
    }

    [Fact]
    public void AFileWithSemicolonsStillSplitsOnlyAtThem()
    {
        var statements = WorkloadFile.Parse("SELECT a FROM t\nWHERE b = 1;\nSELECT c FROM u;", "w.sql");
        Assert.Equal(new[] { "SELECT a FROM t WHERE b = 1", "SELECT c FROM u" }, statements.Select(s => s.Text));
    }
}
