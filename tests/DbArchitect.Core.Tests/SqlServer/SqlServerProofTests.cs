namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// Every example and hostile spec designed with -Engine sqlserver: every generated script parses with zero errors
/// in TSql160Parser (batches split on GO), the build scripts and query procedures pass the semantic check, and the
/// output is deterministic.
/// </summary>
public sealed class SqlServerProofTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in SqlServerDesigns.SpecFiles())
        {
            data.Add(file);
        }

        return data;
    }

    public static TheoryData<string> Models => new() { "shop", "tenant-shop" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void EverySpecDesignsAndEveryScriptParsesInTSql160(string spec)
    {
        var scripts = SqlServerDesigns.Scripts(SqlServerDesigns.Design(spec));
        Assert.Contains(scripts, s => s.IsBuildStep);
        var errors = scripts.SelectMany(s => TSqlProof.ParseErrors(s)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void EveryReferencedTableAndColumnIsDefinedEarlier(string spec)
    {
        var scripts = SqlServerDesigns.Scripts(SqlServerDesigns.Design(spec));
        var checkedScripts = scripts.Where(s => s.IsBuildStep || s.RelativePath.StartsWith("queries/", StringComparison.Ordinal)).ToList();
        var errors = TSqlProof.SemanticErrors(checkedScripts);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void OutputIsDeterministic(string spec)
    {
        var first = SqlServerDesigns.Scripts(SqlServerDesigns.Design(spec));
        var second = SqlServerDesigns.Scripts(SqlServerDesigns.Design(spec));
        Assert.Equal(first.Select(s => s.RelativePath), second.Select(s => s.RelativePath));
        Assert.Equal(first.Select(s => s.Text), second.Select(s => s.Text));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ShopModelsParseAndPassTheSemanticCheck(string model)
    {
        var scripts = SqlServerDesigns.Scripts(SqlServerModels.Named(model));
        Assert.Empty(scripts.SelectMany(s => TSqlProof.ParseErrors(s)));
        Assert.Empty(TSqlProof.SemanticErrors(scripts.Where(s => s.IsBuildStep || s.Kind == Engines.ScriptKind.Queries)));
    }

    [Fact]
    public void TheSemanticCheckCatchesAnIndexOnAMissingColumn()
    {
        var scripts = SqlServerDesigns.Scripts(SqlServerModels.Named("shop")).Where(s => s.IsBuildStep).ToList();
        var indexes = scripts.Single(s => s.Kind == Engines.ScriptKind.Indexes && s.Name.EndsWith("_indexes.sql", StringComparison.Ordinal));
        var broken = indexes with { Text = indexes.Text.Replace("([customer_id] ASC", "([no_such_column] ASC", StringComparison.Ordinal) };
        Assert.NotEqual(indexes.Text, broken.Text);
        var errors = TSqlProof.SemanticErrors(scripts.Select(s => s == indexes ? broken : s));
        Assert.Contains(errors, e => e.Contains("no_such_column", StringComparison.Ordinal));
    }

    [Fact]
    public void TheParserRejectsAMissingBatchSeparatorBeforeCreateTrigger()
    {
        var scripts = SqlServerDesigns.Scripts(SqlServerModels.Named("shop"));
        var triggers = scripts.Single(s => s.Kind == Engines.ScriptKind.Triggers);
        var joined = triggers with { Text = triggers.Text.Replace("GO\n", string.Empty, StringComparison.Ordinal) };
        Assert.NotEmpty(TSqlProof.ParseErrors(joined));
    }
}
