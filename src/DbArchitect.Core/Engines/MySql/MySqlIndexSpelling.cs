using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL's and MariaDB's index types in advice (SHOW INDEX's Index_type, lower case): btree, and fulltext for the
/// FULLTEXT indexes a catalog review reports; advice itself builds B-trees only.
/// </summary>
internal sealed class MySqlIndexSpelling : IIndexSpelling
{
    public static MySqlIndexSpelling Instance { get; } = new();

    public string Method(IndexStructure structure) => structure switch
    {
        IndexStructure.Inverted => "fulltext",
        IndexStructure.Spatial => "spatial",
        IndexStructure.Hash => "hash",
        _ => "btree",
    };
}
