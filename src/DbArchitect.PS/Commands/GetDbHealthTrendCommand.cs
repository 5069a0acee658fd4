using System.Management.Automation;
using DbArchitect.Core.Health;
using DbArchitect.Core.History;
using DbArchitect.Core.Reporting;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Reads the last runs of a health history (Save-DbHealthHistory's) and returns, per finding, what happened to it: new
/// since the previous run, resolved, persistent. -AsMarkdown or -OutputPath gives the Markdown trend report instead.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DbHealthTrend", HelpUri = HelpUriBase + "Get-DbHealthTrend.psd1", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HealthTrendItem), typeof(string))]
public sealed class GetDbHealthTrendCommand : DbArchitectCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? ConnectionString { get; set; }

    [Parameter]
    [ValidateRange(1, 1000)]
    public int Last { get; set; } = 10;

    // A string, not the Core enum: a value-type parameter of a Core type would make PowerShell load Core before the module's load context is wired.
    [Parameter]
    [ValidateSet("Info", "Warning", "Critical")]
    public string MinimumSeverity { get; set; } = "Info";

    [Parameter]
    public SwitchParameter AsMarkdown { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void EndProcessing()
    {
        var target = CallCoreOrStop(() => HealthHistoryStore.Target(ConnectionString!), "-ConnectionString", "HealthHistory");
        WriteVerbose($"Reading the last {Last} run(s) of the health history {target.Description}");
        using var session = CallCoreOrStop(() => HealthHistoryStore.Open(target, write: false), target.Description, "HealthHistory");
        var minimum = Enum.Parse<HealthStatus>(MinimumSeverity, ignoreCase: true);
        var trend = CallCoreOrStop(() => { var (runs, rows) = HealthHistoryStore.Read(session, Last); return HealthTrend.Compute(runs, rows, minimum); }, target.Description, "HealthHistory");
        WriteVerbose($"{trend.Runs.Count} run(s), {trend.Items.Count} finding(s) in the window.");

        if (OutputPath is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
            if (ShouldProcess(path, "Write the Markdown health trend report"))
            {
                var written = CallCoreOrStop(() => ReportFile.Write(path, HealthTrendMarkdown.Render(trend), Force.IsPresent), path, "HealthTrendReport");
                WriteVerbose($"Wrote {written}");
            }
        }

        if (AsMarkdown)
        {
            WriteObject(CallCoreOrStop(() => HealthTrendMarkdown.Render(trend), target.Description, "HealthTrendReport"));
        }
        else if (OutputPath is null)
        {
            WriteObject(trend.Items, enumerateCollection: true);
        }
    }
}
