using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

public sealed class PipelineGateTests
{
    [Fact]
    public void FailOn_warning_counts_warning_error_and_critical()
    {
        var verdict = FailOnGate.Evaluate(ReportSamples.Findings(), ReportLevel.Warning);
        Assert.True(verdict.Failed);
        Assert.Equal(3, verdict.AtOrAbove);
        Assert.Equal("3 findings at Warning or above (Critical 1, Error 1, Warning 1; Info 1, Skipped 1, Pass 1)", verdict.Summary);
    }

    [Fact]
    public void FailOn_critical_passes_a_run_with_only_warnings()
    {
        var findings = ReportSamples.Findings().Where(f => f.Level != ReportLevel.Critical).ToList();
        var verdict = FailOnGate.Evaluate(findings, ReportLevel.Critical);
        Assert.False(verdict.Failed);
        Assert.Equal(0, verdict.AtOrAbove);
    }

    [Fact]
    public void Baseline_hides_known_problems_but_reports_new_ones_and_keeps_pass_rows()
    {
        var old = ReportSamples.Findings().Where(f => f.RuleId != "PG_TXID_WRAPAROUND").ToList();
        var baseline = ReportBaseline.Parse(ReportBaseline.From(old).ToJson());
        Assert.Equal(3, baseline.Count);
        var fresh = baseline.OnlyNew(ReportSamples.Findings());
        Assert.Equal(new[] { "PG_FK_WITHOUT_INDEX", "PG_TXID_WRAPAROUND", "PG_AMCHECK" }, fresh.Select(f => f.RuleId));
        Assert.Equal(ReportLevel.Pass, fresh[0].Level);
    }

    [Fact]
    public void Fingerprint_ignores_the_message_figures_but_not_the_target()
    {
        var a = new ReportFinding("R1", "t", "c", ReportLevel.Warning, "12 dead rows", "public.a");
        Assert.Equal(ReportFingerprint.Of(a), ReportFingerprint.Of(a with { Message = "9000 dead rows" }));
        Assert.NotEqual(ReportFingerprint.Of(a), ReportFingerprint.Of(a with { Target = "public.b" }));
    }

    [Fact]
    public void Malformed_baseline_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ReportBaseline.Parse("{\"version\":1}"));
        Assert.Throws<FormatException>(() => ReportBaseline.Parse("not json"));
    }

    [Fact]
    public void GitHub_annotations_appear_only_under_GitHub_Actions_and_escape_their_text()
    {
        Assert.Null(CiAnnotations.Detect(_ => null));
        var ci = CiAnnotations.Detect(name => name == "GITHUB_ACTIONS" ? "true" : null);
        var lines = CiAnnotations.For(ci, ReportSamples.Findings());
        Assert.Equal(3, lines.Count);
        Assert.Contains("::error file=migrations/001_init.sql,line=3,col=5,title=LINT001::Line breaks%0Aand 50%25 ; ] , : survive", lines);
        Assert.Contains("::warning title=PG_FK_WITHOUT_INDEX public.orders.orders_customer_fk::Foreign key orders_customer_fk has no index on (customer_id); 12000 rows.", lines);
    }

    [Fact]
    public void Azure_DevOps_annotations_use_logissue_with_its_escaping()
    {
        var ci = CiAnnotations.Detect(name => name == "TF_BUILD" ? "True" : null);
        Assert.Equal("azure-devops", ci);
        var lines = CiAnnotations.For(ci, ReportSamples.Findings());
        Assert.Equal(3, lines.Count);
        Assert.Contains("##vso[task.logissue type=error;sourcepath=migrations/001_init.sql;linenumber=3;columnnumber=5;code=LINT001]Line breaks%0Aand 50%AZP25 %3B %5D , : survive", lines);
    }

    [Fact]
    public void Markdown_summary_lists_problems_worst_first_with_escaped_cells()
    {
        var md = MarkdownReportWriter.Write(ReportSamples.Report());
        Assert.StartsWith("## Health check of postgresql://127.0.0.1:5432/shop\n", md, StringComparison.Ordinal);
        Assert.Contains("| Critical | `PG_TXID_WRAPAROUND` | shop | Age 1.6e9 of 2^31 \\<\"danger\"\\> & \\| pipes |", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("| Critical | `PG_TXID", StringComparison.Ordinal) < md.IndexOf("| Warning | `PG_FK", StringComparison.Ordinal));
        Assert.Contains("1 passed, 1 skipped.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_report_has_counts_and_every_finding_with_its_fingerprint()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(JsonReportWriter.Write(ReportSamples.Report()));
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("Critical").GetInt32());
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(6, findings.Count);
        Assert.All(findings, f => Assert.Equal(64, f.GetProperty("fingerprint").GetString()!.Length));
    }

    [Fact]
    public void Report_file_is_not_overwritten_without_force()
    {
        var folder = Directory.CreateTempSubdirectory("dbarch-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "out", "report.xml");
            ReportFile.Write(path, "one", force: false);
            Assert.Throws<IOException>(() => ReportFile.Write(path, "two", force: false));
            Assert.Equal("one", File.ReadAllText(path));
            ReportFile.Write(path, "two", force: true);
            Assert.Equal("two", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
