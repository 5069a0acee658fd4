using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Requirements;

namespace DbArchitect.PS.Commands;

/// <summary>The capacity forecast of a design: one row per table (rows and bytes today, +1 and +3 years, at retention); per index with -Detailed.</summary>
[Cmdlet(VerbsCommon.Get, "DbCapacityForecast", HelpUri = HelpUriBase + "Get-DbCapacityForecast.psd1", DefaultParameterSetName = DesignSet)]
[OutputType(typeof(TableCapacity), typeof(IndexCapacity))]
public sealed class GetDbCapacityForecastCommand : DbArchitectCmdlet
{
    private const string DesignSet = "Design";
    private const string RequirementSet = "Requirement";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = DesignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RequirementSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbRequirement? Requirement { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = RequirementSet)]
    [Parameter(ParameterSetName = PathSet)]
    [ArgumentCompleter(typeof(EngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Engine { get; set; }

    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void BeginProcessing() => StopOnUnknownEngine(Engine);

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case DesignSet:
                if (TryCore(() => RelationalOnly.Require(Design!, "Get-DbCapacityForecast"), Design!.Application, Subjects.Design))
                {
                    Write(Design!.CapacityForecast);
                }

                return;
            case RequirementSet:
                Forecast(Requirement!, Requirement!.SourcePath);
                return;
        }

        foreach (var (requirement, file) in ReadRequirements(Path))
        {
            Forecast(requirement, file);
        }
    }

    private void Forecast(DbRequirement requirement, string target)
    {
        if (TryCore(() => DesignEngine.Create(requirement, Engine), target, Subjects.Design, out var design)
            && TryCore(() => RelationalOnly.Require(design, "Get-DbCapacityForecast"), target, Subjects.Design))
        {
            Write(design.CapacityForecast);
        }
    }

    private void Write(CapacityForecast forecast)
    {
        WriteVerbose(string.Format(
            CultureInfo.InvariantCulture, "Forecast for {0}: {1} tables, {2:N0} rows and {3:N0} MB at retention ({4}).",
            forecast.Engine, forecast.Tables.Count, forecast.Rows.AtRetention, forecast.TotalBytes.AtRetention / 1048576.0, forecast.Retention ?? "no retention stated"));
        foreach (var table in forecast.Tables)
        {
            WriteObject(table);
            if (Detailed)
            {
                foreach (var index in table.Indexes)
                {
                    WriteObject(index);
                }
            }
        }
    }
}
