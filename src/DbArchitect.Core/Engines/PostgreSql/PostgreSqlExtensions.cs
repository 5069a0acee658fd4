using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The extensions a physical model needs, derived from its indexes (plus any the model lists), restricted to the
/// modules shipped with PostgreSQL itself (contrib) so the scripts load on any standard installation.
/// </summary>
internal static class PostgreSqlExtensions
{
    /// <summary>Extensions of PostgreSQL 15 contrib the generator may create.</summary>
    private static readonly HashSet<string> Contrib = new(StringComparer.Ordinal)
    {
        "btree_gin", "btree_gist", "citext", "cube", "earthdistance", "fuzzystrmatch", "hstore", "intarray", "isn",
        "lo", "ltree", "pg_stat_statements", "pg_trgm", "pgcrypto", "tablefunc", "tsm_system_rows", "unaccent", "uuid-ossp",
    };

    public static IReadOnlyList<string> Required(SchemaModel model)
    {
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in model.Extensions)
        {
            needed.Add(Contrib.Contains(name)
                ? name
                : throw new InvalidOperationException(
                    $"Extension '{name}' is not shipped with PostgreSQL (contrib); the generated scripts only use contrib extensions."));
        }

        foreach (var table in model.Tables)
        {
            foreach (var index in table.Indexes)
            {
                if (index.Keys.Any(k => k.Match == KeyMatch.Trigram))
                {
                    needed.Add("pg_trgm");
                }

                if (index.Method is IndexStructure.Inverted or IndexStructure.Spatial && index.Keys.Any(k => IsPlainScalar(k, table)))
                {
                    // GIN and GiST have no operator class for plain scalars (a tenant key beside a trigram key, say).
                    needed.Add(index.Method == IndexStructure.Inverted ? "btree_gin" : "btree_gist");
                }
            }
        }

        return needed.ToList();
    }

    private static bool IsPlainScalar(IndexKey key, Table table)
    {
        if (key.Expression is not null || key.Match != KeyMatch.Ordinary || key.Column is null)
        {
            return false;
        }

        var column = table.FindColumn(key.Column);
        return column is not null && column.Type.Kind is not (LogicalTypeKind.Json or LogicalTypeKind.Array);
    }
}
