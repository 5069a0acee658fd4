using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.MySql;

public sealed class MySqlEngineTests
{
    public static TheoryData<string, string> SpecsPerEngine()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in MySqlDesigns.Specs())
        {
            data.Add(spec, "mysql");
            data.Add(spec, "mariadb");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecsPerEngine))]
    public void EveryExampleAndHostileSpecDesignsDeterministically(string spec, string engine)
    {
        var first = MySqlDesigns.AllScripts(MySqlDesigns.Design(spec, engine));
        var second = MySqlDesigns.AllScripts(MySqlDesigns.Design(spec, engine));
        Assert.Equal(first, second);
        Assert.DoesNotContain("PostgreSQL", first, StringComparison.Ordinal);
        Assert.DoesNotContain("::", first.Replace("'", string.Empty, StringComparison.Ordinal).Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)).Aggregate(string.Empty, (a, l) => a + l), StringComparison.Ordinal);
    }

    [Fact]
    public void BothDialectsAreRegistered()
    {
        Assert.Equal("MySQL 8.0", EngineRegistry.Get("mysql").DisplayName);
        Assert.Equal("MariaDB 10.11", EngineRegistry.Get("mariadb").DisplayName);
        Assert.False(EngineRegistry.Get("mysql").Identifiers.CaseSensitive);
    }

    [Theory]
    [InlineData("orders", "orders")]
    [InlineData("order", "`order`")]
    [InlineData("Order", "`Order`")]
    [InlineData("rank", "`rank`")]
    [InlineData("1st", "`1st`")]
    [InlineData("a`b", "`a``b`")]
    [InlineData("ünï", "`ünï`")]
    public void IdentifiersAreQuotedOnlyWhereNeeded(string name, string expected) =>
        Assert.Equal(expected, new MySqlIdentifiers().Quote(name));

    [Fact]
    public void IdentifierLimitCountsCharactersNotBytes()
    {
        var rules = new MySqlIdentifiers();
        Assert.Equal("`" + new string('ü', 64) + "`", rules.Quote(new string('ü', 64)));
        Assert.Throws<ArgumentException>(() => rules.Quote(new string('a', 65)));
        Assert.Throws<ArgumentException>(() => rules.Quote("trailing "));
    }

    [Fact]
    public void LongNamesAreShortenedDeterministicallyWithin64Characters()
    {
        var design = MySqlDesigns.Design("tests/fixtures/hostile/unicode-and-long-names.yaml", "mariadb");
        var names = design.Physical.Tables.SelectMany(t => t.Columns.Select(c => c.Name).Append(t.Name).Concat(t.Indexes.Select(i => i.Name)).Concat(t.ForeignKeys.Select(f => f.Name)));
        Assert.All(names, n => Assert.True(n.Length <= 64, n));
    }

    [Theory]
    [InlineData("mysql", LogicalTypeKind.Uuid, "BINARY(16)")]
    [InlineData("mariadb", LogicalTypeKind.Uuid, "UUID")]
    [InlineData("mysql", LogicalTypeKind.Money, "DECIMAL(19,4)")]
    [InlineData("mysql", LogicalTypeKind.Timestamp, "DATETIME(6)")]
    [InlineData("mariadb", LogicalTypeKind.Bool, "TINYINT(1)")]
    [InlineData("mariadb", LogicalTypeKind.Json, "JSON")]
    [InlineData("mysql", LogicalTypeKind.Email, "VARCHAR(320)")]
    public void LogicalTypesMapToNativeTypesWithReasons(string engine, LogicalTypeKind kind, string expected)
    {
        var mapped = EngineRegistry.Get(engine).Types.Map(LogicalType.Simple(kind));
        Assert.Equal(expected, mapped.Sql);
        Assert.False(string.IsNullOrWhiteSpace(mapped.Reason));
    }

    [Fact]
    public void EnumsAreVarcharSizedToTheLongestMember() =>
        Assert.Equal("VARCHAR(9)", EngineRegistry.Get("mysql").Types.Map(LogicalType.Enum(new[] { "new", "cancelled" })).Sql);

    [Fact]
    public void DialectsDifferWhereTheServersDo()
    {
        var mysql = MySqlDesigns.AllScripts(MySqlDesigns.Design("examples/requirements/ecommerce.yaml", "mysql"));
        var maria = MySqlDesigns.AllScripts(MySqlDesigns.Design("examples/requirements/ecommerce.yaml", "mariadb"));
        Assert.Contains("COLLATE=utf8mb4_0900_ai_ci", mysql, StringComparison.Ordinal);
        Assert.Contains("COLLATE=utf8mb4_uca1400_ai_ci", maria, StringComparison.Ordinal);
        Assert.Contains("ENGINE=InnoDB", maria, StringComparison.Ordinal);
        Assert.Contains("ON UPDATE CURRENT_TIMESTAMP(6)", maria, StringComparison.Ordinal);
        // lower(email): MySQL 8.0.13+ a functional key part; MariaDB an indexed virtual generated column.
        Assert.Contains("ON customer ((LOWER(email)))", mysql, StringComparison.Ordinal);
        Assert.Contains("email_lower VARCHAR(320) AS (LOWER(email)) VIRTUAL", maria, StringComparison.Ordinal);
        Assert.Contains("ON customer (email_lower)", maria, StringComparison.Ordinal);
        // Fuzzy search: ngram FULLTEXT on MySQL only.
        Assert.Contains("WITH PARSER ngram", mysql, StringComparison.Ordinal);
        Assert.DoesNotContain("ngram COMMENT", maria, StringComparison.Ordinal);
    }

    [Fact]
    public void UuidKeysAreTimeOrderedOnBothDialects()
    {
        var spec = "examples/requirements/ecommerce.yaml";
        var mysql = MySqlDesigns.AllScripts(MySqlDesigns.Design(spec, "mysql"));
        var maria = MySqlDesigns.AllScripts(MySqlDesigns.Design(spec, "mariadb"));
        if (mysql.Contains("BINARY(16)", StringComparison.Ordinal))
        {
            Assert.Contains("DEFAULT (UUID_TO_BIN(UUID(), 1))", mysql, StringComparison.Ordinal);
            Assert.Contains("UUID NOT NULL DEFAULT UUID()", maria, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RolesAreActivatedInEachDialectsSyntax()
    {
        var mysql = MySqlDesigns.Design("examples/requirements/ecommerce.yaml", "mysql").Security.Roles[0].LoginExample;
        var maria = MySqlDesigns.Design("examples/requirements/ecommerce.yaml", "mariadb").Security.Roles[0].LoginExample;
        Assert.Contains("REQUIRE SSL", mysql, StringComparison.Ordinal);
        Assert.Matches("SET DEFAULT ROLE '[^']+' TO", mysql);
        Assert.Matches("SET DEFAULT ROLE [a-z_]+ FOR", maria);
    }

    [Fact]
    public void ConfigurationDiffersForRedoLogAndPersistence()
    {
        var input = new ConfigInput(64, 16, StorageKind.Ssd, ConfigWorkload.Oltp, null);
        var mysql = EngineRegistry.Get("mysql").Config.Recommend(input);
        var maria = EngineRegistry.Get("mariadb").Config.Recommend(input);
        Assert.Equal("45824M", mysql.Find("innodb_buffer_pool_size")!.Value);
        Assert.NotNull(mysql.Find("innodb_redo_log_capacity"));
        Assert.NotNull(maria.Find("innodb_log_file_size"));
        Assert.Null(maria.Find("innodb_buffer_pool_instances"));
        Assert.Contains("SET PERSIST", mysql.AlterSystemScript, StringComparison.Ordinal);
        Assert.Contains("SET GLOBAL", maria.AlterSystemScript, StringComparison.Ordinal);
    }
}
