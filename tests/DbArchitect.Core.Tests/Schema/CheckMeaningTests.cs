using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Tests.Schema;

/// <summary>Issue 13 data loss 2: a check compares by meaning, however the design or the server prints it.</summary>
public sealed class CheckMeaningTests
{
    [Theory]
    [InlineData("loyalty_points >= 0", "CHECK ((loyalty_points >= 0))")]
    [InlineData("price >= 0", "price >= 0::numeric")]
    [InlineData("price >= 0", "(price >= (0)::numeric)")]
    [InlineData("x >= -5", "x >= '-5'::integer")]
    [InlineData("status IN ('active', 'suspended', 'closed')", "status = ANY (ARRAY['active'::text, 'suspended'::text, 'closed'::text])")]
    [InlineData("status IN ('active', 'closed')", "((status)::text = ANY ((ARRAY['closed'::character varying, 'active'::character varying])::text[]))")]
    [InlineData("email ~ '^[^@[:space:]]+@[^@[:space:]]+$'", "(email)::text ~ '^[^@[:space:]]+@[^@[:space:]]+$'::text")]
    [InlineData("score BETWEEN 0 AND 10", "score >= 0 AND score <= 10")]
    [InlineData("a >= 1 AND (b <= 2 AND c > 3)", "((a >= 1) AND (b <= 2)) AND (c > 3)")]
    [InlineData("tags <@ ARRAY['a', 'b']::text[]", "tags <@ ARRAY['a'::text, 'b'::text]")]
    [InlineData("char_length(country_code) = 2", "CHAR_LENGTH(\"country_code\") = 2")]
    [InlineData("`status` in ('it\\'s ok','semi;colon')", "`status` IN ('it''s ok', 'semi;colon')")]
    [InlineData("`loyalty_points` between 0 and 10", "`loyalty_points` >= 0 AND `loyalty_points` <= 10")]
    [InlineData("d >= DATE '2020-01-01'", "d >= '2020-01-01'::date")]
    public void TheSameConditionPrintedTwoWaysHasOneMeaning(string design, string catalog)
    {
        var backslash = design.Contains('`', StringComparison.Ordinal);
        Assert.Equal(CheckMeaning.Of(design, backslash), CheckMeaning.Of(catalog, backslash));
    }

    [Theory]
    [InlineData("loyalty_points >= 0", "loyalty_points >= 0 AND loyalty_points <= 10")]
    [InlineData("status IN ('active', 'closed')", "status = ANY (ARRAY['active'::text, 'closed'::text, 'archived'::text])")]
    [InlineData("status IN ('active', 'closed')", "status IN ('active')")]
    [InlineData("x > 0", "x >= 0")]
    [InlineData("x > 0", "y > 0")]
    [InlineData("name ~ 'a'", "name ~* 'a'")]
    public void AChangedConditionHasAnotherMeaning(string before, string after) =>
        Assert.NotEqual(CheckMeaning.Of(before), CheckMeaning.Of(after));

    [Fact]
    public void AnEnumCheckListsItsMembersHoweverItIsSpelled()
    {
        var members = CheckMeaning.Members("((status)::text = ANY ((ARRAY['pending'::character varying, 'paid'::character varying])::text[]))");

        Assert.NotNull(members);
        Assert.Equal("status", members.Value.Column);
        Assert.Equal(new[] { "pending", "paid" }, members.Value.Members);
        Assert.Null(CheckMeaning.Members("total >= 0"));
        Assert.Equal(new[] { "it's" }, CheckMeaning.Members("`mood` in ('it\\'s')", backslashEscapes: true)!.Value.Members);
    }
}
