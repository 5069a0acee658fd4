using System.Management.Automation;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Reporting;

namespace DbArchitect.PS;

/// <summary>What a judging cmdlet's parameters say about its report: format and file, baseline, and where CI annotations go.</summary>
internal sealed record ReportOptions(string? Format, string? OutputPath, bool Force, string? BaselineFile, bool UpdateBaseline, string Annotations);

/// <summary>
/// What the cmdlets that judge something (Invoke-DbHealthCheck, Test-DbMigrationScript) do with their findings for a
/// pipeline: the report file, the baseline, CI annotations and the -FailOn gate. <paramref name="subject"/> prefixes the
/// error ids ("Health" → HealthReportExists, "MigrationLint" → MigrationLintReportExists).
/// </summary>
internal sealed class PipelineReportOutput
{
    private readonly DbArchitectCmdlet _cmdlet;
    private readonly string _subject;

    public PipelineReportOutput(DbArchitectCmdlet cmdlet, string subject)
    {
        _cmdlet = cmdlet;
        _subject = subject;
    }

    /// <summary>When the command started (the report's timestamp and time).</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The report format an -OutputPath's extension names (.xml, .sarif, .md, .json), or null.</summary>
    public static string? FormatFromExtension(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".XML" => "JUnit",
        ".SARIF" => "Sarif",
        ".MD" => "Markdown",
        ".JSON" => "Json",
        _ => null,
    };

    /// <summary>
    /// The format to write: -OutputFormat, or the one -OutputPath's extension names. Stops the command when the two do
    /// not go together, or when the extension names no format, since a pipeline would otherwise pass with no report.
    /// </summary>
    public string? ResolveFormat(string? outputFormat, string? outputPath, bool updateBaseline, string? baseline)
    {
        var format = outputFormat ?? (outputPath is null ? null : FormatFromExtension(outputPath));
        var problem = outputPath is not null && format is null
            ? $"The extension of -OutputPath '{Path.GetFileName(outputPath)}' names no report format."
            : outputPath is null && format is not null ? "-OutputFormat needs -OutputPath, the file to write."
            : updateBaseline && baseline is null ? "-UpdateBaseline needs -Baseline, the file to write."
            : null;
        if (problem is not null)
        {
            _cmdlet.ThrowTerminatingError(DbArchitectCmdlet.ToErrorRecord(new DbArchitectError(
                _subject + "ReportArgumentsInvalid", ErrorKind.InvalidArgument, problem,
                "Name the format with -OutputFormat JUnit|Sarif|Markdown|Json, or use a .xml, .sarif, .md or .json -OutputPath.", null), outputPath ?? outputFormat));
        }

        return format;
    }

    /// <summary>
    /// Writes the report (when a format and path are given) and, with -UpdateBaseline, the new baseline; then the CI
    /// annotations (<paramref name="annotations"/>: Auto, None, GitHub or AzureDevOps). <paramref name="coverage"/> are
    /// Pass rows that go to the report only (rules that ran and found nothing).
    /// </summary>
    public void Publish(string title, IReadOnlyList<IReportFinding> findings, IReadOnlyList<IReportFinding> coverage, ReportOptions options)
    {
        if (options.Format is not null && options.OutputPath is not null)
        {
            var parsed = Enum.Parse<ReportFormat>(options.Format, ignoreCase: true);
            var elapsed = DateTimeOffset.UtcNow - StartedAt;
            var report = new PipelineReport(ReportTool.Name, ModuleVersion, title, findings.Concat(coverage), StartedAt, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
            Write(_cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(options.OutputPath), () => ReportWriter.Write(report, parsed), $"Write the {parsed} report", options.Force);
        }

        if (options.UpdateBaseline && options.BaselineFile is not null)
        {
            Write(options.BaselineFile, () => ReportBaseline.From(findings).ToJson(), "Write the baseline", force: true);
        }

        foreach (var line in CiAnnotations.For(CiAnnotations.Resolve(options.Annotations, Environment.GetEnvironmentVariable), findings))
        {
            _cmdlet.Host.UI.WriteLine(line);
        }
    }

    /// <summary>The module's version (the assembly's, which the manifest's ModuleVersion equals): the SARIF driver version.</summary>
    public static string ModuleVersion => typeof(PipelineReportOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Ends the script with <paramref name="errorId"/> when a finding reaches <paramref name="failOn"/>; the message counts them.</summary>
    public void Gate(string? failOn, IReadOnlyList<IReportFinding> findings, string title, string errorId, string what, string recommendation)
    {
        if (failOn is null || FailOnGate.Evaluate(findings, Enum.Parse<ReportLevel>(failOn, ignoreCase: true)) is not { Failed: true } verdict)
        {
            return;
        }

        var message = $"{what} failed: {verdict.Summary}.";
        throw _cmdlet.ScriptTerminating(new ErrorRecord(new DbArchitectCommandException(message), errorId, ErrorCategory.InvalidResult, title)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendation },
        });
    }

    /// <summary>A baseline file read, with a bad file reported as <c>&lt;subject&gt;BaselineInvalid</c>.</summary>
    public ReportBaseline ReadBaseline(string file)
    {
        try
        {
            return ReportBaseline.Parse(File.ReadAllText(file));
        }
        catch (FormatException ex)
        {
            throw new DbArchitectException(new DbArchitectError(
                _subject + "BaselineInvalid", ErrorKind.InvalidData, $"{Path.GetFileName(file)}: {ex.Message}",
                "Write it again with -UpdateBaseline.", null));
        }
    }

    private void Write(string path, Func<string> text, string action, bool force)
    {
        if (!_cmdlet.ShouldProcess(path, action))
        {
            return;
        }

        if (File.Exists(path) && !force)
        {
            _cmdlet.WriteError(DbArchitectCmdlet.ToErrorRecord(new DbArchitectError(
                _subject + "ReportExists", ErrorKind.ResourceExists, $"The file '{Path.GetFileName(path)}' already exists.",
                "Use -Force to replace it, or choose another -OutputPath.", null), path));
            return;
        }

        try
        {
            var written = ReportFile.Write(path, text(), force);
            _cmdlet.WriteVerbose($"{action}: {written}");
        }
        catch (Exception ex) when (ex is DbArchitectException or IOException or UnauthorizedAccessException)
        {
            var error = ex is DbArchitectException { Errors.Count: > 0 } known ? known.Errors[0]
                : new DbArchitectError(_subject + "ReportWriteFailed", ErrorKind.WriteError, $"Could not write '{Path.GetFileName(path)}': {ex.Message}", "Check the folder exists and is writable.", null);
            _cmdlet.WriteError(DbArchitectCmdlet.ToErrorRecord(error, path));
        }
    }
}
