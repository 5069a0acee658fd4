using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Index advice for a design (its access patterns), a workload file explained by a live server, or a live server's
/// own statement statistics: create, drop and replace recommendations with their figures and online DDL.
/// </summary>
// ConfirmImpact High: the statements it asks about (-Validate Real builds indexes on a live server, -AllowExtensionCreate
// installs HypoPG) change a server, so PowerShell asks by default; -Confirm:$false says yes, -WhatIf says no to both.
[Cmdlet(VerbsCommon.Get, "IndexRecommendation", HelpUri = HelpUriBase + "Get-IndexRecommendation.psd1", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(IndexRecommendation))]
public sealed class GetIndexRecommendationCommand : DbArchitectLiveCmdlet
{
    private const string DesignSet = "Design";
    private const string SchemaSet = "Schema";
    private int _found;
    private int _failed;

    [Parameter(Mandatory = true, ParameterSetName = DesignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    /// <summary>A catalog to read a workload against without a server (Import-DbSchema output or a design's Physical).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SchemaSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SchemaModel? Schema { get; set; }

    [Parameter(ParameterSetName = DesignSet)]
    [Parameter(Mandatory = true, ParameterSetName = SchemaSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Workload { get; set; }

    [Parameter]
    [ValidateRange(1, 1000)]
    public int? MaxIndexes { get; set; }

    [Parameter]
    [ValidateRange(0.001, 10_000_000)]
    public double? MaxSizeMB { get; set; }

    [Parameter]
    [ValidateRange(1, 32)]
    public int MaxWidth { get; set; } = 3;

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateSet("None", "WhatIf", "Real")]
    public string Validate { get; set; } = "WhatIf";

    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter AllowExtensionCreate { get; set; }

    [Parameter]
    public SwitchParameter IncludeRejected { get; set; }

    /// <summary>Unused indexes become DROP statements instead of review items (indexes that enforce something are never dropped).</summary>
    [Parameter]
    public SwitchParameter IncludeDropScript { get; set; }

    [Parameter]
    public SwitchParameter FailOnRecommendation { get; set; }

    protected override void ProcessRecord()
    {
        var options = new IndexAdvisorOptions { MaxWidth = MaxWidth, Budget = new SelectionBudget(MaxIndexes, MaxSizeMB), IncludeDropScript = IncludeDropScript };
        if (Workload is not null && ParameterSetName is DesignSet or SchemaSet)
        {
            Parsed(options);
            return;
        }

        if (ParameterSetName == DesignSet)
        {
            if (TryCore(() => IndexAdvisorRun.ForDesign(Design!, options), Design!.Application, Subjects.Design, out var advice))
            {
                WriteVerbose($"Design {Design.Application}: {advice.Selection.Queries.Count} access patterns costed by the {advice.CostModel}.");
                Write(advice);
            }
            else
            {
                _failed++;
            }

            return;
        }

        Live(options);
    }

    protected override void EndProcessing()
    {
        RunSweep((_, objects) => objects.OfType<IndexAdvice>().SelectMany(Advice));
        _failed += FailedTargets.Count;

        // A run that could not advise (no statement of the workload planned, a lost server) proves nothing: a gate fails.
        if (FailOnRecommendation && _failed > 0)
        {
            throw ScriptTerminating(ToErrorRecord(new DbArchitectError("IndexAdviceIncomplete", ErrorKind.InvalidData,
                $"{_failed} index advice run(s) failed, so -FailOnRecommendation cannot pass.", "Fix the error reported above and run again.", null), null));
        }

        if (FailOnRecommendation && _found > 0)
        {
            throw ScriptTerminating(ToErrorRecord(new DbArchitectError("IndexRecommendationsFound", ErrorKind.InvalidData,
                $"{_found} index recommendation(s) found.", "Review them (Get-IndexRecommendation without -FailOnRecommendation) and apply or dismiss them.", null), null));
        }
    }

    private void Live(IndexAdvisorOptions options)
    {
        var statements = Workload is null ? null : ResolveFiles(Workload, false, "WorkloadFileNotFound")
            .SelectMany(f => CallCoreOrStop(() => WorkloadFile.Read(f), f, "Workload")).ToList();
        QueueTargets(target =>
        {
            var validate = Enum.Parse<ValidationMode>(Validate, ignoreCase: true);
            if (validate == ValidationMode.Real && !ShouldProcess(target.Description, "Build the recommended indexes inside a transaction, measure the workload, and roll back"))
            {
                WriteWarning("-Validate Real was not confirmed: validating with what-if plans instead.");
                validate = ValidationMode.WhatIf;
            }

            var createExtension = AllowExtensionCreate.IsPresent && validate != ValidationMode.None
                && ShouldProcess(target.Description, "Create the HypoPG extension when it is available but not installed (CREATE EXTENSION hypopg)");
            var live = new LiveAdviceOptions { Validate = validate, AllowExtensionCreate = createExtension, Statements = statements };

            // Only an approved change gets a session that may write; everything else reads through a read-only one.
            var sessionOptions = validate == ValidationMode.Real || createExtension ? new LiveSessionOptions { ReadOnly = false } : null;
            return new TargetWork(sessionOptions, (session, output) =>
            {
                var notes = new List<string>();
                var result = IndexAdvisorRun.ForLive(session, live, options, notes, (_, _, _) => { });
                notes.ForEach(output.Note);
                output.Verbose.Add($"{result.Workload.Queries.Count} statements, {result.Workload.Writes.Count} write streams; workload cost × {result.Advice.RelativeWorkloadCost.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} with the recommended indexes.");
                output.Objects.Add(result.Advice);
            });
        });
    }

    /// <summary>Workload mode without a server: the engine's parser reads the files against the design's or schema's catalog.</summary>
    private void Parsed(IndexAdvisorOptions options)
    {
        var catalog = Schema ?? Design!.Physical;
        var engine = EngineGiven ? Engine : Design?.Engine ?? catalog.Engine ?? Engine;
        var statements = ResolveFiles(Workload!, false, "WorkloadFileNotFound").SelectMany(f => CallCoreOrStop(() => WorkloadFile.Read(f), f, "Workload")).ToList();
        var notes = new List<string>();
        if (!TryCore(() => IndexAdvisorRun.ForWorkload(engine, catalog, statements, options, notes), catalog.Name, "IndexAdvice", out var result))
        {
            WriteNotes(notes);
            _failed++;
            return;
        }

        WriteNotes(notes);
        WriteVerbose($"{result.Workload.Queries.Count} of {statements.Count} statements parsed against {catalog.Name}; workload cost × {result.Advice.RelativeWorkloadCost:0.###} with the recommended indexes ({result.Advice.CostModel}).");
        Write(result.Advice);
    }

    private void WriteNotes(List<string> notes)
    {
        foreach (var note in notes)
        {
            if (note.StartsWith("warning:", StringComparison.Ordinal))
            {
                WriteWarning(note["warning:".Length..].Trim());
            }
            else
            {
                WriteVerbose(note);
            }
        }
    }

    private void Write(IndexAdvice advice) => WriteObject(Advice(advice), enumerateCollection: true);

    /// <summary>The objects one advice run writes: its recommendations, and the rejected candidates with -IncludeRejected.</summary>
    private IEnumerable<object> Advice(IndexAdvice advice)
    {
        _found += advice.Recommendations.Count;
        return IncludeRejected ? advice.Recommendations.Cast<object>().Concat(advice.Rejected) : advice.Recommendations;
    }
}
