using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Lint;
using DbArchitect.Core.Reporting;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Lints migration scripts (files, or SqlScript / migration-step objects from the pipeline) for statements that lock
/// busy tables, rewrite them, or lose data, and names the safe alternative. All inputs of one call are linted together
/// at the end, so -SameDeployment, the report file and -FailOn see every script.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "DbMigrationScript", HelpUri = HelpUriBase + "Test-DbMigrationScript.psd1", DefaultParameterSetName = InputSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(LintFinding))]
public sealed class TestDbMigrationScriptCommand : DbArchitectCmdlet
{
    private const string PathSet = "Path";
    private const string InputSet = "InputObject";
    private const string DefaultEngine = "postgresql";

    private readonly List<LintSource> _sources = new();
    private string? _pipelineEngine;
    private PipelineReportOutput? _reportOutput;

    private PipelineReportOutput Report => _reportOutput ??= new PipelineReportOutput(this, "MigrationLint");


    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Path { get; set; }

    /// <summary>SqlScript objects (ConvertTo-DbSql), migration steps or anything else that carries scripts (IScriptSource).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    [ValidateNotNull]
    public object? InputObject { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(LintEngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Engine { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(LintRuleCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Rule { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(LintRuleCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeRule { get; set; }

    // -FailOn and -OutputFormat are strings, as in Invoke-DbHealthCheck: a value-type field of a Core enum would make
    // PowerShell load Core while it scans this assembly at import, before the module's load context can resolve it.

    /// <summary>Stop with a terminating error when a finding reaches this level (after writing findings and report).</summary>
    [Parameter]
    [ValidateSet("Info", "Warning", "Error", "Critical")]
    public string? FailOn { get; set; }

    /// <summary>The report format; when left out, taken from -OutputPath's extension (.xml, .sarif, .md, .json).</summary>
    [Parameter]
    [ValidateSet("JUnit", "Sarif", "Markdown", "Json")]
    public string? OutputFormat { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    /// <summary>Replace an existing -OutputPath file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>A baseline file (Reporting's fingerprints): findings it holds are accepted and not reported again.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    /// <summary>Write this run's findings as the new -Baseline instead of filtering by it.</summary>
    [Parameter]
    public SwitchParameter UpdateBaseline { get; set; }

    /// <summary>The migration tool runs each file in a transaction (Flyway, Liquibase, Rails, Django).</summary>
    [Parameter]
    public SwitchParameter AssumeInTransaction { get; set; }

    /// <summary>The scripts are applied together in order: tables created by earlier ones are new to later ones.</summary>
    [Parameter]
    public SwitchParameter SameDeployment { get; set; }

    /// <summary>Target server major version (PostgreSQL 10 rewrites on any ADD COLUMN DEFAULT, 11 on enum ADD VALUE in a transaction).</summary>
    [Parameter]
    [ValidateRange(8, 99)]
    public int? ServerVersion { get; set; }

    /// <summary>Where CI annotations go: Auto (GitHub Actions or Azure DevOps when the environment says so), None, GitHub or AzureDevOps.</summary>
    [Parameter]
    [ValidateSet("Auto", "None", "GitHub", "AzureDevOps")]
    public string Annotations { get; set; } = "Auto";

    /// <summary>Also output findings silenced by dbarchitect-disable comments (Suppressed = $true).</summary>
    [Parameter]
    public SwitchParameter IncludeSuppressed { get; set; }

    protected override void BeginProcessing()
    {
        if (Engine is not null)
        {
            CallCoreOrStop(() => LintRuleCatalog.DialectFor(Engine), Engine, Subjects.Sql);
        }

        // The engine is known now unless scripts bring their own: a -Rule that names no rule fails before any input is read.
        if (Engine is not null || ParameterSetName == PathSet)
        {
            var engine = Engine ?? DefaultEngine;
            CallCoreOrStop(() => MigrationLinter.SelectRules(LintRuleCatalog.RulesFor(engine), Options(engine)), engine, Subjects.Sql);
        }

        OutputFormat = Report.ResolveFormat(OutputFormat, OutputPath, UpdateBaseline, Baseline);
    }

    protected override void ProcessRecord()
    {
        if (Path is not null)
        {
            var here = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            foreach (var file in ResolveFiles(Path, literal: false, "MigrationScriptNotFound", "migration script", ".sql"))
            {
                if (TryCore(() => File.ReadAllText(file), file, Subjects.Sql, out var text))
                {
                    _sources.Add(new LintSource(DisplayPath(here, file), text));
                }
            }

            return;
        }

        var input = InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject;
        switch (input)
        {
            case SqlScript script:
                Add(script);
                break;
            case IScriptSource source when TryCore(source.ToScripts, source.Title, Subjects.Sql, out var scripts):
                foreach (var script in scripts)
                {
                    Add(script);
                }

                break;
            case IScriptSource:
                break;
            case FileInfo file:
                if (TryCore(() => File.ReadAllText(file.FullName), file.FullName, Subjects.Sql, out var content))
                {
                    _sources.Add(new LintSource(DisplayPath(SessionState.Path.CurrentFileSystemLocation.ProviderPath, file.FullName), content));
                }

                break;
            case string text:
                _sources.Add(new LintSource(string.Empty, text));
                break;
            default:
                WriteError(new ErrorRecord(
                    new ArgumentException($"Cannot lint a {input?.GetType().Name}: pipe SqlScript objects, migration steps, files or SQL text."),
                    "MigrationScriptInputNotSupported", ErrorCategory.InvalidType, input));
                break;
        }
    }

    protected override void EndProcessing()
    {
        if (_sources.Count == 0)
        {
            return;
        }

        var options = Options(Engine ?? _pipelineEngine ?? DefaultEngine);
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Linting {0} script(s) for {1}.", _sources.Count, options.Engine));
        var findings = CallCoreOrStop(() => MigrationLinter.Lint(_sources, options), options.Engine, Subjects.Sql);
        IReadOnlyList<LintFinding> active = findings.Where(f => !f.Suppressed).ToArray();
        var baselineFile = Baseline is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Baseline);
        if (baselineFile is not null && !UpdateBaseline && File.Exists(baselineFile))
        {
            var baseline = CallCoreOrStop(() => Report.ReadBaseline(baselineFile), baselineFile, "LintBaseline");
            active = baseline.OnlyNew(active);
        }

        WriteObject(IncludeSuppressed.IsPresent ? active.Concat(findings.Where(f => f.Suppressed)).OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column) : active, enumerateCollection: true);

        var title = $"Migration lint ({options.Engine}) of {_sources.Count} script(s)";
        Report.Publish(title, active, LintCoverage.PassRows(options, active, _sources.Count),
            new ReportOptions(OutputFormat, OutputPath, Force.IsPresent, baselineFile, UpdateBaseline.IsPresent, Annotations));
        Report.Gate(FailOn, active, title, "MigrationLintFailed", "Migration lint",
            "Use the Fix of each finding, or suppress one with '-- dbarchitect-disable-next-line <rule-id> -- <reason>'.");
    }

    private LintOptions Options(string engine) => new(engine)
    {
        Rules = Rule ?? Array.Empty<string>(),
        ExcludeRules = ExcludeRule ?? Array.Empty<string>(),
        AssumeInTransaction = AssumeInTransaction.IsPresent,
        SameDeployment = SameDeployment.IsPresent,
        ServerMajorVersion = ServerVersion,
    };

    private void Add(SqlScript script)
    {
        _pipelineEngine ??= script.Engine;
        _sources.Add(new LintSource(script.RelativePath, script.Text));
    }

    /// <summary>Files under the current folder are reported relative to it (stable across machines), others in full.</summary>
    private static string DisplayPath(string here, string file)
    {
        var relative = System.IO.Path.GetRelativePath(here, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? file : relative).Replace('\\', '/');
    }
}
