using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Tests.Lint;

public sealed class SqlTokenizerTests
{
    [Fact]
    public void Tokens_know_their_one_based_line_and_column()
    {
        var script = SqlScriptReader.Read("SET a = 1;\n  ALTER TABLE t\n    ADD c int;", SqlLexOptions.PostgreSql);
        Assert.Equal(2, script.Statements.Count);
        var alter = script.Statements[1];
        Assert.Equal((2, 3), (alter.Line, alter.Column));
        Assert.Equal((3, 5), (alter.Tokens[3].Line, alter.Tokens[3].Column));
        Assert.Equal(3, alter.EndLine);
    }

    [Fact]
    public void Dollar_quoted_bodies_and_nested_comments_hide_their_semicolons()
    {
        const string sql = "/* a /* nested */ DROP TABLE x; */\nCREATE FUNCTION f() RETURNS int AS $body$ BEGIN; DROP TABLE y; END $body$ LANGUAGE sql;\nSELECT 'it''s; fine', $$;$$;";
        var script = SqlScriptReader.Read(sql, SqlLexOptions.PostgreSql);
        Assert.Equal(2, script.Statements.Count);
        Assert.True(script.Statements[0].StartsWith("CREATE", "FUNCTION"));
        Assert.Single(script.Comments);
    }

    [Fact]
    public void MySql_delimiter_blocks_are_one_statement_and_hash_starts_a_comment()
    {
        const string sql = "# header\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\nDELIMITER ;\nSELECT `a;b` FROM t;";
        var script = SqlScriptReader.Read(sql, SqlLexOptions.MySql);
        Assert.Equal(2, script.Statements.Count);
        Assert.Equal(3, script.Statements[0].Line);
        Assert.Equal(5, script.Statements[1].Line);
    }

    [Fact]
    public void SqlServer_go_lines_end_batches_and_brackets_quote_names()
    {
        var script = SqlScriptReader.Read("CREATE TABLE [a;b] (id int)\nGO\nSELECT 1\ngo 2\n", SqlLexOptions.SqlServer);
        Assert.Equal(2, script.Statements.Count);
        Assert.Equal("a;b", script.Statements[0].Tokens[2].Name);
    }

    [Fact]
    public void An_unterminated_string_runs_to_the_end_without_throwing()
    {
        var script = SqlScriptReader.Read("SELECT 'never closed; DROP TABLE t;", SqlLexOptions.PostgreSql);
        Assert.Single(script.Statements);
    }
}
