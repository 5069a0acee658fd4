using System.Collections;
using System.Management.Automation;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Schema;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Turns the differences of Compare-DbSchema into an ordered, online migration: MigrationStep objects with SQL, lock,
/// transaction mode, rollback and risk, as one MigrationPlan that ConvertTo-DbSql and Export-DbDesign write as
/// Flyway-style files.
/// </summary>
[Cmdlet(VerbsCommon.New, "DbMigrationScript", HelpUri = HelpUriBase + "New-DbMigrationScript.psd1")]
[OutputType(typeof(MigrationPlan))]
public sealed class NewDbMigrationScriptCommand : DbArchitectCmdlet
{
    private readonly List<SchemaDifference> _differences = new();

    /// <summary>The differences to migrate, from Compare-DbSchema.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public SchemaDifference[]? InputObject { get; set; }

    /// <summary>Allow steps that can lose data (drop table or column, narrowing type); they run last, in files of their own.</summary>
    [Parameter]
    public SwitchParameter AllowDataLoss { get; set; }

    /// <summary>The engine to write for; default the engine of the compared schemas.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(EngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Engine { get; set; }

    /// <summary>The Flyway version of the files: V&lt;Version&gt;_1__…sql.</summary>
    [Parameter]
    [ValidatePattern(@"^[0-9]+(\.[0-9]+)*$")]
    public string Version { get; set; } = "2";

    /// <summary>Longest wait for a strong lock per attempt, in seconds.</summary>
    [Parameter]
    [ValidateRange(0.1, 600)]
    public double LockTimeoutSeconds { get; set; } = 2;

    /// <summary>Rows per backfill batch.</summary>
    [Parameter]
    [ValidateRange(1, 1000000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Backfill values for new NOT NULL columns without a default: @{ 'table.column' = 'SQL expression' }.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Backfill { get; set; }

    protected override void ProcessRecord()
    {
        StopOnUnknownEngine(Engine);
        _differences.AddRange(InputObject ?? Array.Empty<SchemaDifference>());
    }

    protected override void EndProcessing()
    {
        if (_differences.Count == 0)
        {
            WriteVerbose("No differences: nothing to migrate.");
            return;
        }

        var options = new MigrationOptions
        {
            AllowDataLoss = AllowDataLoss,
            Version = Version.Replace('.', '_'),
            LockTimeout = TimeSpan.FromSeconds(LockTimeoutSeconds),
            BatchSize = BatchSize,
            Backfill = (Backfill ?? new Hashtable()).Cast<DictionaryEntry>()
                .ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? string.Empty, StringComparer.Ordinal),
        };
        if (TryCore(() => MigrationPlanner.Create(_differences, options, Engine), Engine, "Migration", out var plan))
        {
            WriteVerbose($"{plan.Steps.Count} steps in {plan.Files().Count} files; {plan.Steps.Count(s => s.Risk == MigrationRisk.High)} of high risk");
            WriteObject(plan);
        }
    }
}
