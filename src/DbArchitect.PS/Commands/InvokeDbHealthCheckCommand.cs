using System.Collections;
using System.Management.Automation;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using DbArchitect.Core.Reporting;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Runs the health checks of a live database: one HealthCheckResult per check and target, worst first. Optionally
/// writes a pipeline report (JUnit, SARIF, Markdown, JSON), annotates the CI run, and fails on a threshold.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "DbHealthCheck", HelpUri = HelpUriBase + "Invoke-DbHealthCheck.psd1", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = LiveSet)]
[OutputType(typeof(HealthCheckResult))]
public sealed class InvokeDbHealthCheckCommand : DbArchitectLiveCmdlet
{
    private readonly List<HealthCheckResult> _results = new();

    private PipelineReportOutput? _reportOutput;

    private PipelineReportOutput Report => _reportOutput ??= new PipelineReportOutput(this, "Health");
    private HealthSettings? _settings;

    [Parameter]
    [ArgumentCompleter(typeof(HealthCheckIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Check { get; set; } = Array.Empty<string>();

    [Parameter]
    [ArgumentCompleter(typeof(HealthCheckIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] ExcludeCheck { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNull]
    public Hashtable? Threshold { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SettingsPath { get; set; }

    [Parameter]
    public SwitchParameter FailOnly { get; set; }

    [Parameter]
    [ValidateSet("Info", "Warning", "Critical")]
    public string? FailOn { get; set; }

    // A string, not the Core enum: a value-type field of a Core type would make PowerShell load Core before the module's load context is wired.
    [Parameter]
    [ValidateSet("JUnit", "Sarif", "Markdown", "Json")]
    public string? OutputFormat { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    [Parameter]
    public SwitchParameter UpdateBaseline { get; set; }

    [Parameter]
    public SwitchParameter Deep { get; set; }

    [Parameter]
    [ValidateRange(1, 86400)]
    public int DeepBudgetSeconds { get; set; } = 60;

    [Parameter]
    public SwitchParameter AllowExtensionCreate { get; set; }

    /// <summary>Where CI annotations go: Auto (GitHub Actions or Azure DevOps when the environment says so), None, GitHub or AzureDevOps.</summary>
    [Parameter]
    [ValidateSet("Auto", "None", "GitHub", "AzureDevOps")]
    public string Annotations { get; set; } = "Auto";

    protected override void BeginProcessing()
    {
        OutputFormat = Report.ResolveFormat(OutputFormat, OutputPath, UpdateBaseline, Baseline);
        CallCoreOrStop(() => { HealthCheckCatalog.RequireKnown(Check, ExcludeCheck); return true; }, "-Check", "HealthCheck");

        var settings = HealthSettings.Empty;
        if (SettingsPath is not null)
        {
            var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(SettingsPath);
            settings = CallCoreOrStop(() => Parsed(() => HealthSettings.Parse(File.ReadAllText(file)), "HealthSettingsInvalid", file), file, "HealthSettings");
        }

        if (Threshold is not null)
        {
            var thresholds = Threshold;
            settings = settings.Merge(CallCoreOrStop(() => Parsed(() => HealthSettings.FromDictionary(Unwrap(thresholds)), "HealthThresholdInvalid", "-Threshold"), "-Threshold", "HealthThreshold"));
        }

        _settings = settings;
    }

    protected override void ProcessRecord() => QueueTargets(target =>
    {
        // Creating an extension is the one change a health check can make to a server: it goes through ShouldProcess
        // (so -WhatIf creates nothing), and only an approved change gets a session that may write.
        var createExtensions = AllowExtensionCreate.IsPresent
            && ShouldProcess(target.Description, "Create the extensions the checks need when they are missing (CREATE EXTENSION amcheck with -Deep)");
        var options = new HealthRunOptions
        {
            Include = Check,
            Exclude = ExcludeCheck,
            Settings = _settings ?? HealthSettings.Empty,
            Deep = Deep.IsPresent,
            DeepBudget = TimeSpan.FromSeconds(DeepBudgetSeconds),
            AllowExtensionCreate = createExtensions,
        };
        return new TargetWork(new LiveSessionOptions { ReadOnly = !createExtensions }, (session, output) =>
            output.Objects.AddRange(HealthCheckRunner.Run(session, options, (_, _, _) => { })));
    });

    protected override void EndProcessing()
    {
        var baseline = Baseline is not null && !UpdateBaseline && File.Exists(BaselineFile)
            ? CallCoreOrStop(() => Report.ReadBaseline(BaselineFile), BaselineFile, "HealthBaseline")
            : null;
        RunSweep((_, objects) =>
        {
            IReadOnlyList<HealthCheckResult> results = objects.Cast<HealthCheckResult>().ToList();
            if (baseline is not null)
            {
                results = baseline.OnlyNew(results);
            }

            _results.AddRange(results);
            return HealthCheckResultOrder.WorstFirst(results).Where(r => !FailOnly || r.Status != HealthStatus.Pass);
        });

        // Engine and database name only: a SQLite target's description is a full file path, which reports must not carry.
        var title = "Health check of " + string.Join(", ", _results.Select(r => $"{r.Engine} {r.Database}").Distinct(StringComparer.Ordinal));
        if (SweptTargets.Count > 0)
        {
            Report.Publish(title, _results, Array.Empty<IReportFinding>(),
                new ReportOptions(OutputFormat, OutputPath, Force.IsPresent, Baseline is null ? null : BaselineFile, UpdateBaseline.IsPresent, Annotations));
        }

        // A gate must not pass on checks that never ran.
        if (FailOn is not null && FailedTargets.Count > 0)
        {
            throw ScriptTerminating(ToErrorRecord(new DbArchitectError(
                "HealthCheckIncomplete", ErrorKind.ConnectionError,
                $"Health check failed: {FailedTargets.Count} target(s) could not be checked: {string.Join(", ", FailedTargets)}.",
                "Fix the connection errors reported above, then run the health check again.", null), null));
        }

        if (SweptTargets.Count == 0)
        {
            return;
        }

        Report.Gate(FailOn, _results, title, "HealthCheckFailed", "Health check",
            "Fix the findings listed above, raise their thresholds, or exclude them with a reason (-SettingsPath).");
    }

    private string BaselineFile => SessionState.Path.GetUnresolvedProviderPathFromPSPath(Baseline!);

    /// <summary>Settings, thresholds and baselines report bad shapes as FormatException; the cmdlet names them as its own errors.</summary>
    private static T Parsed<T>(Func<T> parse, string errorId, string source)
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw new DbArchitectException(new DbArchitectError(errorId, ErrorKind.InvalidData, $"{System.IO.Path.GetFileName(source)}: {ex.Message}", "Correct it as docs/health-checks.md describes.", null));
        }
    }

    /// <summary>A hashtable from the command line with PowerShell's wrappers removed (values may be PSObjects or nested tables).</summary>
    private static Dictionary<string, object?> Unwrap(IDictionary table)
    {
        var plain = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            plain[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = value is IDictionary nested ? Unwrap(nested) : value;
        }

        return plain;
    }
}
