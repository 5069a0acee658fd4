using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlRequireConcurrentIndexCreationRule : MySqlLintRule
{
    public override string Id => "require-concurrent-index-creation";

    public override string Summary => "CREATE INDEX without ALGORITHM=INPLACE LOCK=NONE may build the index under a lock that blocks writes (FULLTEXT and SPATIAL indexes always do).";

    public override string Fix => "CREATE INDEX ix ON t (c) ALGORITHM=INPLACE LOCK=NONE; (MySQL refuses if it cannot build online).";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        var sql = statement.Sql;
        var index = sql.Find(0, 4, "INDEX");
        if (!sql.StartsWith("CREATE") || index < 0 || statement.DeclaresOnline)
        {
            yield break;
        }

        var on = sql.Find("ON");
        if (on >= 0 && !statement.IsNewTable(sql.ReadName(on + 1).Name))
        {
            yield return LintHit.At(sql.First, $"CREATE INDEX on {sql.ReadName(on + 1).Name} without ALGORITHM=INPLACE LOCK=NONE.");
        }
    }
}
