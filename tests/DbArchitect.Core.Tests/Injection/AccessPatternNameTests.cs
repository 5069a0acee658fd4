using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Injection;

/// <summary>
/// Access pattern names are free text; two finds of HostileSpecProperties: a line break in one reached SQL Server's
/// and MySQL's procedure names (a "GO" line inside [..] split the batch for sqlcmd), and a NUL in one made the
/// PostgreSQL writer throw while writing the index comment that quotes it.
/// </summary>
public sealed class AccessPatternNameTests
{
    private static DbDesign Design(string patternName, string engine) => DesignEngine.Create(RequirementsReader.Read($$"""
        application: { name: x }
        entities:
          - name: thing
            attributes:
              - { name: code, type: int }
        accessPatterns:
          - { name: {{HostileSpecs.Quote(patternName)}}, entity: thing, where: [code], perSecond: 5 }
        """, "p.yaml").Requirement!, engine);

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("mariadb")]
    [InlineData("mysql")]
    public void ARoutineNameKeepsOnlyLettersDigitsAndUnderscores(string engine)
    {
        var design = Design("by a\r\nGO\nDROP TABLE x\n]", engine);
        var name = Assert.Single(design.QueryTemplates.SelectMany(t => t.Statements)).Name;
        Assert.Equal("q_by_a_go_drop_table_x", name);
        var file = EngineRegistry.Get(engine).Scripts.Generate(design).Single(s => s.RelativePath.StartsWith("queries/", StringComparison.Ordinal));
        Assert.DoesNotContain(file.Text.Split('\n'), l => l.Trim().Equals("go", StringComparison.Ordinal));
    }

    [Fact]
    public void ANulInAPatternNameIsDroppedFromTheIndexComment()
    {
        var design = Design("by\0code", "postgresql");
        var tables = EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.Kind == ScriptKind.Indexes);
        Assert.Contains("COMMENT ON INDEX", tables.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', tables.Text);
    }
}
