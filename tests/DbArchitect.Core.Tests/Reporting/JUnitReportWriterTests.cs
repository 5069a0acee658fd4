using System.Xml.Linq;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public void Output_validates_against_the_common_JUnit_schema()
    {
        var errors = ReportSchemas.ValidateJUnit(JUnitReportWriter.Write(ReportSamples.Report()));
        Assert.Empty(errors);
    }

    [Fact]
    public void Schema_rejects_a_testcase_without_a_name_so_validation_can_fail()
    {
        var errors = ReportSchemas.ValidateJUnit("<testsuites tests=\"1\" failures=\"0\" errors=\"0\"><testsuite name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase classname=\"c\"/></testsuite></testsuites>");
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Schema_rejects_an_undocumented_attribute_so_extensions_are_only_the_documented_ones()
    {
        var errors = ReportSchemas.ValidateJUnit("<testsuites><testsuite name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"n\" file=\"a.sql\" column=\"3\"/></testsuite></testsuites>");
        Assert.Single(errors);
    }

    [Fact]
    public void Every_suite_has_a_time_and_the_run_start_as_timestamp_and_every_case_a_time()
    {
        var doc = XDocument.Parse(JUnitReportWriter.Write(ReportSamples.Report()));
        Assert.Equal("1.234", doc.Root!.Attribute("time")!.Value);
        Assert.All(doc.Descendants("testsuite"), suite =>
        {
            Assert.Equal("2026-12-07T14:30:05", suite.Attribute("timestamp")!.Value);
            Assert.NotNull(suite.Attribute("time"));
        });
        Assert.All(doc.Descendants("testcase"), c => Assert.Matches(@"^\d+\.\d{3}$", c.Attribute("time")!.Value));
    }

    [Fact]
    public void A_case_time_is_the_rows_elapsed_time_and_a_suite_time_their_sum()
    {
        var findings = new IReportFinding[]
        {
            new ReportFinding("A", "A", "Cat", ReportLevel.Pass, "ok.") { Elapsed = TimeSpan.FromMilliseconds(250) },
            new ReportFinding("B", "B", "Cat", ReportLevel.Warning, "bad.") { Elapsed = TimeSpan.FromMilliseconds(1500) },
        };
        var doc = XDocument.Parse(JUnitReportWriter.Write(new PipelineReport("DbArchitect.PS", "1.0.0", "t", findings, ReportSamples.StartedAt, TimeSpan.FromSeconds(2))));
        Assert.Equal(new[] { "0.250", "1.500" }, doc.Descendants("testcase").Select(c => c.Attribute("time")!.Value));
        Assert.Equal("1.750", doc.Descendants("testsuite").Single().Attribute("time")!.Value);
    }

    [Fact]
    public void Each_failing_finding_has_one_failure_element_and_passes_have_none()
    {
        var doc = XDocument.Parse(JUnitReportWriter.Write(ReportSamples.Report()));
        var cases = doc.Descendants("testcase").ToList();
        Assert.Equal(6, cases.Count);
        Assert.Equal(3, cases.Count(c => c.Element("failure") is not null));
        Assert.Equal("3", doc.Root!.Attribute("failures")!.Value);
        Assert.Equal(1, doc.Descendants("testsuite").Sum(suite => int.Parse(suite.Attribute("skipped")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        var pass = cases.Single(c => c.Attribute("name")!.Value.Contains("items_order_fk", StringComparison.Ordinal));
        Assert.Empty(pass.Elements());
        var critical = cases.Single(c => c.Attribute("name")!.Value.StartsWith("PG_TXID_WRAPAROUND", StringComparison.Ordinal));
        Assert.Equal("Critical", critical.Element("failure")!.Attribute("type")!.Value);
        Assert.Contains("<\"danger\"> & | pipes", critical.Element("failure")!.Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_findings_in_another_order_give_the_same_bytes()
    {
        var reversed = new PipelineReport("DbArchitect.PS", "1.0.0", "Health check of postgresql://127.0.0.1:5432/shop", ReportSamples.Findings().Reverse(), ReportSamples.StartedAt, ReportSamples.Elapsed);
        Assert.Equal(JUnitReportWriter.Write(ReportSamples.Report()), JUnitReportWriter.Write(reversed));
    }
}
