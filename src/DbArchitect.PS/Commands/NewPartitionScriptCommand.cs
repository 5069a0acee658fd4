using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.PS.Commands;

/// <summary>
/// A partition plan and its scripts for a table of a design (pipeline) or an existing table read from a live database
/// (-Table -Column with the connection parameters): create, maintain, expire, or convert online.
/// </summary>
[Cmdlet(VerbsCommon.New, "PartitionScript", HelpUri = HelpUriBase + "New-PartitionScript.psd1", DefaultParameterSetName = DesignSet)]
[OutputType(typeof(PartitionScript))]
public sealed class NewPartitionScriptCommand : DbArchitectLiveCmdlet
{
    private const string DesignSet = "Design";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = DesignSet)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    /// <summary>The table: a design table's name (all tables the design partitions when omitted), or schema.table of a live table.</summary>
    [Parameter(ParameterSetName = DesignSet)]
    [Parameter(Mandatory = true, ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Table { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Column { get; set; }

    /// <summary>Range, List or Hash (a string: Core's enums load only after the module is imported).</summary>
    [Parameter]
    [ValidateSet("Range", "List", "Hash", IgnoreCase = true)]
    public string Strategy { get; set; } = "Range";

    /// <summary>Day, Week, Month, Quarter, Year, or a whole number (the width of a numeric range).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(IntervalCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Interval { get; set; }

    [Parameter]
    public DateTime? Start { get; set; }

    [Parameter]
    [ValidateRange(1, 1000)]
    public int? Premake { get; set; }

    /// <summary>90d, 26w, 12m, 5y; the design's retention when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Retention { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(PartitionModeCompleter))]
    [ValidateNotNullOrEmpty]
    public string Mode { get; set; } = "Native";

    [Parameter]
    [ValidateRange(4, 5)]
    public int? PartmanVersion { get; set; }

    [Parameter]
    [ValidateRange(2, 1024)]
    public int? HashPartitions { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Values { get; set; }

    [Parameter]
    [ValidateRange(0.25, 65536)]
    public double? MemoryGB { get; set; }

    protected override void BeginProcessing() => StopOnUnknownEngine(Engine);

    protected override void ProcessRecord()
    {
        var request = Request();
        if (request is null)
        {
            return;
        }

        if (ParameterSetName == DesignSet)
        {
            FromDesign(request);
            return;
        }

        var (schema, table) = SplitName(Table!);
        QueueTargets(target =>
        {
            var engine = CallCoreOrStop(() => EngineRegistry.Get(target.Engine), target.Engine, Subjects.Design);
            return new TargetWork(null, (session, output) =>
            {
                var partitioning = PartitionPlanner.EngineOf(engine);
                var live = partitioning.ReadLive(session, schema, table, Column);
                output.Verbose.Add($"Read {live.Schema}.{live.Name}: about {live.Rows} rows, {live.TotalBytes} bytes");
                var version = request.PartmanVersion ?? partitioning.ExtensionMajorVersion(session, request.Mode);
                var script = PartitionPlanner.Script(engine, live, request with { PartmanVersion = version, Database = session.Connection.Database });
                output.Warnings.AddRange(script.Warnings.Select(w => $"{script.Table}: {w}"));
                output.Objects.Add(script);
            });
        });
    }

    private void FromDesign(PartitionRequest request)
    {
        var design = Design!;
        if (EngineGiven && !string.Equals(Engine, design.Engine, StringComparison.OrdinalIgnoreCase))
        {
            if (!TryCore(() => DesignEngine.Create(design.Requirement, Engine), design.Application, Subjects.Design, out var redesigned))
            {
                return;
            }

            design = redesigned;
        }

        // Another family's design is an error for that input only: the next piped design may be relational.
        if (!TryCore(() => RelationalOnly.Require(design, "New-PartitionScript"), design.Application, Subjects.Design))
        {
            return;
        }

        var engine = CallCoreOrStop(() => EngineRegistry.Get(design.Engine), design.Engine, Subjects.Design);
        var tables = Table is not null ? new[] { Table } : PartitionPlanner.Candidates(design).ToArray();
        if (tables.Length == 0)
        {
            WriteWarning($"The design of {design.Application} partitions no table (none reaches {ArchitectureAdvisorThreshold} rows at retention); name one with -Table.");
        }

        foreach (var table in tables)
        {
            if (TryCore(() => PartitionTargets.FromDesign(design, table), table, Subjects.Design, out var target))
            {
                Emit(engine, target, request with
                {
                    Retention = request.Retention ?? (target.Design is { } designed ? PartitionDecisions.RetentionFor(design, designed) : null),
                    MemoryGb = request.MemoryGb ?? design.Requirement.Hardware.MemoryGb,
                });
            }
        }
    }

    private static string ArchitectureAdvisorThreshold => PartitionPlanner.CandidateRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private void Emit(IDatabaseEngine engine, PartitionTarget target, PartitionRequest request)
    {
        if (TryCore(() => PartitionPlanner.Script(engine, target, request), target.Name, Subjects.Design, out var script))
        {
            foreach (var warning in script.Warnings)
            {
                WriteWarning($"{script.Table}: {warning}");
            }

            WriteObject(script);
        }
    }

    private PartitionRequest? Request()
    {
        PartitionInterval? interval = null;
        if (Interval is not null && !PartitionInterval.TryParse(Interval, out interval))
        {
            WriteErrors(new[] { new DbArchitectError("PartitionIntervalInvalid", ErrorKind.InvalidArgument, $"-Interval '{Interval}' is not an interval.", "Use Day, Week, Month, Quarter, Year or a positive whole number.", null, Interval) }, Interval);
            return null;
        }

        Core.Requirements.Retention? retention = null;
        if (Retention is not null && !PartitionRetention.TryParse(Retention, out retention))
        {
            WriteErrors(new[] { new DbArchitectError("PartitionRetentionInvalid", ErrorKind.InvalidArgument, $"-Retention '{Retention}' is not a retention.", "Use a whole number and d, w, m or y: 90d, 12m, 5y.", null, Retention) }, Retention);
            return null;
        }

        return new PartitionRequest
        {
            Column = Column,
            Strategy = Enum.Parse<PartitionStrategy>(Strategy, ignoreCase: true),
            Interval = interval,
            Start = Start is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Unspecified) : null,
            Premake = Premake,
            Retention = retention,
            Mode = Mode,
            PartmanVersion = PartmanVersion,
            HashPartitions = HashPartitions,
            ListValues = Values,
            MemoryGb = MemoryGB,
        };
    }

    private static (string? Schema, string Table) SplitName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (name[..dot], name[(dot + 1)..]) : (null, name);
    }
}
