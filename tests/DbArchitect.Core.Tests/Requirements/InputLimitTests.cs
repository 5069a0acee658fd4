using System.Diagnostics;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>
/// Hostile and careless inputs (issue 13, "Crashes and runaway resources"): each becomes one located error within
/// bounded time and memory, never a crash, a hang or a wrong figure.
/// </summary>
public sealed class InputLimitTests
{
    [Fact]
    public void FiftyThousandNestedBracketsAreRefusedAtTheLevelThatPassedTheLimit()
    {
        // Without the limit YamlDotNet's node builder recursed 50,000 times and the stack overflow killed the process.
        var yaml = "application: { name: x }\nentities: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        var error = Single(Read(yaml), "NestingTooDeep");
        // The root mapping is the first level, so the 64th bracket is the 65th level.
        AssertAt(error, 2, "entities: ".Length + 64);
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public void NestingWithinTheLimitIsNotRefused()
    {
        var yaml = WithAttributes("{ name: doc, type: json, default: " + new string('[', 40) + new string(']', 40) + " }");
        ReadValid(yaml);
    }

    [Fact]
    public void AnAliasBombInAJsonDefaultIsRefusedQuicklyAtTheAliasThatPassedTheLimit()
    {
        // Ten levels of ten aliases: 10¹⁰ values once expanded (the run took 50 s and 6.4 GB before failing).
        var lines = new StringBuilder("application: { name: x }\nbomb:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 10; level++)
        {
            var previous = "*a" + (level - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Append("  - &a").Append(level).Append(" [").Append(string.Join(", ", Enumerable.Repeat(previous, 10))).Append("]\n");
        }

        lines.Append("entities:\n  - name: thing\n    attributes:\n      - { name: doc, type: json, default: *a10 }\n");
        var yaml = lines.ToString();
        var clock = Stopwatch.StartNew();
        var result = Read(yaml);
        clock.Stop();
        var error = Single(result, "AliasExpansionTooLarge");
        Assert.True(error.Location!.Line is > 2 and < 14, error.ToString());
        Assert.Null(result.Requirement);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    // Found by RequirementsRobustnessProperties in CI: a sequence holding its own alias, used as a mapping key, made
    // YamlDotNet hash it without end and the process died of a stack overflow.
    [InlineData("application: { name: x }\n&a [*a]: 1\n", 2)]
    [InlineData("application: { name: x }\nentities:\n  - &e { name: thing, again: *e }\n", 3)]
    [InlineData("application: { name: x }\nloop: &l\n  - [1, *l]\n", 3)]
    public void AnAliasInsideItsOwnAnchorIsRefusedNotACrash(string yaml, int line)
    {
        var result = Read(yaml);
        var error = Single(result, "RecursiveAlias");
        Assert.Equal(line, error.Location!.Line);
        Assert.Null(result.Requirement);
    }

    [Fact]
    public void AnAliasRightAfterAFlowMappingIsASyntaxErrorNotACrash()
    {
        // Found by RequirementsRobustnessProperties: YamlDotNet's node builder threw ArgumentException here.
        var result = Read("application: { name: x }*b99999999y");
        var error = Single(result, "YamlSyntaxError");
        Assert.InRange(error.Location!.Line, 1, 2); // after the last event that parsed, which may be the end of the text
        Assert.Null(result.Requirement);
    }

    [Fact]
    public void ASmallAliasIsStillAccepted()
    {
        var yaml = "application: { name: x }\nentities:\n  - name: thing\n    attributes:\n"
            + "      - { name: doc, type: json, default: &d [1, 2, 3] }\n      - { name: doc2, type: json, default: *d }\n";
        ReadValid(yaml);
    }

    [Theory]
    [InlineData("rows: 9223372036854775807", "rows", "10¹³")]
    [InlineData("rows: 4611686018427387904", "rows", "10¹³")]
    [InlineData("rowsPerDay: 10000000000001", "rowsPerDay", "10¹³")]
    public void RowCountsBeyondTenTrillionAreRefusedWithTheRange(string line, string key, string range)
    {
        var yaml = "application: { name: x }\nentities:\n  - name: thing\n    " + line + "\n    attributes:\n      - { name: a, type: int }\n";
        var error = OnlyErrorAt(yaml, "InvalidValue", line[(key.Length + 2)..]);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("workload: { retention: 99999999y }", "99999999y", "100 years")]
    [InlineData("workload: { retention: 101y }", "101y", "100 years")]
    [InlineData("workload: { retention: 36526d }", "36526d", "36525d")]
    [InlineData("workload: { records: 9223372036854775807 }", "9223372036854775807", "10¹³")]
    [InlineData("workload: { latencyMs: 1e18 }", "1e18", "3600000")]
    [InlineData("workload: { tps: 1e12 }", "1e12", "10000000")]
    [InlineData("workload: { concurrentUsers: 2147483647 }", "2147483647", "10000000")]
    [InlineData("hardware: { memoryGb: 1e18 }", "1e18", "65536")]
    [InlineData("hardware: { cpus: 100000 }", "100000", "4096")]
    public void FiguresBeyondAPhysicallyMeaningfulRangeAreRefusedWithTheRange(string section, string value, string range)
    {
        var yaml = "application: { name: x }\n" + section + "\nentities:\n  - name: thing\n    attributes:\n      - { name: a, type: int }\n";
        var error = OnlyErrorAt(yaml, "InvalidValue", value);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiguresAtTheTopOfTheirRangesGiveSaneFiguresOrAClearError()
    {
        // The largest accepted figures must give a design with non-negative capacities and counts, or a DbArchitect
        // error: never a raw OverflowException or a wrapped-around number.
        var yaml = """
            application: { name: x }
            workload: { records: 10000000000000, recordsPerDay: 10000000000000, retention: 100y, tps: 10000000, concurrentUsers: 10000000, latencyMs: 1 }
            hardware: { memoryGb: 65536, cpus: 4096 }
            engine: postgresql
            entities:
              - name: thing
                rows: 10000000000000
                rowsPerDay: 10000000000000
                attributes:
                  - { name: a, type: string(200) }
            """;
        DbDesign design;
        try
        {
            design = DesignEngine.Create(ReadValid(yaml));
        }
        catch (DbArchitectException ex)
        {
            Assert.Equal("DesignFigureOverflow", Assert.Single(ex.Errors).ErrorId);
            return;
        }

        Assert.All(design.CapacityForecast!.Tables, t => Assert.True(t.TotalToday >= 0 && t.TotalAtRetention >= 0 && t.RowsAtRetention >= 0, t.ToString()));
        Assert.DoesNotContain(design.Decisions, d => d.Decision.Contains("-2147", StringComparison.Ordinal) || d.Reason.Contains("-2147", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postgresql", 1600, "1600")]
    [InlineData("mariadb", 1017, "1017")]
    [InlineData("sqlserver", 1024, "1024")]
    [InlineData("oracle", 1000, "1000")]
    [InlineData("sqlite", 2000, "2000")]
    public void AnEntityWiderThanTheEnginesColumnLimitIsRefusedWithTheEnginesFigure(string engine, int limit, string figure)
    {
        var error = Single(Read(WideEntity(engine, limit + 1)), "EngineLimitExceeded");
        AssertAt(error, 4, 11);
        Assert.Contains(figure, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntityAtTheEnginesColumnLimitIsAccepted()
    {
        // 1 id column + 1,599 attributes (timestamps off) = 1,600 columns, PostgreSQL's limit.
        ReadValid(WideEntity("postgresql", 1599));
    }

    [Fact]
    public void FiveThousandAttributesUnderEngineAutoAreRefusedNotDividedByZero()
    {
        var error = Single(Read(WideEntity("auto", 5000)), "EngineLimitExceeded");
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEngineChosenOnTheCommandLineIsHeldToItsOwnColumnLimit()
    {
        var requirement = ReadValid(WideEntity("sqlite", 1700));
        var ex = Assert.Throws<DbArchitectException>(() => DesignEngine.Create(requirement, "postgresql"));
        Assert.Contains(ex.Errors, e => e.ErrorId == "EngineLimitExceeded" && e.Message.Contains("1600", StringComparison.Ordinal));
    }

    [Fact]
    public void TwentyThousandDuplicateEntitiesGiveAHundredErrorsAndOneSummary()
    {
        var yaml = new StringBuilder("application: { name: x }\nentities:\n");
        for (var i = 0; i < 20_000; i++)
        {
            yaml.Append("  - { name: thing, attributes: [{ name: a, type: int }] }\n");
        }

        var result = Read(yaml.ToString());
        Assert.Equal(101, result.Errors.Count);
        var summary = result.Errors[^1];
        Assert.Equal("TooManyErrors", summary.ErrorId);
        Assert.Contains("19,899 more errors", summary.Message, StringComparison.Ordinal);
        Assert.True(summary.Location!.Line > 0);
        Assert.Null(result.Requirement);
    }

    [Fact]
    public void TextOverTenMegabytesIsRefusedBeforeParsing()
    {
        var yaml = "application: { name: x, description: \"" + new string('d', 11 * 1024 * 1024) + "\" }\n";
        var error = Single(Read(yaml), "InputTooLarge");
        AssertAt(error, 1, 1);
        Assert.Contains("10 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOverTenMegabytesIsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "dbarchitect-input-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(11L * 1024 * 1024);
            }

            var result = RequirementsReader.ReadFile(path);
            var error = Assert.Single(result.Errors);
            Assert.Equal("InputTooLarge", error.ErrorId);
            Assert.Equal((path, 1, 1), (error.Location!.File, error.Location.Line, error.Location.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ALatin1FileIsRefusedAtTheFirstByteThatIsNotUtf8()
    {
        var path = Path.Combine(Path.GetTempPath(), "dbarchitect-input-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            File.WriteAllBytes(path, Encoding.Latin1.GetBytes("application:\n  name: café\nentities:\n  - name: thing\n"));
            var result = RequirementsReader.ReadFile(path);
            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidEncoding", error.ErrorId);
            Assert.Equal((2, 12), (error.Location!.Line, error.Location.Column));
            Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
            Assert.Null(result.Requirement);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AUtf8FileWithAByteOrderMarkStillReads()
    {
        var path = Path.Combine(Path.GetTempPath(), "dbarchitect-input-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            File.WriteAllText(path, "application:\n  name: café\nentities:\n  - name: thing\n    attributes: [{ name: a, type: int }]\n", new UTF8Encoding(true));
            var result = RequirementsReader.ReadFile(path);
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
            Assert.Equal("café", result.Requirement!.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One entity of <paramref name="attributes"/> int attributes plus its id (timestamps off), name on line 4 column 11.</summary>
    private static string WideEntity(string engine, int attributes)
    {
        var yaml = new StringBuilder("application: { name: x }\nengine: ").Append(engine)
            .Append("\nentities:\n  - name: thing\n    timestamps: false\n    attributes:\n");
        for (var i = 0; i < attributes; i++)
        {
            yaml.Append("      - { name: c").Append(i).Append(", type: int }\n");
        }

        return yaml.ToString();
    }
}
