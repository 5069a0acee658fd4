using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>The rule checker finds each kind of violation, so a clean run over the generated scripts means something.</summary>
public sealed class OracleRuleCheckerTests
{
    private static IReadOnlyList<string> Check(string text) =>
        OracleRuleChecker.Check(new[] { new SqlScript("001_x.sql", 1, ScriptKind.Tables, "oracle", "x", text, false) });

    [Fact]
    public void CleanScriptHasNoFindings() => Assert.Empty(Check(
        "SET DEFINE OFF\nCREATE TABLE S.T (\n    ID NUMBER(19) NOT NULL,\n    \"ORDER\" VARCHAR2(10 CHAR)\n);\nCREATE INDEX S.I ON S.T (ID);\n"
        + "CREATE OR REPLACE TRIGGER S.TR\nBEFORE UPDATE ON S.T\nFOR EACH ROW\nBEGIN\n    NULL;\nEND;\n/\n"));

    [Theory]
    [InlineData("CREATE TABLE S.T (\n    ID NUMBER(19)\n)\n", "not terminated")]
    [InlineData("CREATE OR REPLACE TRIGGER S.TR\nBEFORE UPDATE ON S.T\nFOR EACH ROW\nBEGIN\n    NULL;\nEND;\n", "'/'")]
    [InlineData("CREATE TABLE S.T (\n    ID uuid NOT NULL\n);\n", "allow-list")]
    [InlineData("CREATE TABLE S.T (\n    ID timestamptz\n);\n", "allow-list")]
    [InlineData("CREATE TABLE S.T (\n    ORDER NUMBER(10)\n);\n", "reserved word ORDER")]
    [InlineData("CREATE INDEX S.I ON S.T USING gin (X);\n", "PostgreSQL-only")]
    [InlineData("CREATE TABLE S.T (\n    ID NUMBER(10) DEFAULT 0::int\n);\n", "PostgreSQL-only")]
    [InlineData("CREATE TABLE IF NOT EXISTS S.T (\n    ID NUMBER(10)\n);\n", "PostgreSQL-only")]
    [InlineData("CREATE EXTENSION pg_trgm;\n", "PostgreSQL-only")]
    [InlineData("ALTER TABLE S.T ADD CONSTRAINT F FOREIGN KEY (A) REFERENCES S.U (ID) ON DELETE RESTRICT;\n", "PostgreSQL-only")]
    [InlineData("CREATE INDEX S.I ON S.MISSING (ID);\n", "before its CREATE TABLE")]
    [InlineData("SELECT * FROM S.T WHERE ID = $1;\n", "PostgreSQL-only")]
    public void ViolationIsFound(string text, string expected)
    {
        var findings = Check(text);
        Assert.Contains(findings, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void IdentifierOver128BytesIsFound() =>
        Assert.Contains(Check($"CREATE TABLE S.{new string('A', 129)} (\n    ID NUMBER(10)\n);\n"), f => f.Contains("128 bytes", StringComparison.Ordinal));
}
