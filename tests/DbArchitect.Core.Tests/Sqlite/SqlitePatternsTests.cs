using DbArchitect.Core.Engines.Sqlite;

namespace DbArchitect.Core.Tests.Sqlite;

public sealed class SqlitePatternsTests
{
    [Theory]
    [InlineData("^[a-z0-9_]{3,30}$", "length(c) BETWEEN 3 AND 30 AND c NOT GLOB '*[^a-z0-9_]*'")]
    [InlineData("^#[0-9a-fA-F]{6}$", "c GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'")]
    [InlineData("^[^';]*$", "c NOT GLOB '*['';]*'")]
    [InlineData("^[A-Z]+$", "length(c) >= 1 AND c NOT GLOB '*[^A-Z]*'")]
    [InlineData("abc", "c GLOB '*abc*'")]
    public void Translates_common_validation_patterns_to_exact_glob(string pattern, string expected) =>
        Assert.Equal(expected, SqlitePatterns.ToGlob(pattern, "c"));

    [Theory]
    [InlineData("^(a|b)$")]
    [InlineData("^[a-z]+@[a-z]+$")]
    [InlineData("^\\S+$")]
    public void Leaves_patterns_without_an_exact_glob_form_to_regexp(string pattern) =>
        Assert.Null(SqlitePatterns.ToGlob(pattern, "c"));
}
