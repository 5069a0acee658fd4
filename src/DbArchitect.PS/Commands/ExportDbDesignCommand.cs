using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;

namespace DbArchitect.PS.Commands;

/// <summary>Writes a design folder (numbered SQL files, er.mmd, design.md, design.json) all-or-nothing.</summary>
[Cmdlet(VerbsData.Export, "DbDesign", HelpUri = HelpUriBase + "Export-DbDesign.psd1", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DesignSet)]
[OutputType(typeof(ExportResult))]
public sealed class ExportDbDesignCommand : DbArchitectCmdlet
{
    private const int ProgressId = 0x0DBA;

    private const string DesignSet = "Design";
    private const string SourceSet = "InputObject";

    private readonly List<IScriptSource> _sources = new();
    private string? _sourceFolder;

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DesignSet)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    /// <summary>Index recommendations, partition plans, migration steps: anything that carries its own scripts.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = SourceSet)]
    [ValidateNotNull]
    public IScriptSource? InputObject { get; set; }

    // ValueFromPipelineByPropertyName makes a delay-bind script block work: -Path { "./out/$($_.Application)" }.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (InputObject is { } source)
        {
            // Sources come one object at a time (one recommendation each) and go to one folder: write them at the end.
            _sources.Add(source);
            _sourceFolder = folder;
            return;
        }

        var design = Design!;
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
            if (TryCore(() => DesignExporter.Export(design, files, folder, Force.IsPresent), folder, Subjects.DesignFolder, out var result))
            {
                Write(result);
            }
        }
        finally
        {
            progress.PercentComplete = 100;
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    protected override void EndProcessing()
    {
        if (_sources.Count == 0 || _sourceFolder is not { } folder)
        {
            return;
        }

        if (!TryCore(() => ScriptExporter.Plan(_sources), folder, Subjects.DesignFolder, out var files))
        {
            return;
        }

        var title = _sources.Count == 1 ? _sources[0].Title : string.Format(CultureInfo.InvariantCulture, "{0} inputs", _sources.Count);
        if (ShouldProcess(folder, string.Format(CultureInfo.InvariantCulture, "Write {0} SQL files of {1}", files.Count, title))
            && TryCore(() => ScriptExporter.Export(_sources, folder, Force.IsPresent), folder, Subjects.DesignFolder, out var result))
        {
            Write(result);
        }
    }

    private void Write(ExportResult result)
    {
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Wrote {0} files ({1}) to {2}.", result.Files.Count, result.Engine, result.Path));
        foreach (var leftover in result.Leftovers)
        {
            WriteWarning(leftover.Message);
        }

        WriteObject(result);
    }
}
