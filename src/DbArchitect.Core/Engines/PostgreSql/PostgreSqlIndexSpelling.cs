using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's words for indexes in advice and in readable key lists: access methods (btree, gin, gist, brin, hash),
/// operator classes in short (trgm, jsonb_path_ops), date_trunc keys, and the kinds candidate rules name (trigram GIN,
/// BRIN). Advised names and the signatures advice hashes long names from keep these bytes.
/// </summary>
internal sealed class PostgreSqlIndexSpelling : IIndexSpelling
{
    public static PostgreSqlIndexSpelling Instance { get; } = new();

    public string Method(IndexStructure structure) => PostgreSqlIndexDdl.MethodName(structure);

    public string Match(KeyMatch match) => match switch
    {
        KeyMatch.Trigram => "trgm",
        KeyMatch.Containment => "jsonb_path_ops",
        _ => string.Empty,
    };

    public string ContainmentOperator => "@>";

    public string Truncated(string column, string? unit) => $"date_trunc('{unit}', {column})";

    public string Kind(IndexStructure structure, KeyMatch match) => (structure, match) switch
    {
        (IndexStructure.Inverted, KeyMatch.Trigram) => "trigram GIN",
        (IndexStructure.Inverted, KeyMatch.Containment) => "jsonb_path_ops GIN",
        (IndexStructure.BlockRange, _) => "BRIN",
        (IndexStructure.Spatial, _) => "GiST",
        (IndexStructure.Hash, _) => "hash",
        (IndexStructure.Inverted, _) => "GIN",
        _ => "B-tree",
    };

    /// <summary>
    /// A design's or catalog's key as design reasons, query notes and Compare-DbSchema show it: "name trgm",
    /// "preferences jsonpath", "created_at desc".
    /// </summary>
    public static string Key(IndexKey key) => key.Text(match => match switch
    {
        KeyMatch.Trigram => "trgm",
        KeyMatch.Containment => "jsonpath",
        _ => string.Empty,
    });
}
