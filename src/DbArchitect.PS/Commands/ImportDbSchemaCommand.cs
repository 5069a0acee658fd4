using System.Management.Automation;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;

namespace DbArchitect.PS.Commands;

/// <summary>Reads the catalog of a live database into SchemaModel objects, one per schema, with set-wise queries.</summary>
[Cmdlet(VerbsData.Import, "DbSchema", HelpUri = HelpUriBase + "Import-DbSchema.psd1", DefaultParameterSetName = LiveSet)]
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
        var filter = new SchemaFilter(Schema, Table);
        QueueTargets(target =>
        {
            var inspector = CallCoreOrStop(() => EngineRegistry.Get(target.Engine).Inspector ?? throw new DbArchitectException(new DbArchitectError(
                "SchemaImportNotSupported", ErrorKind.NotImplemented, $"Import-DbSchema cannot read {target.Engine} yet.",
                "Use -Engine postgresql, mariadb, mysql or sqlite.", null, target.Engine)), target.Engine, "Connection");
            return new TargetWork(null, (session, output) =>
            {
                foreach (var model in inspector.Inspect(session, filter))
                {
                    output.Verbose.Add($"{model.Schema}: {model.Tables.Count} tables, {model.Tables.Sum(t => t.Indexes.Count)} indexes, {model.Views.Count} views, {model.Sequences.Count} sequences");
                    output.Objects.Add(model);
                }
            });
        });
    }
}
