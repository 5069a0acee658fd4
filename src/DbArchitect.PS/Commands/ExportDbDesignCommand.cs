using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Export;

namespace DbArchitect.PS.Commands;

/// <summary>Writes a design folder (numbered SQL files, er.mmd, design.md, design.json) all-or-nothing.</summary>
[Cmdlet(VerbsData.Export, "DbDesign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExportResult))]
public sealed class ExportDbDesignCommand : DbArchitectCmdlet
{
    private const int ProgressId = 0x0DBA;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    // ValueFromPipelineByPropertyName makes a delay-bind script block work: -Path { "./out/$($_.Application)" }.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var design = Design!;
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!TryCore(() => DesignExporter.Plan(design), folder, Subjects.DesignFolder, out var files))
        {
            return;
        }

        var action = string.Format(CultureInfo.InvariantCulture, "Write {0} design files", files.Count);
        if (!ShouldProcess(folder, action))
        {
            return;
        }

        var progress = new ProgressRecord(ProgressId, "Export-DbDesign", $"{action} for {design.Application} ({design.EngineDisplayName})")
        {
            CurrentOperation = folder,
            PercentComplete = 0,
        };
        WriteProgress(progress);
        try
        {
            if (TryCore(() => DesignExporter.Export(design, folder, Force.IsPresent), folder, Subjects.DesignFolder, out var result))
            {
                WriteObject(result);
            }
        }
        finally
        {
            progress.PercentComplete = 100;
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
