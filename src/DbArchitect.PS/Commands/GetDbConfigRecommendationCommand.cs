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
public sealed class GetDbConfigRecommendationCommand : DbArchitectCmdlet
{
    private const string HardwareSet = "Hardware";
    private const string RequirementSet = "Requirement";
    private const string DesignSet = "Design";
    private const string LiveSet = "Live";

    [Parameter(Mandatory = true, ParameterSetName = RequirementSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbRequirement? Requirement { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = DesignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    /// <summary>A live server whose hardware is the input and whose current settings are shown beside the advice.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? ConnectionString { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(EngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Engine { get; set; }

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
        StopOnUnknownEngine(Engine);
        if (AsConfigFile && AsAlterSystem)
        {
            ThrowTerminatingError(ToErrorRecord(new DbArchitectError("ConfigOutputConflict", ErrorKind.InvalidArgument,
                "-AsConfigFile and -AsAlterSystem ask for two different outputs.", "Use one of them, or neither for the settings as objects.", null), null));
        }
    }

    protected override void ProcessRecord()
    {
        var target = (object?)Design?.Application ?? Requirement?.Name ?? "server";
        if (!TryCore(Recommend, target, Subjects.Design, out var advice))
        {
            return;
        }

        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} settings recommended for {1}.", advice.Settings.Count, target));

        if (AsConfigFile)
        {
            WriteObject(advice.ConfigFile);
        }
        else if (AsAlterSystem)
        {
            WriteObject(advice.AlterSystemScript);
        }
        else
        {
            WriteObject(advice.Settings, enumerateCollection: true);
        }
    }

    private ConfigRecommendation Recommend()
    {
        if (Design is not null)
        {
            RelationalOnly.Require(Design, "Get-DbConfigRecommendation");
        }

        var engine = EngineRegistry.Get(Engine ?? Design?.Engine ?? "postgresql");
        if (ParameterSetName == LiveSet)
        {
            using var session = LiveSession.Open(LiveTarget.FromConnectionString(engine.Id, ConnectionString!));
            return LiveConfig.Recommend(engine, session, Override);
        }

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
