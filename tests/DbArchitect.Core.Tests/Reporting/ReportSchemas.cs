using System.Xml.Linq;
using System.Xml.Schema;
using NJsonSchema;

namespace DbArchitect.Core.Tests.Reporting;

/// <summary>
/// The published schemas the reports must satisfy (Reporting/Schemas, see its README): the OASIS SARIF 2.1.0 JSON
/// schema and the common JUnit XSD (Jenkins xunit-plugin's junit-10.xsd).
/// </summary>
internal static class ReportSchemas
{
    /// <summary>The attributes the module's JUnit files add beyond junit-10.xsd, on purpose (documented in Schemas/README.md).</summary>
    public static readonly IReadOnlyList<(string Element, string Attribute)> JUnitExtensions = new[] { ("testcase", "file"), ("testcase", "line") };

    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Reporting", "Schemas");

    private static readonly Lazy<JsonSchema> Sarif = new(() => JsonSchema.FromFileAsync(Path.Combine(Folder, "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    /// <summary>Every schema violation of a SARIF text, as "path: kind" lines; empty when valid.</summary>
    public static IReadOnlyList<string> ValidateSarif(string json) =>
        Sarif.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}").ToList();

    /// <summary>Every violation of junit-10.xsd, after removing only the documented extension attributes.</summary>
    public static IReadOnlyList<string> ValidateJUnit(string xml)
    {
        var document = XDocument.Parse(xml);
        foreach (var (element, attribute) in JUnitExtensions)
        {
            document.Descendants(element).Attributes(attribute).Remove();
        }

        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(Folder, "junit-10.xsd"));
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
