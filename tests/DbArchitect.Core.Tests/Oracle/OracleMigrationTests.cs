using DbArchitect.Core.Migration;
using DbArchitect.Core.Schema;
using DbArchitect.Core.Tests.Schema;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>The Oracle migration of v1 → v2 uses ONLINE indexes, ENABLE NOVALIDATE then VALIDATE, and a lock timeout.</summary>
public sealed class OracleMigrationTests
{
    [Fact]
    public void OracleStepsUseOnlineAndNovalidateIdioms()
    {
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(
            SchemaComparerTests.Migration("shop-v1.yaml", "oracle").Physical, SchemaComparerTests.Migration("shop-v2.yaml", "oracle").Physical, engine: "oracle"));

        Assert.Contains(plan.Steps, s => s.Sql.Contains(" ONLINE;", StringComparison.Ordinal) && s.Sql.StartsWith("CREATE ", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("ENABLE NOVALIDATE;", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("VALIDATE;", StringComparison.Ordinal) && s.Phase == MigrationPhase.Tighten);
        Assert.Contains(plan.Steps, s => s.Phase == MigrationPhase.Backfill && s.Sql.Contains("COMMIT;", StringComparison.Ordinal));
        Assert.All(plan.ToScripts().Where(s => s.IsBuildStep), s => Assert.Contains("DDL_LOCK_TIMEOUT = 2;", s.Text, StringComparison.Ordinal));
    }
}
