using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public void Output_validates_against_the_JUnit_schema()
    {
        var errors = Validate(JUnitReportWriter.Write(ReportSamples.Report()));
        Assert.Empty(errors);
    }

    [Fact]
    public void Schema_rejects_a_testcase_without_a_name_so_validation_can_fail()
    {
        var errors = Validate("<testsuites tests=\"1\" failures=\"0\" errors=\"0\"><testsuite name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase classname=\"c\"/></testsuite></testsuites>");
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Each_failing_finding_has_one_failure_element_and_passes_have_none()
    {
        var doc = XDocument.Parse(JUnitReportWriter.Write(ReportSamples.Report()));
        var cases = doc.Descendants("testcase").ToList();
        Assert.Equal(6, cases.Count);
        Assert.Equal(3, cases.Count(c => c.Element("failure") is not null));
        Assert.Equal("3", doc.Root!.Attribute("failures")!.Value);
        Assert.Equal("1", doc.Root!.Attribute("skipped")!.Value);
        var pass = cases.Single(c => c.Attribute("name")!.Value.Contains("items_order_fk", StringComparison.Ordinal));
        Assert.Empty(pass.Elements());
        var critical = cases.Single(c => c.Attribute("name")!.Value.StartsWith("PG_TXID_WRAPAROUND", StringComparison.Ordinal));
        Assert.Equal("Critical", critical.Element("failure")!.Attribute("type")!.Value);
        Assert.Contains("<\"danger\"> & | pipes", critical.Element("failure")!.Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_findings_in_another_order_give_the_same_bytes()
    {
        var reversed = new PipelineReport("DbArchitect.PS", "1.0.0", "Health check of postgresql://127.0.0.1:5432/shop", ReportSamples.Findings().Reverse());
        Assert.Equal(JUnitReportWriter.Write(ReportSamples.Report()), JUnitReportWriter.Write(reversed));
    }

    private static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Reporting", "junit.xsd"));
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
