using System.Text.RegularExpressions;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// The neutral model was once PostgreSQL-shaped, and shared code leaked PostgreSQL's feature names into every engine's
/// design.md and design.json (SharedCodeWordingTests keeps the shared code itself clean). For each other engine, each example and each hostile spec, neither names a PostgreSQL-only feature the
/// engine does not have, not even in a designed index's name (ix_…_trgm, …_gin, …_brin were PostgreSQL's words in every
/// engine's DDL). Names an engine's design may honestly use are not listed: the technology ranking's sentences about PostgreSQL, SQLite's own VACUUM, SQL Server's
/// INCLUDE and row-level security (security policies), Oracle's row-level security (VPD).
/// </summary>
public sealed partial class EngineWordingTests
{
    /// <summary>Every engine New-DbDesign designs for, from the registry, but PostgreSQL.</summary>
    private static readonly string[] OtherEngines = EngineRegistry.DesignableIds.Where(id => id != "postgresql").ToArray();

    /// <summary>PostgreSQL-only names no other engine has (case-sensitive, whole words).</summary>
    private static readonly (string Term, Regex Pattern)[] PostgreSqlOnly =
    {
        ("jsonb", new Regex(@"\bjsonb", RegexOptions.CultureInvariant)),
        ("GIN", new Regex(@"\bGIN\b", RegexOptions.CultureInvariant)),
        ("BRIN", new Regex(@"\bBRIN\b|\bBrin\b", RegexOptions.CultureInvariant)),
        ("GiST", new Regex(@"\bGiST\b", RegexOptions.CultureInvariant)),
        ("autovacuum", new Regex("autovacuum", RegexOptions.CultureInvariant)),
        ("pg_ catalog or extension", new Regex(@"\bpg_[a-z]", RegexOptions.CultureInvariant)),
        ("CONCURRENTLY", new Regex(@"\bCONCURRENTLY\b", RegexOptions.CultureInvariant)),
        ("tsvector", new Regex("tsvector|tsquery", RegexOptions.CultureInvariant)),
        ("ILIKE", new Regex(@"\bILIKE\b", RegexOptions.CultureInvariant)),
        ("operator classes", new Regex("gin_trgm_ops|gist_trgm_ops|jsonb_path_ops", RegexOptions.CultureInvariant)),
        ("sequential scan", new Regex("sequential scan", RegexOptions.CultureInvariant)),
        ("TOAST", new Regex(@"\bTOAST\b", RegexOptions.CultureInvariant)),
        ("PGTune", new Regex("PGTune", RegexOptions.CultureInvariant)),
        ("index name suffix", new Regex(@"_(trgm|gin|brin)\b", RegexOptions.CultureInvariant)),
        ("PostgreSQL settings", new Regex(@"\b(shared_buffers|maintenance_work_mem|work_mem|effective_cache_size)\b", RegexOptions.CultureInvariant)),
    };

    public static TheoryData<string, string> EnginesAndSpecs()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in OtherEngines)
        {
            foreach (var spec in TestPaths.ExampleAndHostileSpecs)
            {
                data.Add(engine, spec);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndSpecs))]
    public void Design_documents_name_no_PostgreSQL_only_feature(string engine, string spec)
    {
        var (md, json) = Documents(engine, spec);
        var terms = PostgreSqlOnly.ToList();
        if (engine is "mysql" or "mariadb" or "sqlite")
        {
            // No row-level security: the tenant comment must not claim it, and RLS is never named as theirs.
            terms.Add(("row-level security limits", new Regex(@"row-level security limits|\bRLS\b", RegexOptions.CultureInvariant)));
        }

        if (engine is "mysql" or "mariadb" or "sqlite" or "oracle")
        {
            terms.Add(("INCLUDE", new Regex(@"\bINCLUDE\b", RegexOptions.CultureInvariant)));
        }

        if (engine != "sqlite")
        {
            terms.Add(("vacuum", new Regex(@"\bvacuum\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)));
        }

        var found = terms
            .SelectMany(t => new[] { ("design.md", md), ("design.json", json) }.Select(f => (t.Term, File: f.Item1, Match: t.Pattern.Match(f.Item2), Text: f.Item2)))
            .Where(x => x.Match.Success)
            .Select(x => $"{x.File}: {x.Term} in …{Around(x.Text, x.Match.Index)}…")
            .ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [MemberData(nameof(EnginesAndSpecs))]
    public void Index_table_names_the_method_the_engine_builds(string engine, string spec)
    {
        var (md, _) = Documents(engine, spec);
        var methods = IndexTableMethod().Matches(md).Select(m => m.Groups["method"].Value).ToList();
        Assert.DoesNotContain(methods, m => m is "gin" or "brin" or "gist" or "hash");
    }

    [Fact]
    public void PostgreSql_keeps_its_own_words()
    {
        var (md, _) = Documents("postgresql", Path.Combine("examples", "requirements", "saas-projects.yaml"));
        Assert.Contains("row-level security limits every session to its own tenant", md, StringComparison.Ordinal);
        Assert.Contains("a GIN index with jsonb_path_ops serves containment", md, StringComparison.Ordinal);
        Assert.Matches(IndexTableMethod(), md);
        Assert.Contains("| gin |", md, StringComparison.Ordinal);
    }

    private static (string Md, string Json) Documents(string engine, string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), engine);
        var files = DesignExporter.Plan(design);
        return (files.Single(f => f.RelativePath == "design.md").Content, files.Single(f => f.RelativePath == "design.json").Content);
    }

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 60), Math.Min(text.Length, index + 60) - Math.Max(0, index - 60)).ReplaceLineEndings(" ");

    /// <summary>The Method cell of the design's index table (the sixth of seven cells).</summary>
    [GeneratedRegex(@"^\|(?:[^|\n]*\|){5} (?<method>[^|\n]+) \|[^|\n]*\|$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex IndexTableMethod();
}
