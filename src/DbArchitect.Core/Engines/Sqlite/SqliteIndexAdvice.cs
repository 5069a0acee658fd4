using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Advice DDL for SQLite: B-tree indexes, partial and lower() expression keys; no INCLUDE. SQLite has no online
/// build: CREATE INDEX holds the write lock for its duration, which on one file is the whole database.
/// </summary>
internal sealed class SqliteIndexAdvice : IndexAdviceDdl
{
    /// <summary>Its advice builds B-trees only.</summary>
    public override IIndexSpelling Spelling { get; } = new OneStructureSpelling(IndexStructure.Ordered, "btree");

    public override IndexCapabilities Capabilities { get; } = new(false, true, true, false, true, new[] { IndexStructure.Ordered }, 128);

    public override string Create(IndexDefinition index, string schema) =>
        $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {W.Id(index.Name!)} ON {W.Id(index.Table)} {KeyList(index)}{WhereClause(index)};";

    public override string Drop(IndexDefinition index, string schema) => $"DROP INDEX IF EXISTS {W.Id(index.Name!)};";

    protected override string Id(string name) => W.Id(name);

    protected override string Text(string value) => W.String(value);

    protected override string Key(AdvisedKey key, IndexStructure method) => key.Function switch
    {
        KeyFunction.Lower => $"lower({W.Id(key.Column)})",
        KeyFunction.Raw => key.Column,
        _ => W.Id(key.Column),
    };
}
