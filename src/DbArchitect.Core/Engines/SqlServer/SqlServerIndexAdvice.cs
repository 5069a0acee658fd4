using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Advice DDL for SQL Server: nonclustered indexes with INCLUDE and filters, built and dropped WITH (ONLINE = ON)
/// (Enterprise, Developer and Azure SQL; Standard edition refuses ONLINE and needs a maintenance window instead).
/// </summary>
internal sealed class SqlServerIndexAdvice : IndexAdviceDdl
{
    /// <summary>Its advice builds B-trees only.</summary>
    public override IIndexSpelling Spelling { get; } = new OneStructureSpelling(IndexStructure.Ordered, "btree");

    public override IndexCapabilities Capabilities { get; } = new(true, true, false, false, true, new[] { IndexStructure.Ordered }, 128);

    /// <summary>No server here to explain a workload: ScriptDom parses it against the catalog instead.</summary>
    public override IWorkloadParser Parser { get; } = new SqlServerWorkloadParser();

    /// <summary>A live server's workload (Query Store or the plan cache, and the missing-index DMVs) read by the same parser.</summary>
    public override ILiveIndexAdvisor Live => new SqlServerLiveIndexAdvisor();

    /// <summary>
    /// From this estimated size an index build is RESUMABLE: it can be paused (ALTER INDEX … PAUSE) to fit a maintenance
    /// window, survives a failover, and lets the log truncate while it runs. A build of this size takes minutes to hours.
    /// </summary>
    public const double ResumableFromBytes = 1024.0 * 1024 * 1024;

    public override string Create(IndexDefinition index, string schema) => Create(index, schema, 0);

    /// <summary>
    /// RESUMABLE needs ONLINE (both given) and SQL Server 2019 or Azure SQL; MAX_DURATION pauses the build after four
    /// hours instead of letting it run into the business day. The server refuses it for an index that includes a
    /// computed column (Msg 10675): remove RESUMABLE there.
    /// </summary>
    public override string Create(IndexDefinition index, string schema, double estimatedBytes) =>
        $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}NONCLUSTERED INDEX {W.Id(index.Name!)} ON {Table(schema, index.Table)} {KeyList(index)}{IncludeClause(index)}{WhereClause(index)} "
        + (estimatedBytes >= ResumableFromBytes ? "WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES);" : "WITH (ONLINE = ON);");

    public override string Drop(IndexDefinition index, string schema) =>
        $"DROP INDEX {W.Id(index.Name!)} ON {Table(schema, index.Table)} WITH (ONLINE = ON);";

    protected override string Id(string name) => W.Id(name);

    protected override string Text(string value) => W.String(value);

    protected override string Key(AdvisedKey key, IndexStructure method) => key.Function == KeyFunction.Raw ? key.Column : W.Id(key.Column);

    private static string Table(string schema, string name) => string.IsNullOrEmpty(schema) ? W.Id(name) : W.Qualified(schema, name);
}
