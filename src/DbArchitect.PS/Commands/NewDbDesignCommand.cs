using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Requirements;

namespace DbArchitect.PS.Commands;

/// <summary>Designs a database from requirements: the engine-neutral model plus the physical design for one engine.</summary>
[Cmdlet(VerbsCommon.New, "DbDesign", HelpUri = HelpUriBase + "New-DbDesign.psd1", DefaultParameterSetName = RequirementSet)]
[OutputType(typeof(DbDesign))]
public sealed class NewDbDesignCommand : DbArchitectCmdlet
{
    private const string RequirementSet = "Requirement";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = RequirementSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbRequirement? Requirement { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter]
    [ArgumentCompleter(typeof(EngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Engine { get; set; }

    /// <summary>A live database whose column statistics calibrate the typical widths and null shares of the forecast.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CalibrationConnectionString { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CalibrationSchema { get; set; }

    protected override void BeginProcessing() => StopOnUnknownEngine(Engine);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == RequirementSet)
        {
            Design(Requirement!, Requirement!.SourcePath);
            return;
        }

        foreach (var (requirement, file) in ReadRequirements(Path))
        {
            Design(requirement, file);
        }
    }

    private void Design(DbRequirement requirement, string target)
    {
        if (TryCore(() => DesignEngine.Create(Calibrated(requirement), Engine), target, Subjects.Design, out var design))
        {
            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture, "Designed {0} for {1}: {2} tables, {3} indexes, {4} decisions, {5} warnings.",
                design.Application, design.EngineDisplayName, design.TableCount, design.IndexCount, design.Decisions.Count, design.Warnings.Count));
            if (design.EngineFallback is { } fallback)
            {
                WriteWarning(fallback);
            }

            WriteObject(design);
        }
    }

    private DbRequirement Calibrated(DbRequirement requirement) =>
        CalibrationConnectionString is null ? requirement : LiveWidthCalibration.Calibrate(requirement, Engine, CalibrationConnectionString, CalibrationSchema);
}
