using DbArchitect.Core.Engines.PostgreSql;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Stored = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCapacity.Stored;

namespace DbArchitect.Core.Tests.Capacity;

/// <summary>
/// The segment tree that lets the heap model re-lay a row in log(width) steps gives exactly the bytes a full pass of
/// PostgreSqlCapacity.DataBytes gives, from any header, after any column is replaced or when any column is left out.
/// </summary>
public sealed class PostgreSqlTupleTreeProperties
{
    private static Gen<Stored> Column() => Gen.OneOf(
        Gen.Elements(new Stored(16, 1, 0, true), new Stored(2, 2, 0, true), new Stored(4, 4, 0, true), new Stored(8, 8, 0, true),
            new Stored(1, 1, 0, true), Stored.OutOfLine),
        Gen.Choose(0, 3000).Select(payload => new Stored(-1, 4, payload, true)));

    private static Gen<(List<Stored> Row, int Header, List<(int Index, Stored Column)> Changes)> Case() =>
        from row in Gen.NonEmptyListOf(Column()).Select(r => r.ToList())
        from header in Gen.Choose(0, 64)
        from changes in Gen.ListOf(from i in Gen.Choose(0, row.Count - 1) from c in Column() select (i, c)).Select(c => c.ToList())
        select (row, header, changes);

    [Property(MaxTest = 500)]
    public Property The_tree_lays_out_a_row_as_a_full_pass_does() =>
        Prop.ForAll(Case().ToArbitrary(), c =>
        {
            var tree = new PostgreSqlTupleTree(c.Row);
            Assert.Equal(PostgreSqlCapacity.DataBytes(c.Row, c.Header), tree.DataBytes(c.Header));
            foreach (var (index, column) in c.Changes)
            {
                c.Row[index] = column;
                tree.Replace(index, column);
                Assert.Equal(PostgreSqlCapacity.DataBytes(c.Row, c.Header), tree.DataBytes(c.Header));
            }
        });

    [Property(MaxTest = 500)]
    public Property A_prefix_followed_by_a_suffix_fold_is_the_row_without_the_column_between() =>
        Prop.ForAll(Case().ToArbitrary(), c =>
        {
            for (var i = 0; i < c.Row.Count; i++)
            {
                var before = c.Header + PostgreSqlCapacity.DataBytes(c.Row.Take(i), c.Header);
                var after = c.Row.Skip(i + 1).Aggregate(PostgreSqlTupleFold.Identity, (f, s) => f.Then(PostgreSqlTupleFold.Of(s)));
                Assert.Equal(PostgreSqlCapacity.DataBytes(c.Row.Where((_, k) => k != i), c.Header), after.Apply(before) - c.Header);
            }
        });
}
