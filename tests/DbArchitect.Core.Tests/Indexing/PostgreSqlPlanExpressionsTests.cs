using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Indexing;

namespace DbArchitect.Core.Tests.Indexing;

/// <summary>The server's deparsed conditions (copied from real EXPLAIN (VERBOSE) output) read into column tests.</summary>
public sealed class PostgreSqlPlanExpressionsTests
{
    [Fact]
    public void ReadsEveryIndexableShapeOfAFilter()
    {
        var tests = PostgreSqlPlanExpressions.Tests("((t.created_at IS NULL) AND (t.status = ANY ('{a,b}'::text[])) AND (t.attrs @> '{\"a\": 1}'::jsonb) AND (lower(t.email) = $1))");
        Assert.Equal(4, tests.Count);
        Assert.Equal(PredicateOperator.IsNull, tests[0].Operator);
        Assert.Equal((PredicateOperator.In, 2), (tests[1].Operator, tests[1].InListSize));
        Assert.Equal(PredicateOperator.JsonContains, tests[2].Operator);
        Assert.Equal(("t", "email", KeyFunction.Lower, PredicateOperator.Equality), (tests[3].Column.Alias, tests[3].Column.Column, tests[3].Column.Function, tests[3].Operator));
    }

    [Fact]
    public void KeepsTextConstantsForPartialIndexesAndTellsPrefixFromInfixLike()
    {
        var status = Assert.Single(PostgreSqlPlanExpressions.Tests("((o.status)::text = 'it''s'::text)"));
        Assert.Equal(("status", "it's", true), (status.Column.Column, status.Constant, status.ConstantIsText));
        Assert.Equal(PredicateOperator.PrefixLike, Assert.Single(PostgreSqlPlanExpressions.Tests("(p.name ~~ 'red shirt%'::text)")).Operator);
        Assert.Equal(PredicateOperator.InfixLike, Assert.Single(PostgreSqlPlanExpressions.Tests("(p.name ~~ '%lamp%'::text)")).Operator);
        Assert.Equal(PredicateOperator.Range, Assert.Single(PostgreSqlPlanExpressions.Tests("(o.created_at >= $2)")).Operator);
    }

    [Fact]
    public void JoinConditionsNameBothSidesAndOrBranchesAreNotGuessed()
    {
        var join = Assert.Single(PostgreSqlPlanExpressions.Tests("(oi.order_id = o.id)"));
        Assert.Equal(("oi", "order_id"), (join.Column.Alias, join.Column.Column));
        Assert.Equal(("o", "id"), (join.JoinedTo!.Alias, join.JoinedTo.Column));
        Assert.Empty(PostgreSqlPlanExpressions.Tests("((a.x = 1) OR (a.y = 2))"));
        Assert.Equal(("Order", "Total"), (PostgreSqlPlanExpressions.Column("\"Order\".\"Total\"")!.Alias, PostgreSqlPlanExpressions.Column("\"Order\".\"Total\"")!.Column));
    }
}
