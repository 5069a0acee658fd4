using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Design;

/// <summary>
/// Issue 13: limits the engine's server enforces at CREATE TABLE or CREATE INDEX (row width, columns per index,
/// fixed-width key bytes, names the engine derives) refuse the design with the engine's figure, located at the entity
/// or access pattern behind them, instead of producing DDL the server rejects.
/// </summary>
public sealed class EngineLimitTests
{
    /// <summary>An entity of <paramref name="count"/> attributes of <paramref name="type"/>, and an access pattern filtering on the first <paramref name="filtered"/>.</summary>
    private static string Spec(int count, string type, int filtered = 0, string extra = "")
    {
        var yaml = new StringBuilder("application: { name: x }\nentities:\n  - name: wide\n    timestamps: false\n    attributes:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append("      - { name: c").Append(i).Append(", type: \"").Append(type).Append("\" }\n");
        }

        yaml.Append(extra);
        if (filtered > 0)
        {
            yaml.Append("accessPatterns:\n  - { name: lookup, entity: wide, where: [")
                .Append(string.Join(", ", Enumerable.Range(0, filtered).Select(i => "c" + i))).Append("], perSecond: 10 }\n");
        }

        return yaml.ToString();
    }

    private static DbArchitectError Refused(string yaml, string engine, string errorId = "EngineLimitExceeded")
    {
        var requirement = ReadValid(yaml);
        var ex = Assert.Throws<DbArchitectException>(() => DesignEngine.Create(requirement, engine));
        var error = Assert.Single(ex.Errors, e => e.ErrorId == errorId);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        return error;
    }

    /// <summary>The design reports the element (entity, attribute or access pattern mapping) on the line where <paramref name="marker"/> is.</summary>
    private static void AssertOnLineOf(DbArchitectError error, string yaml, string marker)
    {
        var (line, column) = Locate(yaml, marker);
        Assert.Equal(Source, error.Location!.File);
        Assert.Equal(line, error.Location.Line);
        Assert.InRange(error.Location.Column, 1, column);
    }

    private static void Designs(string yaml, string engine) => Assert.NotNull(DesignEngine.Create(ReadValid(yaml), engine));

    [Theory]
    [InlineData("mariadb")]
    [InlineData("mysql")]
    public void AnInnoDbRowOverSixtyFiveThousandBytesIsRefusedAtTheEntity(string engine)
    {
        // 70 × VARCHAR(250) at 4 bytes per utf8mb4 character and 2 length bytes = 70,140 bytes > 65,535.
        var yaml = Spec(70, "string(250)");
        var error = Refused(yaml, engine);
        AssertOnLineOf(error, yaml, "name: wide");
        Assert.Contains("65,535", error.Message, StringComparison.Ordinal);
        Assert.Contains("70,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRowAsTextFitsInnoDbAndEveryEngineWithoutARowLimit()
    {
        Designs(Spec(70, "text"), "mariadb");
        Designs(Spec(70, "string(250)"), "postgresql");
        Designs(Spec(70, "string(250)"), "sqlite");
        Designs(Spec(70, "string(250)"), "oracle");
        Designs(Spec(60, "string(250)"), "mariadb"); // 60,120 bytes
    }

    [Fact]
    public void ASqlServerRowOfFixedWidthColumnsOverEightThousandSixtyBytesIsRefused()
    {
        // 9 × NCHAR(450) = 8,100 bytes, the 16-byte key, a 4-byte row header and a 4-byte null bitmap: 8,124.
        var error = Refused(Spec(9, "char(450)"), "sqlserver");
        Assert.Contains("8,060", error.Message, StringComparison.Ordinal);
        Assert.Contains("8,124", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariableWidthColumnsMayMoveOffRowOnSqlServer()
    {
        Designs(Spec(9, "string(450)"), "sqlserver");
        Designs(Spec(8, "char(450)"), "sqlserver"); // 7,200 bytes + overhead
    }

    [Theory]
    [InlineData("mariadb", 17, "16")]
    [InlineData("mysql", 17, "16")]
    [InlineData("postgresql", 33, "32")]
    [InlineData("sqlserver", 33, "32")]
    [InlineData("oracle", 33, "32")]
    public void AnIndexOverTheEnginesColumnLimitIsRefusedAtItsAccessPattern(string engine, int filtered, string figure)
    {
        var yaml = Spec(40, "int", filtered);
        var error = Refused(yaml, engine);
        AssertOnLineOf(error, yaml, "name: lookup");
        Assert.Contains("at most " + figure + " ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mariadb", 16)]
    [InlineData("postgresql", 32)]
    [InlineData("sqlite", 40)]
    public void AnIndexAtTheLimitOrOnSqliteWhichHasNoneOfItsOwnIsAccepted(string engine, int filtered) =>
        Designs(Spec(40, "int", filtered), engine);

    [Fact]
    public void ASqlServerIndexOverSeventeenHundredFixedKeyBytesIsRefused()
    {
        // NCHAR(900) is 1,800 bytes: CREATE INDEX on it fails; NVARCHAR(900) only warns.
        var yaml = Spec(1, "char(900)", filtered: 1);
        var error = Refused(yaml, "sqlserver");
        Assert.Contains("1,700", error.Message, StringComparison.Ordinal);
        Assert.Contains("1,800", error.Message, StringComparison.Ordinal);
        Designs(Spec(1, "string(900)", filtered: 1), "sqlserver");
    }

    [Fact]
    public void AnAttributeNamedLikeMariaDbsHelperColumnIsACollisionNotBrokenDdl()
    {
        // A unique e-mail is compared lower-cased; MariaDB has no functional index, so it adds a virtual column
        // contact_lower, which the attribute of that name would duplicate (CREATE TABLE fails: duplicate column).
        var yaml = "application: { name: x }\nentities:\n  - name: person\n    attributes:\n"
            + "      - { name: contact, type: email, unique: true }\n      - { name: contact_lower, type: string(320) }\n";
        var error = Refused(yaml, "mariadb", "IdentifierCollision");
        AssertOnLineOf(error, yaml, "name: contact_lower");
        Assert.Contains("contact_lower", error.Message, StringComparison.Ordinal);
        Designs(yaml, "postgresql");
        Designs(yaml, "mysql"); // MySQL indexes LOWER(contact) directly
    }

    [Fact]
    public void APostgreSqlSystemColumnNameIsRefusedAtTheAttribute()
    {
        // Found by HostileSpecsAppliedTests: psql failed with "column name "ctid" conflicts with a system column name".
        var yaml = "application: { name: x }\nentities:\n  - name: thing\n    attributes:\n      - { name: ctid, type: int }\n";
        var error = Refused(yaml, "postgresql", "IdentifierCollision");
        AssertOnLineOf(error, yaml, "name: ctid");
        Assert.Contains("system column", error.Message, StringComparison.Ordinal);
        Designs(yaml, "mariadb");
        Designs(yaml, "sqlite");
    }

    [Fact]
    public void LongNamesThatShareTheirKeptPrefixStayDistinctAndEachShorteningIsADecision()
    {
        var stem = new string('n', 70);
        var yaml = $"application: {{ name: x }}\nentities:\n  - name: {stem}a\n    attributes:\n      - {{ name: {stem}x, type: int }}\n      - {{ name: {stem}y, type: int }}\n"
            + $"  - name: {stem}b\n    attributes:\n      - {{ name: v, type: int }}\n";
        foreach (var engine in new[] { "postgresql", "mariadb", "sqlserver", "oracle", "sqlite" })
        {
            var design = DesignEngine.Create(ReadValid(yaml), engine);
            var tables = design.Physical.Tables.Select(t => t.Name).ToList();
            Assert.Equal(tables.Count, tables.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            var columns = design.Physical.Tables.Single(t => t.SourceEntity == stem + "a").Columns.Select(c => c.Name).ToList();
            Assert.Equal(columns.Count, columns.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            if (engine == "postgresql")
            {
                Assert.All(tables.Concat(columns), n => Assert.True(Encoding.UTF8.GetByteCount(n) <= 63, n));
                Assert.Contains(design.Decisions, d => d.Subject == stem + "x" && d.Decision.StartsWith("Named ", StringComparison.Ordinal));
            }
        }
    }
}
