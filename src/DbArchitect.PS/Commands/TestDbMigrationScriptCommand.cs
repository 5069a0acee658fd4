using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Lint;
using DbArchitect.Core.Reporting;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Lints migration scripts (files, or SqlScript / migration-step objects from the pipeline) for statements that lock
/// busy tables, rewrite them, or lose data, and names the safe alternative. All inputs of one call are linted together
/// at the end, so -SameDeployment, the report file and -FailOn see every script.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "DbMigrationScript", DefaultParameterSetName = InputSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(LintFinding))]
public sealed class TestDbMigrationScriptCommand : DbArchitectCmdlet
{
    private const string PathSet = "Path";
    private const string InputSet = "InputObject";
    private const string DefaultEngine = "postgresql";

    private readonly List<LintSource> _sources = new();
    private string? _pipelineEngine;

    // Boxed, not ReportLevel?/ReportFormat? fields: a value-type field of a Core type would make PowerShell load Core
    // while it scans this assembly's types at import, before the module's load context can resolve it.
    private object? _failOn;
    private object? _outputFormat;

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

    /// <summary>Stop with a terminating error when a finding reaches this level (after writing findings and report).</summary>
    [Parameter]
    public ReportLevel FailOn
    {
        get => _failOn is ReportLevel level ? level : ReportLevel.Error;
        set => _failOn = value;
    }

    [Parameter]
    public ReportFormat OutputFormat
    {
        get => _outputFormat is ReportFormat format ? format : ReportFormat.Json;
        set => _outputFormat = value;
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    /// <summary>Replace an existing -OutputPath file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

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

    /// <summary>Also output findings silenced by dbarchitect-disable comments (Suppressed = $true).</summary>
    [Parameter]
    public SwitchParameter IncludeSuppressed { get; set; }

    protected override void BeginProcessing()
    {
        if (Engine is not null)
        {
            CallCoreOrStop(() => LintRuleCatalog.DialectFor(Engine), Engine, Subjects.Sql);
        }

        if ((_outputFormat is null) != (OutputPath is null))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-OutputFormat and -OutputPath go together: name the format and the file to write."),
                "LintReportNeedsFormatAndPath", ErrorCategory.InvalidArgument, OutputPath ?? _outputFormat?.ToString()));
        }
    }

    protected override void ProcessRecord()
    {
        if (Path is not null)
        {
            var here = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            foreach (var file in ResolveFiles(Path, literal: false, "MigrationScriptNotFound"))
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

        var options = new LintOptions(Engine ?? _pipelineEngine ?? DefaultEngine)
        {
            Rules = Rule ?? Array.Empty<string>(),
            ExcludeRules = ExcludeRule ?? Array.Empty<string>(),
            AssumeInTransaction = AssumeInTransaction.IsPresent,
            SameDeployment = SameDeployment.IsPresent,
            ServerMajorVersion = ServerVersion,
        };
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Linting {0} script(s) for {1}.", _sources.Count, options.Engine));
        var findings = CallCoreOrStop(() => MigrationLinter.Lint(_sources, options), options.Engine, Subjects.Sql);
        WriteObject(findings.Where(f => IncludeSuppressed.IsPresent || !f.Suppressed), enumerateCollection: true);

        var active = findings.Where(f => !f.Suppressed).ToArray();
        if (_outputFormat is ReportFormat format && OutputPath is { } path)
        {
            WriteReport(active, format, path, options.Engine);
        }

        if (_failOn is ReportLevel threshold && FailOnGate.Evaluate(active, threshold) is { Failed: true } verdict)
        {
            ThrowTerminatingError(new ErrorRecord(
                new DbArchitectCommandException($"Migration lint failed: {verdict.Summary}."),
                "MigrationLintFailed", ErrorCategory.InvalidResult, options.Engine));
        }
    }

    private void WriteReport(IReadOnlyList<LintFinding> findings, ReportFormat format, string path, string engine)
    {
        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        if (!ShouldProcess(full, $"Write {format} lint report of {findings.Count} finding(s)"))
        {
            return;
        }

        var version = typeof(TestDbMigrationScriptCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var report = new PipelineReport("DbArchitect.PS", version.Split('+')[0], $"Migration lint ({engine}) of {_sources.Count} script(s)", findings);
        TryCore(() => ReportFile.Write(full, ReportWriter.Write(report, format), Force.IsPresent), full, "LintReport", out _);
    }

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
