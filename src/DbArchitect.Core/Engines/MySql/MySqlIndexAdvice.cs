using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Advice DDL for MySQL 8 and MariaDB: ALTER TABLE … ADD INDEX with ALGORITHM=INPLACE, LOCK=NONE, so the build
/// fails fast instead of silently copying the table or blocking writes. InnoDB has B-trees only, no INCLUDE and no
/// partial indexes; MySQL 8 has functional key parts (LOWER(col)), MariaDB does not.
/// </summary>
internal sealed class MySqlIndexAdvice : IndexAdviceDdl
{
    public MySqlIndexAdvice(MySqlDialect dialect) =>
        Capabilities = new(false, false, !dialect.IsMariaDb, false, true, new[] { IndexStructure.Ordered }, 64);

    public override IIndexSpelling Spelling => MySqlIndexSpelling.Instance;

    public override IndexCapabilities Capabilities { get; }

    public override ILiveIndexAdvisor Live => new MySqlLiveIndexAdvisor();

    public override string Create(IndexDefinition index, string schema) =>
        $"ALTER TABLE {W.Id(index.Table)} ADD {(index.Unique ? "UNIQUE " : string.Empty)}INDEX {W.Id(index.Name!)} {KeyList(index)}, ALGORITHM=INPLACE, LOCK=NONE;";

    public override string Drop(IndexDefinition index, string schema) =>
        $"ALTER TABLE {W.Id(index.Table)} DROP INDEX {W.Id(index.Name!)}, ALGORITHM=INPLACE, LOCK=NONE;";

    protected override string Id(string name) => W.Id(name);

    protected override string Text(string value) => W.String(value);

    protected override string Key(AdvisedKey key, IndexStructure method) => key.Function switch
    {
        KeyFunction.Lower => $"(LOWER({W.Id(key.Column)}))",
        KeyFunction.Raw => key.Column,
        _ => W.Id(key.Column),
    };
}
