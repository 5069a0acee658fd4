using System.Management.Automation;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Reporting;

namespace DbArchitect.PS;

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

    /// <summary>The report format an -OutputPath's extension names (.xml, .sarif, .md, .json), or null.</summary>
    public static string? FormatFromExtension(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".XML" => "JUnit",
        ".SARIF" => "Sarif",
        ".MD" => "Markdown",
        ".JSON" => "Json",
        _ => null,
    };

    /// <summary>Writes the report (when a format and path are given) and, with -UpdateBaseline, the new baseline; then the CI annotations.</summary>
    public void Publish(string title, IReadOnlyList<IReportFinding> findings, string? format, string? outputPath, bool force, string? baselineFile, bool updateBaseline)
    {
        if (format is not null && outputPath is not null)
        {
            var parsed = Enum.Parse<ReportFormat>(format, ignoreCase: true);
            var version = typeof(PipelineReportOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            Write(_cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(outputPath),
                () => ReportWriter.Write(new PipelineReport("DbArchitect.PS", version, title, findings), parsed), $"Write the {parsed} report", force);
        }

        if (updateBaseline && baselineFile is not null)
        {
            Write(baselineFile, () => ReportBaseline.From(findings).ToJson(), "Write the baseline", force: true);
        }

        foreach (var line in CiAnnotations.For(CiAnnotations.Detect(Environment.GetEnvironmentVariable), findings))
        {
            _cmdlet.Host.UI.WriteLine(line);
        }
    }

    /// <summary>Ends the command with <paramref name="errorId"/> when a finding reaches <paramref name="failOn"/>; the message counts them.</summary>
    public void Gate(string? failOn, IReadOnlyList<IReportFinding> findings, string title, string errorId, string what, string recommendation)
    {
        if (failOn is null || FailOnGate.Evaluate(findings, Enum.Parse<ReportLevel>(failOn, ignoreCase: true)) is not { Failed: true } verdict)
        {
            return;
        }

        var message = $"{what} failed: {verdict.Summary}.";
        _cmdlet.ThrowTerminatingError(new ErrorRecord(new DbArchitectCommandException(message), errorId, ErrorCategory.InvalidResult, title)
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
