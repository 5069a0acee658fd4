using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Engines;

namespace DbArchitect.PS.Commands;

/// <summary>Turns a design into its ordered SQL scripts, optionally re-designing it for another engine first.</summary>
[Cmdlet(VerbsData.ConvertTo, "DbSql", HelpUri = HelpUriBase + "ConvertTo-DbSql.psd1", DefaultParameterSetName = DesignSet)]
[OutputType(typeof(SqlScript))]
public sealed class ConvertToDbSqlCommand : DbArchitectCmdlet
{
    private const string DesignSet = "Design";
    private const string SourceSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = DesignSet)]
    [ValidateNotNull]
    public DbDesign? Design { get; set; }

    /// <summary>Index recommendations, partition plans, migration steps: anything that carries its own scripts.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = SourceSet)]
    [ValidateNotNull]
    public IScriptSource? InputObject { get; set; }

    [Parameter(ParameterSetName = DesignSet)]
    [ArgumentCompleter(typeof(EngineCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Engine { get; set; }

    protected override void BeginProcessing() => StopOnUnknownEngine(Engine);

    protected override void ProcessRecord()
    {
        if (InputObject is { } source)
        {
            if (TryCore(source.ToScripts, source.Title, Subjects.Sql, out var sourceScripts))
            {
                WriteObject(sourceScripts, enumerateCollection: true);
            }

            return;
        }

        var design = Design!;
        if (Engine is not null && !string.Equals(Engine, design.Engine, StringComparison.OrdinalIgnoreCase))
        {
            if (!TryCore(() => DesignEngine.Create(design.Requirement, Engine), design.Application, Subjects.Design, out var redesigned))
            {
                return;
            }

            design = redesigned;
        }

        if (TryCore(() => { RelationalOnly.Require(design, "ConvertTo-DbSql"); return EngineRegistry.Get(design.Engine).Scripts.Generate(design); }, design.Application, Subjects.Sql, out var scripts))
        {
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Generated {0} SQL scripts of {1} for {2}.", scripts.Count, design.Application, design.EngineDisplayName));
            WriteObject(scripts, enumerateCollection: true);
        }
    }
}
