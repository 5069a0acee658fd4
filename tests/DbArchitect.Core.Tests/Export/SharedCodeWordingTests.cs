using System.Text.RegularExpressions;
using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// The model, the design code, the document writers, the index advisor and the schema comparer are shared by every
/// engine, so their code names no engine and none of an engine's own features: those come from the engine's folder (its
/// wording, index spelling, inspector, plans and options). Comments may explain how an engine maps a neutral concept;
/// code and string literals may not name one.
/// </summary>
public sealed class SharedCodeWordingTests
{
    private static readonly string[] SharedFolders = { "Model", "Design", "Export", "Indexing", "Schema" };

    /// <summary>
    /// Engine names, PostgreSQL's enum members of old and its feature words (case-sensitive, whole words) and its
    /// containment operator written as text ("(@>)", "@> ?"; a tokenizer may list it), then, in any case, the engines'
    /// own spellings of index methods, operator classes, functions and types that advice and comparison text used to
    /// carry: btree, gin, gist, brin (access methods), trgm and jsonpath (operator classes and types), date_trunc,
    /// timestamptz, nvarchar and varchar2, InnoDB, postgres, and a designed index name's suffix spelt as one of those
    /// ("_gin": the engine's wording names its own). Whole words otherwise, so words that contain one ("begin",
    /// "origin") and the neutral names (Inverted, BlockRange, "B-tree", "trigram") pass.
    /// </summary>
    private static readonly Regex EngineWords = new(
        @"\b(Gin|Gist|Brin|BTree|PgPartman|TimescaleDb|JsonPath|KeyOperatorClass|IndexMethod|PgTune)\b"
        + @"|\bpg_[a-z]|\bjsonb|tsvector|autovacuum|PGTune|\bGIN\b|\bBRIN\b|\bGiST\b|\bCONCURRENTLY\b|\b[Hh]ba\b|postgresql\.conf|InnoDB|PL/pgSQL|T-SQL|mongosh"
        + @"|\(@>\)|@> \?|PostgreSQL|Postgres\b|MySQL|MariaDB|SQL Server|Oracle|SQLite|MongoDB|DynamoDB|Redis|Cassandra|InfluxDB|TimescaleDB|Neo4j|Neptune|ClickHouse"
        + @"|""(postgresql|mysql|mariadb|sqlserver|oracle|sqlite|mongodb|dynamodb|redis)"""
        + @"|(?i:\b(btree|gin|gist|brin|trgm|jsonpath|date_trunc|timestamptz|nvarchar|varchar2|innodb|postgres)\b)"
        + @"|(?i:""_(btree|gin|gist|brin|trgm)"")",
        RegexOptions.CultureInvariant);

    /// <summary>A whole-line comment, or a trailing one after code (not the // of a URL inside a string).</summary>
    private static readonly Regex Comment = new(@"^\s*//.*$|\s//\s.*$", RegexOptions.CultureInvariant);

    [Fact]
    public void Shared_model_design_export_indexing_and_schema_code_names_no_engine()
    {
        var core = Path.Combine(TestPaths.RepositoryRoot, "src", "DbArchitect.Core");
        var found = SharedFolders
            .SelectMany(folder => Directory.GetFiles(Path.Combine(core, folder), "*.cs", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(core, file), Line: i + 1, Code: Comment.Replace(line, string.Empty))))
            .Where(l => EngineWords.IsMatch(l.Code))
            .Select(l => $"{l.File}:{l.Line}: {EngineWords.Match(l.Code).Value} in {l.Code.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Shared code names an engine or its features; move the text behind the engine:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("md.Heading(4, \"Host access (pg_hba.conf)\");")]
    [InlineData("if (index.Method == IndexMethod.Gin)")]
    [InlineData("request.Mode != PartitionMode.TimescaleDb")]
    [InlineData("? \"Per-table autovacuum settings:\"")]
    [InlineData("var engine = \"mysql\";")]
    [InlineData("IndexStructure.Inverted => \"gin\",")]
    [InlineData("KeyMatch.Trigram => \" trgm\",")]
    [InlineData("KeyFunction.DateTrunc => $\"date_trunc('{Argument}', {Column})\",")]
    [InlineData("{ \"date\", \"timestamptz\" }")]
    [InlineData("return \"NVARCHAR(\" + length + \")\";")]
    [InlineData("_ => \"btree\",")]
    [InlineData("NamePart(column) + \"_gin\"")]
    [InlineData("_ => $\"{column} @> ?\",")]
    [InlineData("$\"{kind} for JSON containment (@>)\");")]
    [InlineData("changedAt + \"_brin\",")]
    public void The_scan_catches_an_engine_word_in_code(string line) =>
        Assert.Matches(EngineWords, Comment.Replace(line, string.Empty));

    [Theory]
    [InlineData("// PostgreSQL builds this as a GIN index.")]
    [InlineData("    var url = \"https://example.org/a\"; // BRIN on PostgreSQL")]
    [InlineData("NamePart(column) + _wording.JsonIndexSuffix")]
    [InlineData("parts.Add(spelling.Method(Method));")]
    [InlineData("$\"{spelling.Kind(IndexStructure.Inverted, KeyMatch.Trigram)} for LIKE (a B-tree cannot seek an infix)\"")]
    [InlineData("var origin = \"workload\"; // begin")]
    public void Comments_and_the_wordings_index_name_suffixes_are_not_engine_words(string line) =>
        Assert.DoesNotMatch(EngineWords, Comment.Replace(line, string.Empty));

    [Fact]
    public void The_neutral_enums_name_what_a_feature_does()
    {
        Assert.Equal(new[] { "Ordered", "Inverted", "Spatial", "BlockRange", "Hash" }, Enum.GetNames<IndexStructure>());
        Assert.Equal(new[] { "Ordinary", "Trigram", "Containment" }, Enum.GetNames<KeyMatch>());
        Assert.Equal(PartitionMode.NativeName, new PartitionRequest().Mode);
    }
}
