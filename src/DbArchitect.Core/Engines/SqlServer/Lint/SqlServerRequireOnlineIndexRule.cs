using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>Offline index builds hold a Sch-M (clustered) or S (nonclustered) lock on the table for the whole build.</summary>
internal sealed class SqlServerRequireOnlineIndexRule : SqlServerLintRule
{
    public override string Id => "require-concurrent-index-creation";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "CREATE INDEX, ALTER INDEX … REBUILD, ADD PRIMARY KEY/UNIQUE and ALTER TABLE … REBUILD without ONLINE = ON block writes (a clustered build blocks reads too) for the whole build.";

    public override string Fix => "WITH (ONLINE = ON, WAIT_AT_LOW_PRIORITY (MAX_DURATION = 1 MINUTES, ABORT_AFTER_WAIT = SELF)) (Enterprise, Developer and Azure SQL); elsewhere build in a maintenance window.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        switch (statement.Fragment)
        {
            case CreateIndexStatement create when !SqlServerIndexOptions.Online(create.IndexOptions) && !statement.IsNew(create.OnName):
                yield return At(create, $"CREATE INDEX {create.Name?.Value} on {create.OnName.BaseIdentifier.Value} without ONLINE = ON.");
                break;
            case AlterIndexStatement alter when alter.AlterIndexType == AlterIndexType.Rebuild && !SqlServerIndexOptions.Online(alter.IndexOptions):
                yield return At(alter, "ALTER INDEX … REBUILD without ONLINE = ON.");
                break;
            case AlterTableRebuildStatement rebuild when !SqlServerIndexOptions.Online(rebuild.IndexOptions):
                yield return At(rebuild, "ALTER TABLE … REBUILD without ONLINE = ON.");
                break;
            case AlterTableAddTableElementStatement add when !statement.IsNew(add.SchemaObjectName):
                foreach (var unique in add.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(u => !SqlServerIndexOptions.Online(u.IndexOptions)))
                {
                    yield return At(unique, $"ADD {(unique.IsPrimaryKey ? "PRIMARY KEY" : "UNIQUE")} builds its index on {add.SchemaObjectName.BaseIdentifier.Value} offline.");
                }

                break;
        }
    }
}
