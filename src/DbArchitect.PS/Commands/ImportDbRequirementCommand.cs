using System.Management.Automation;
using DbArchitect.Core.Requirements;

namespace DbArchitect.PS.Commands;

/// <summary>Reads requirements files (format 1) into DbRequirement objects, reporting every error of every file.</summary>
[Cmdlet(VerbsData.Import, "DbRequirement", HelpUri = HelpUriBase + "Import-DbRequirement.psd1", DefaultParameterSetName = PathSet)]
[OutputType(typeof(DbRequirement))]
public sealed class ImportDbRequirementCommand : DbArchitectCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var (requirement, _) in ReadRequirements(literal ? LiteralPath : Path, literal))
        {
            WriteObject(requirement);
        }
    }
}
