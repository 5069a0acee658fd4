using System.Collections;
using System.Management.Automation;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Lists the differences between a reference schema (what is) and a difference schema (what is wanted): two designs or
/// imported schemas, or a design against a live database named by the connection parameters.
/// </summary>
[Cmdlet(VerbsData.Compare, "DbSchema", HelpUri = HelpUriBase + "Compare-DbSchema.psd1", DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(SchemaDifference))]
public sealed class CompareDbSchemaCommand : DbArchitectLiveCmdlet
{
    private const string ObjectSet = "Object";

    /// <summary>What is today: a DbDesign or a SchemaModel (from Import-DbSchema).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ObjectSet)]
    [ValidateNotNull]
    public object? Reference { get; set; }

    /// <summary>What is wanted: a DbDesign or a SchemaModel.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object? Difference { get; set; }

    /// <summary>Explicit renames: @{ 'old_table' = 'new_table'; 'table.old_column' = 'new_column' }.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? RenameMap { get; set; }

    /// <summary>With a live database: the schema to read; default the difference schema's name.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Schema { get; set; }

    protected override void ProcessRecord()
    {
        var (wanted, wantedEngine) = Model(Difference!, nameof(Difference));
        var renames = CallCoreOrStop(() => Core.Schema.RenameMap.From(
            (RenameMap ?? new Hashtable()).Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, string>(e.Key.ToString()!, e.Value?.ToString() ?? string.Empty))), RenameMap, "Schema");
        if (ParameterSetName != ObjectSet)
        {
            QueueTargets(target => Live(target, wanted, renames));
            return;
        }

        var (current, engine) = Model(Reference!, nameof(Reference));
        engine = EngineGiven ? Engine : engine ?? wantedEngine;
        if (TryCore(() => SchemaComparer.Compare(current, wanted, renames, engine), wanted.Name, "Schema", out var differences))
        {
            WriteVerbose($"{differences.Count} differences between {current.Schema} and {wanted.Schema}");
            WriteObject(differences, enumerateCollection: true);
        }
    }

    /// <summary>The design against one live database: its schema is read, normalised as the engine would store the design, and compared.</summary>
    private TargetWork Live(Core.Live.Estate.EstateTarget target, SchemaModel wanted, Core.Schema.RenameMap renames)
    {
        var engine = target.Engine;
        var inspector = CallCoreOrStop(() => EngineRegistry.Get(engine).Inspector ?? throw new DbArchitectException(new DbArchitectError(
            "SchemaImportNotSupported", ErrorKind.NotImplemented, $"Compare-DbSchema cannot read a live {engine} database yet.",
            "Use -Engine postgresql, mariadb, mysql or sqlite.", null, engine)), engine, "Connection");
        var schema = Schema ?? wanted.Schema;
        return new TargetWork(null, (session, output) =>
        {
            var models = inspector.Inspect(session, new SchemaFilter(new[] { schema }));
            var current = models.Count > 0 ? models[0] : new SchemaModel(schema, schema, Array.Empty<Table>(), Array.Empty<string>()) { Engine = engine };
            var normalised = inspector.Normalise(session, wanted);
            var differences = SchemaComparer.Compare(current, normalised, renames, engine);
            output.Verbose.Add($"{differences.Count} differences between {current.Schema} and {normalised.Schema} on {target.Description}");
            output.Objects.AddRange(differences);
        });
    }

    private (SchemaModel Model, string? Engine) Model(object input, string parameter) => (input is PSObject ps ? ps.BaseObject : input) switch
    {
        DbDesign design => CallCoreOrStop(() => { RelationalOnly.Require(design, "Compare-DbSchema"); return (design.Physical, (string?)design.Engine); }, parameter, "Schema"),
        SchemaModel model => (model, model.Engine),
        var other => CallCoreOrStop<(SchemaModel, string?)>(() => throw new DbArchitectException(new DbArchitectError(
            "SchemaInputNotSupported", ErrorKind.InvalidArgument, $"-{parameter} is a {other.GetType().Name}, not a DbDesign or a SchemaModel.",
            "Pass the output of New-DbDesign or Import-DbSchema.", null, parameter)), parameter, "Schema"),
    };
}
