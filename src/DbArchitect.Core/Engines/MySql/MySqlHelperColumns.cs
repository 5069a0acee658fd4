using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>A virtual generated column the engine adds so an index can do what PostgreSQL does with an expression or predicate.</summary>
internal sealed record HelperColumn(string Name, string Definition, string Purpose);

/// <summary>
/// Virtual generated columns standing in for PostgreSQL features the servers lack:
/// - a partial UNIQUE index (unique among rows that are not soft-deleted): a flag that is 1 when the predicate holds
///   and NULL otherwise, appended to the unique key; NULLs never collide in a unique index, so deleted rows drop out;
/// - lower(column) on MariaDB, which has no functional key parts: a column holding LOWER(column), indexed instead.
/// VIRTUAL columns cost no row storage; InnoDB materialises them only in the index.
/// </summary>
internal static class MySqlHelperColumns
{
    public static IReadOnlyList<HelperColumn> For(Table table, MySqlDialect dialect)
    {
        var helpers = new List<HelperColumn>();
        foreach (var index in table.Indexes)
        {
            if (index.Unique && index.Predicate is { Tests.Count: > 0 } predicate)
            {
                Add(helpers, PredicateFlag(predicate), $"TINYINT AS (IF({Condition(predicate)}, 1, NULL)) VIRTUAL",
                    $"1 while {predicate}, else NULL: emulates the partial unique index {index.Name}.");
            }

            if (dialect.IsMariaDb)
            {
                foreach (var key in index.Keys.Where(k => k.Expression is { Kind: IndexExpressionKind.Lower }))
                {
                    var source = table.FindColumn(key.Expression!.Columns[0])
                        ?? throw new InvalidOperationException($"Index {index.Name} names a column {table.Name} does not have.");
                    Add(helpers, LowerOf(source.Name), $"{MySqlExpressions.NativeType(source, dialect)} AS (LOWER({W.Id(source.Name)})) VIRTUAL",
                        $"LOWER({source.Name}) for case-insensitive lookups: MariaDB has no functional indexes.");
                }
            }
        }

        return helpers;
    }

    public static string PredicateFlag(IndexPredicate predicate) =>
        Shorten(string.Join("_and_", predicate.Tests.Select(t => t.Column + (t.Kind == PredicateKind.IsNull ? "_is_null" : "_is_set"))));

    public static string LowerOf(string column) => Shorten(column + "_lower");

    private static string Condition(IndexPredicate predicate) =>
        string.Join(" AND ", predicate.Tests.Select(t => W.Id(t.Column) + (t.Kind == PredicateKind.IsNull ? " IS NULL" : " IS NOT NULL")));

    private static string Shorten(string name) => IdentifierShortener.Shorten(name, MySqlIdentifiers.MaxIdentifierCharacters);

    private static void Add(List<HelperColumn> helpers, string name, string definition, string purpose)
    {
        if (!helpers.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            helpers.Add(new HelperColumn(name, definition, purpose));
        }
    }
}
