using System.Management.Automation;
using DbArchitect.Core.History;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Keeps health-check results: writes the results piped in (Invoke-DbHealthCheck's) as one run of a health history in
/// a PostgreSQL database, creating its tables on first use. Shards of one CI run name the same run id and merge.
/// </summary>
[Cmdlet(VerbsData.Save, "DbHealthHistory", HelpUri = HelpUriBase + "Save-DbHealthHistory.psd1", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HealthHistoryWrite))]
public sealed class SaveDbHealthHistoryCommand : DbArchitectCmdlet
{
    private readonly List<HealthHistoryEntry> _entries = new();
    private readonly SortedSet<string> _missingOrigin = new(StringComparer.Ordinal);
    private int _withoutOrigin;
    private DateTimeOffset _started;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? ConnectionString { get; set; }

    [Parameter]
    [ValidateLength(1, 200)]
    public string? RunId { get; set; }

    [Parameter]
    [ValidateLength(1, 200)]
    public string? RunLabel { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() => _started = DateTimeOffset.UtcNow;

    protected override void ProcessRecord()
    {
        var input = InputObject!;
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in HealthHistoryEntry.PropertyNames)
        {
            if (input.Properties[name] is { } property)
            {
                properties[name] = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
            }
        }

        if (TryCore(() => HealthHistoryEntry.FromProperties(properties), input, "HealthHistoryInput", out var entry))
        {
            var missing = HealthHistoryEntry.OriginNames.Where(n => properties.GetValueOrDefault(n) is null).ToList();
            if (missing.Count > 0)
            {
                _withoutOrigin++;
                _missingOrigin.UnionWith(missing);
            }

            _entries.Add(entry);
        }

        if (PassThru)
        {
            WriteObject(input);
        }
    }

    protected override void EndProcessing()
    {
        if (_withoutOrigin > 0)
        {
            WriteWarning($"{_withoutOrigin} result(s) do not say their {string.Join(", ", _missingOrigin)}: stored as NULL there, and reported under '{HealthTrend.UnknownServer}' when the server is unknown.");
        }

        if (_entries.Count == 0)
        {
            WriteWarning("No health-check results came in; nothing was written to the history.");
            return;
        }

        var runId = CallCoreOrStop(() => HealthHistoryRunId.Resolve(RunId, Environment.GetEnvironmentVariable, _started), RunId, "HealthHistory");
        var target = CallCoreOrStop(() => HealthHistoryStore.Target(ConnectionString!), "-ConnectionString", "HealthHistory");
        if (!ShouldProcess(target.Description, $"Write {_entries.Count} health-check result(s) to the health history as run '{runId}'"))
        {
            return;
        }

        WriteVerbose($"Connecting to the health history {target.Description}");
        using var session = CallCoreOrStop(() => HealthHistoryStore.Open(target, write: true), target.Description, "HealthHistory");
        var version = MyInvocation.MyCommand.Module?.Version?.ToString() ?? typeof(SaveDbHealthHistoryCommand).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        var written = CallCoreOrStop(() => HealthHistoryStore.Save(session, _entries, runId, RunLabel, _started, DateTimeOffset.UtcNow, version), target.Description, "HealthHistory");
        WriteVerbose($"Wrote {written.Results} result(s) of {written.Targets} target(s) to run '{written.RunId}' of {written.History}{(written.CreatedTables ? " (tables created)" : string.Empty)}.");
        if (!PassThru)
        {
            WriteObject(written);
        }
    }
}
