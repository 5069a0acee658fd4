using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

public sealed class CheckParsingTests
{
    private static CheckSpec CheckOf(string type, string check) =>
        ReadValid(WithAttributes($"{{ name: c, type: \"{type}\", check: \"{check}\" }}")).Entities[0].Attributes[0].Check!;

    private static void Refused(string type, string check) =>
        Single(Read(WithAttributes($"{{ name: c, type: \"{type}\", check: \"{check}\" }}")), "InvalidCheck");

    [Fact]
    public void ConditionsJoinedByAndAreAllRead()
    {
        var check = CheckOf("int", ">= 0 AND < 100 and <> 13 and != 7");
        Assert.Equal(">= 0 AND < 100 and <> 13 and != 7", check.Text);
        Assert.Equal(
            new[] { CheckOperator.GreaterOrEqual, CheckOperator.Less, CheckOperator.NotEqual, CheckOperator.NotEqual },
            check.Conditions.Select(c => c.Operator));
        Assert.Equal(new[] { "0", "100", "13", "7" }, check.Conditions.Select(c => c.Values[0]));
    }

    [Fact]
    public void BetweenKeepsItsOwnAnd()
    {
        var check = CheckOf("decimal(5,2)", "between 1 and 10.5 and <> 5");
        Assert.Equal(2, check.Conditions.Count);
        Assert.Equal(new[] { "1", "10.5" }, check.Conditions[0].Values);
        Assert.Equal(CheckOperator.Between, check.Conditions[0].Operator);
    }

    [Fact]
    public void InListKeepsQuotedValuesWithSpaces()
    {
        var condition = Assert.Single(CheckOf("text", "in (a, b, 'c d', 'it''s')").Conditions);
        Assert.Equal(CheckOperator.In, condition.Operator);
        Assert.Equal(new[] { "a", "b", "c d", "it's" }, condition.Values);
    }

    [Fact]
    public void LengthConditionsApplyToTextualColumns()
    {
        var check = CheckOf("string(20)", "length >= 3 and length between 3 and 20");
        Assert.All(check.Conditions, c => Assert.True(c.OnLength));
        Assert.Equal("length >= 3", check.Conditions[0].ToString());
        Assert.Equal("length between 3 and 20", check.Conditions[1].ToString());
    }

    [Fact]
    public void MatchesKeepsTheRegex()
    {
        var condition = Assert.Single(CheckOf("char(2)", "matches '^[A-Z]{2}$'").Conditions);
        Assert.Equal(CheckOperator.Matches, condition.Operator);
        Assert.Equal("^[A-Z]{2}$", condition.Values[0]);
    }

    [Fact]
    public void TemporalChecksCompareWithIsoLiterals()
    {
        var condition = Assert.Single(CheckOf("date", ">= 2000-01-01").Conditions);
        Assert.Equal("2000-01-01", condition.Values[0]);
    }

    [Theory]
    [InlineData("bool", "= true")]
    [InlineData("json", "<> '{}'")]
    [InlineData("binary", "length > 1")]
    [InlineData("array of int", "> 0")]
    [InlineData("int", "length > 3")]
    [InlineData("int", "matches '^1'")]
    [InlineData("int", ">= abc")]
    [InlineData("smallint", "< 40000")]
    [InlineData("int", "between 5 and 1")]
    [InlineData("int", "between 1")]
    [InlineData("int", ">= 0 or <= 5")]
    [InlineData("int", ">= 0 and")]
    [InlineData("int", "in (1, 2")]
    [InlineData("int", "=> 0")]
    [InlineData("text", "matches '[unclosed'")]
    [InlineData("text", "matches unquoted")]
    [InlineData("text", "length >= -1")]
    [InlineData("date", "> yesterday")]
    [InlineData("enum(a, b)", "in (a, c)")]
    [InlineData("text", "")]
    public void ChecksThatDoNotFitAreInvalidCheck(string type, string check)
    {
        Refused(type, check);
    }
}
