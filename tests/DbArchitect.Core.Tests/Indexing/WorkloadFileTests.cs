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
