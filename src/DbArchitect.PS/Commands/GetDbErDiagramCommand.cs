using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Model;

namespace DbArchitect.PS.Commands;

/// <summary>Renders the Mermaid erDiagram of a design's physical model, or of any schema model.</summary>
[Cmdlet(VerbsCommon.Get, "DbErDiagram", HelpUri = HelpUriBase + "Get-DbErDiagram.psd1", DefaultParameterSetName = DesignSet)]
[OutputType(typeof(string))]
public sealed class GetDbErDiagramCommand : DbArchitectCmdlet
{
    private const string DesignSet = "Design";
    private const string SchemaSet = "Schema";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = DesignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SchemaSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SchemaModel? Schema { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName != SchemaSet && Design!.FamilyModel is { } family)
        {
            WriteObject(family.Diagram);
            return;
        }

        var schema = ParameterSetName == SchemaSet ? Schema! : Design!.Physical;
        if (TryCore(() => MermaidErDiagram.Render(schema), schema.Name, Subjects.Diagram, out var text))
        {
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Rendered {0} tables of {1} as a Mermaid erDiagram ({2} lines).", schema.Tables.Count, schema.Name, text.Split('\n').Length));
            WriteObject(text);
        }
    }
}
