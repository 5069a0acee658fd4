using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Server configuration for hardware and a workload type (PGTune's values plus derived settings), stated directly or
/// taken from a requirement or design; explicit parameters override what the requirement states.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DbConfigRecommendation", HelpUri = HelpUriBase + "Get-DbConfigRecommendation.psd1", DefaultParameterSetName = HardwareSet)]
[OutputType(typeof(ConfigSetting), typeof(string))]
public sealed class GetDbConfigRecommendationCommand : DbArchitectLiveCmdlet
{
    private const string HardwareSet = "Hardware";
    private const string RequirementSet = "Requirement";
    private const string DesignSet = "Design";

    /// <summary>
    /// Whether -Engine was given on the command line (read before any input binds): a piped requirement binds its own
    /// Engine ("auto") by property name, which must not override the design's engine.
    /// </summary>
    private bool _engineGiven;

    [Parameter(Mandatory = true, ParameterSetName = RequirementSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbRequirement? Requirement { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = DesignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = HardwareSet)]
    [Parameter(ParameterSetName = RequirementSet)]
    [Parameter(ParameterSetName = DesignSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateRange(0.001, 1_048_576)]
    public double MemoryGb { get; set; }

    [Parameter]
    [ValidateRange(1, 4096)]
    public int Cpus { get; set; }

    [Parameter]
    [ValidateSet("ssd", "hdd", "network", "san")]
    public string? Storage { get; set; }

    [Parameter]
    [ValidateSet("web", "oltp", "dw", "mixed", "desktop")]
    public string? Workload { get; set; }

    [Parameter]
    [ValidateRange(1, 262_143)]
    public int MaxConnections { get; set; }

    [Parameter]
    public SwitchParameter AsConfigFile { get; set; }

    [Parameter]
    public SwitchParameter AsAlterSystem { get; set; }

    protected override void BeginProcessing()
    {
        _engineGiven = EngineGiven;
        StopOnUnknownEngine(Engine);
        if (AsConfigFile && AsAlterSystem)
        {
            ThrowTerminatingError(ToErrorRecord(new DbArchitectError("ConfigOutputConflict", ErrorKind.InvalidArgument,
                "-AsConfigFile and -AsAlterSystem ask for two different outputs.", "Use one of them, or neither for the settings as objects.", null), null));
        }
    }

    protected override void ProcessRecord()
    {
        if (IsLiveInput)
        {
            // A live server's hardware is the input, and its current settings are shown beside the advice.
            QueueTargets(target => new TargetWork(null, (session, output) =>
            {
                var advice = LiveConfig.Recommend(EngineRegistry.Get(target.Engine), session, Override);
                output.Verbose.Add(string.Format(CultureInfo.InvariantCulture, "{0} settings recommended for {1}.", advice.Settings.Count, target.Description));
                output.Objects.AddRange(Output(advice));
            }));
            return;
        }

        var name = (object?)Design?.Application ?? Requirement?.Name ?? "server";
        if (!TryCore(Recommend, name, Subjects.Design, out var recommended))
        {
            return;
        }

        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} settings recommended for {1}.", recommended.Settings.Count, name));
        WriteObject(Output(recommended), enumerateCollection: true);
    }

    /// <summary>What is written: the settings as objects, or the file snippet (-AsConfigFile) or script (-AsAlterSystem) as one text.</summary>
    private IEnumerable<object> Output(ConfigRecommendation advice) =>
        AsConfigFile ? new object[] { advice.ConfigFile } : AsAlterSystem ? new object[] { advice.AlterSystemScript } : advice.Settings;

    private ConfigRecommendation Recommend()
    {
        if (Design is not null)
        {
            RelationalOnly.Require(Design, "Get-DbConfigRecommendation");
        }

        var engine = EngineRegistry.Get(_engineGiven ? Engine : Design?.Engine ?? "postgresql");
        ConfigInput input;
        if (ParameterSetName == HardwareSet)
        {
            input = new ConfigInput(MemoryGb, null, StorageKind.Ssd, ConfigWorkload.Web, null) { WorkloadReason = "-Workload, or PGTune's default web profile." };
        }
        else
        {
            var requirement = Design?.Requirement ?? Requirement!;
            var physical = Design?.Physical ?? DesignEngine.Create(requirement, engine.Id).Physical;
            var stated = ConfigInputs.From(requirement, physical, engine.Identifiers.MaxIdentifierBytes);
            if (stated is null && !MyInvocation.BoundParameters.ContainsKey(nameof(MemoryGb)))
            {
                throw new DbArchitectException(new DbArchitectError("ConfigMemoryMissing", ErrorKind.InvalidArgument,
                    $"The requirements of {requirement.Name} do not state hardware.memoryGb, which every memory setting is derived from.",
                    "Add hardware: { memoryGb, cpus, storage } to the requirements file, or pass -MemoryGb.", null, requirement.Name));
            }

            input = stated ?? ConfigInputs.From(requirement with { Hardware = requirement.Hardware with { MemoryGb = MemoryGb } }, physical, engine.Identifiers.MaxIdentifierBytes)!;
        }

        return engine.Config.Recommend(Override(input));
    }

    /// <summary>Parameters the caller bound win over what the requirement states.</summary>
    private ConfigInput Override(ConfigInput input)
    {
        var bound = MyInvocation.BoundParameters;
        if (bound.ContainsKey(nameof(MemoryGb)))
        {
            input = input with { MemoryGb = MemoryGb };
        }

        if (bound.ContainsKey(nameof(Cpus)))
        {
            // The pool is sized to the CPUs, so the budget follows the CPUs the caller states.
            input = input with { Cpus = Cpus, Budget = input.Budget is null ? null : ConnectionBudget.For(input.ConcurrentUsers, Cpus) };
        }

        if (Storage is not null)
        {
            input = input with { Storage = Storage.ToLowerInvariant() switch { "hdd" => StorageKind.Hdd, "network" or "san" => StorageKind.Network, _ => StorageKind.Ssd } };
        }

        if (Workload is not null)
        {
            input = input with { Workload = Enum.Parse<ConfigWorkload>(Workload, ignoreCase: true), WorkloadReason = $"-Workload {Workload.ToLowerInvariant()}." };
        }

        if (bound.ContainsKey(nameof(MaxConnections)))
        {
            input = input with { MaxConnections = MaxConnections };
        }

        return input;
    }
}
