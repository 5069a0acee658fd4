using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Advice DDL for Oracle: B-tree and function-based (LOWER) indexes built and dropped ONLINE (Enterprise Edition).
/// Oracle has no INCLUDE and no partial indexes.
/// </summary>
internal sealed class OracleIndexAdvice : IndexAdviceDdl
{
    /// <summary>Its advice builds B-trees only.</summary>
    public override IIndexSpelling Spelling { get; } = new OneStructureSpelling(IndexStructure.Ordered, "btree");

    public override IndexCapabilities Capabilities { get; } = new(false, false, true, false, true, new[] { IndexStructure.Ordered }, 128);

    public override string Create(IndexDefinition index, string schema) =>
        $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX {Table(schema, index.Name!)} ON {Table(schema, index.Table)} {KeyList(index)} ONLINE;";

    public override string Drop(IndexDefinition index, string schema) => $"DROP INDEX {Table(schema, index.Name!)} ONLINE;";

    protected override string Id(string name) => W.Id(name);

    protected override string Text(string value) => W.String(value);

    protected override string Key(AdvisedKey key, IndexStructure method) => key.Function switch
    {
        KeyFunction.Lower => $"LOWER({W.Id(key.Column)})",
        KeyFunction.Raw => key.Column,
        _ => W.Id(key.Column),
    };

    private static string Table(string schema, string name) => string.IsNullOrEmpty(schema) ? W.Id(name) : W.Qualified(schema, name);
}
