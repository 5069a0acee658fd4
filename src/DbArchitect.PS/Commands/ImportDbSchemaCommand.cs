using System.Management.Automation;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;

namespace DbArchitect.PS.Commands;

/// <summary>Reads the catalog of a live database into SchemaModel objects, one per schema, with set-wise queries.</summary>
[Cmdlet(VerbsData.Import, "DbSchema", HelpUri = HelpUriBase + "Import-DbSchema.psd1", DefaultParameterSetName = ConnectionStringSet)]
[OutputType(typeof(SchemaModel))]
public sealed class ImportDbSchemaCommand : DbArchitectLiveCmdlet
{
    /// <summary>Schemas (databases on MySQL/MariaDB) to read; wildcards allowed. Default: every user schema with tables.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Schema { get; set; }

    /// <summary>Tables to read; wildcards allowed. Default: every table.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Table { get; set; }

    protected override void ProcessRecord()
    {
        var target = ResolveTarget();
        var inspector = CallCoreOrStop(() => EngineRegistry.Get(Engine).Inspector ?? throw new DbArchitectException(new DbArchitectError(
            "SchemaImportNotSupported", ErrorKind.NotImplemented, $"Import-DbSchema cannot read {Engine} yet.",
            "Use -Engine postgresql, mariadb, mysql or sqlite.", null, Engine)), Engine, "Connection");
        using var session = OpenSession(target);
        WriteProgress(new ProgressRecord(1, "Import-DbSchema", $"Reading the catalog of {target.Description}"));
        var models = CallCoreOrStop(() => inspector.Inspect(session, new SchemaFilter(Schema, Table)), target.Description, "Connection");
        WriteProgress(new ProgressRecord(1, "Import-DbSchema", "Done") { RecordType = ProgressRecordType.Completed });
        foreach (var model in models)
        {
            WriteVerbose($"{model.Schema}: {model.Tables.Count} tables, {model.Tables.Sum(t => t.Indexes.Count)} indexes, {model.Views.Count} views, {model.Sequences.Count} sequences");
            WriteObject(model);
        }
    }
}
