using DbArchitect.Core.Migration;
using DbArchitect.Core.Schema;
using DbArchitect.Core.Tests.Schema;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>The SQL Server migration of v1 → v2 (and back, with data loss allowed) parses in ScriptDom and uses the online idioms.</summary>
public sealed class SqlServerMigrationTests
{
    private static MigrationPlan Plan(string from, string to, bool allowDataLoss = false) =>
        MigrationPlanner.Create(SchemaComparer.Compare(SchemaComparerTests.Migration(from, "sqlserver").Physical, SchemaComparerTests.Migration(to, "sqlserver").Physical, engine: "sqlserver"),
            new MigrationOptions { AllowDataLoss = allowDataLoss });

    [Fact]
    public void GeneratedMigrationsParseAsTSql160()
    {
        foreach (var plan in new[] { Plan("shop-v1.yaml", "shop-v2.yaml"), Plan("shop-v2.yaml", "shop-v1.yaml", allowDataLoss: true) })
        {
            var scripts = plan.ToScripts();
            Assert.NotEmpty(scripts);
            foreach (var script in scripts)
            {
                var errors = TSqlProof.ParseErrors(script);
                Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + script.Text);
            }
        }
    }

    [Fact]
    public void StepsUseOnlineIndexesNoCheckThenCheckAndLockTimeoutRetries()
    {
        var plan = Plan("shop-v1.yaml", "shop-v2.yaml");

        Assert.Contains(plan.Steps, s => s.Sql.Contains("WITH (ONLINE = ON, RESUMABLE = ON)", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("WITH NOCHECK ADD CONSTRAINT", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("WITH CHECK CHECK CONSTRAINT", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Phase == MigrationPhase.Backfill && s.Sql.Contains("UPDATE TOP (1000)", StringComparison.Ordinal));
        Assert.All(plan.Steps.Where(s => s.Sql.StartsWith("DECLARE @attempt", StringComparison.Ordinal)), s => Assert.Contains("ERROR_NUMBER() <> 1222", s.Sql, StringComparison.Ordinal));
        Assert.All(plan.ToScripts(), s => Assert.Contains("SET LOCK_TIMEOUT 2000;", s.Text, StringComparison.Ordinal));
    }
}
