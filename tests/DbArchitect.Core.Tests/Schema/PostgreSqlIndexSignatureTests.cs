using DbArchitect.Core.Engines.PostgreSql;

namespace DbArchitect.Core.Tests.Schema;

public sealed class PostgreSqlIndexSignatureTests
{
    [Fact]
    public void AHandWrittenStatementIsReadIntoKeysDirectionsIncludeAndPredicate()
    {
        var parts = PostgreSqlIndexSignature.Parse("create unique index if not exists ix ON app.\"Event Log\" USING gist ((payload->>'a, b'), \"Kind\" DESC, date_trunc('day', at)) INCLUDE (\"Id\") WHERE (kind > 3);")!;

        Assert.True(parts.Unique);
        Assert.Equal("gist", parts.Method);
        Assert.Equal(new PostgreSqlIndexSignature.Key(null, "(payload->>'a, b')", false, null), parts.Keys[0]);
        Assert.Equal(new PostgreSqlIndexSignature.Key("Kind", null, true, null), parts.Keys[1]);
        Assert.Equal("date_trunc('day', at)", parts.Keys[2].Expression);
        Assert.Equal(new[] { "Id" }, parts.Include);
        Assert.Equal("(kind > 3)", parts.Predicate);
    }

    [Fact]
    public void EnclosingParenthesesGoButInnerOnesStay()
    {
        Assert.Equal("a + (b * 2)", PostgreSqlIndexSignature.Unwrap("((a + (b * 2)))"));
        Assert.Equal("(a) + (b)", PostgreSqlIndexSignature.Unwrap("(a) + (b)"));
        Assert.Equal("f(x)", PostgreSqlIndexSignature.Unwrap("f(x)"));
    }

    [Fact]
    public void TheCatalogAndTheHandWrittenSpellingGiveTheSameStatement()
    {
        var written = PostgreSqlIndexSignature.Parse("CREATE INDEX ix ON s.t (((payload ->> 'status'::text)), kind DESC) WHERE ((a > 3))")!;
        var catalog = new PostgreSqlIndexSignature.Parts(false, "btree",
            new[] { new PostgreSqlIndexSignature.Key(null, "(payload ->> 'status'::text)", false, null), new PostgreSqlIndexSignature.Key("kind", null, true, null) },
            Array.Empty<string>(), "(a > 3)");

        Assert.Equal(
            PostgreSqlIndexSignature.Statement(false, "s.t", "ix", catalog),
            PostgreSqlIndexSignature.Statement(false, "s.t", "ix", written));
        Assert.Equal("CREATE INDEX ix ON s.t USING btree ((payload ->> 'status'::text), kind DESC) WHERE a > 3", PostgreSqlIndexSignature.Statement(false, "s.t", "ix", catalog));
    }
}
