using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Advice DDL for PostgreSQL: CREATE INDEX CONCURRENTLY (writes continue during the build; it cannot run in a
/// transaction block) and DROP INDEX CONCURRENTLY. Every index kind of the neutral model is available.
/// </summary>
internal sealed class PostgreSqlIndexAdvice : IndexAdviceDdl
{
    public override IIndexSpelling Spelling => PostgreSqlIndexSpelling.Instance;

    public override IndexCapabilities Capabilities { get; } = new(true, true, true, true, true,
        new[] { IndexStructure.Ordered, IndexStructure.Inverted, IndexStructure.BlockRange, IndexStructure.Spatial, IndexStructure.Hash }, 63);

    public override bool OutsideTransaction => true;

    /// <summary>A fresh live advisor per run: it keeps the statements it prepared for costing.</summary>
    public override ILiveIndexAdvisor Live => new PostgreSqlLiveIndexAdvisor(this);

    public override string Create(IndexDefinition index, string schema) => Build(index, schema, concurrently: true) + ";";

    /// <summary>The plain CREATE INDEX (no CONCURRENTLY, no terminator) that HypoPG and in-transaction builds take.</summary>
    public string Plain(IndexDefinition index, string schema) => Build(index, schema, concurrently: false);

    public override string Drop(IndexDefinition index, string schema) =>
        $"DROP INDEX CONCURRENTLY IF EXISTS {Table(schema, index.Name!)};";

    protected override string Id(string name) => W.Id(name);

    protected override string Text(string value) => W.String(value);

    protected override string Key(AdvisedKey key, IndexStructure method)
    {
        var body = key.Function switch
        {
            KeyFunction.Lower => $"lower({W.Id(key.Column)})",
            KeyFunction.DateTrunc => $"date_trunc({W.String(key.Argument ?? "day")}, {W.Id(key.Column)})",
            KeyFunction.Raw => key.Column,
            _ => W.Id(key.Column),
        };
        if (key.Function is KeyFunction.Lower or KeyFunction.DateTrunc)
        {
            body = "(" + body + ")";
        }

        return key.Match switch
        {
            KeyMatch.Trigram => body + " gin_trgm_ops",
            KeyMatch.Containment => body + " jsonb_path_ops",
            _ => body,
        };
    }

    private string Build(IndexDefinition index, string schema, bool concurrently) =>
        $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX {(concurrently ? "CONCURRENTLY IF NOT EXISTS " : string.Empty)}{(index.Name is null || !concurrently ? string.Empty : W.Id(index.Name) + " ")}"
        + $"ON {Table(schema, index.Table)} USING {PostgreSqlIndexDdl.MethodName(index.Method)} {KeyList(index)}{IncludeClause(index)}{WhereClause(index)}";

    private static string Table(string schema, string name) => string.IsNullOrEmpty(schema) ? W.Id(name) : W.Qualified(schema, name);
}
