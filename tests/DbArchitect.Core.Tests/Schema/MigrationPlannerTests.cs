using System.Text.RegularExpressions;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Tests.Schema;

public sealed class MigrationPlannerTests
{
    private static MigrationPlan Plan(string from, string to, string engine = "postgresql", MigrationOptions? options = null) =>
        MigrationPlanner.Create(SchemaComparer.Compare(SchemaComparerTests.Migration(from, engine).Physical, SchemaComparerTests.Migration(to, engine).Physical, engine: engine), options);

    [Fact]
    public void PostgreSqlStepsRunExpandThenBackfillThenTightenWithOnlineIdioms()
    {
        var plan = Plan("shop-v1.yaml", "shop-v2.yaml");

        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Order));
        var phases = plan.Steps.Select(s => s.Phase).ToArray();
        Assert.Equal(phases.OrderBy(p => p), phases);
        Assert.All(plan.Steps.Where(s => s.Sql.Contains("CONCURRENTLY", StringComparison.Ordinal)), s => Assert.False(s.Transactional));
        Assert.All(plan.Steps.Where(s => s.Sql.Contains("ALTER TABLE", StringComparison.Ordinal) && s.Sql.StartsWith("DO ", StringComparison.Ordinal)),
            s => Assert.Contains("lock_not_available", s.Sql, StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("FOREIGN KEY", StringComparison.Ordinal) && s.Sql.Contains("NOT VALID", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("VALIDATE CONSTRAINT", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Phase == MigrationPhase.Backfill && s.Sql.Contains("COMMIT;", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("CREATE TRIGGER", StringComparison.Ordinal));
        Assert.All(plan.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void AConstantDefaultNotNullColumnIsAddedInOneCatalogStep()
    {
        var plan = Plan("shop-v1.yaml", "shop-v2.yaml");

        var step = Assert.Single(plan.Steps, s => s.Description == "Add column loyalty_points");
        Assert.Contains("NOT NULL DEFAULT 0", step.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Description.Contains("loyalty_points", StringComparison.Ordinal) && s.Phase == MigrationPhase.Backfill);
    }

    [Fact]
    public void DataLossIsRefusedUnlessAllowedAndThenRunsLastInItsOwnFiles()
    {
        var refused = Assert.Throws<DbArchitectException>(() => Plan("shop-v2.yaml", "shop-v1.yaml"));
        Assert.All(refused.Errors, e => Assert.Equal("MigrationLosesData", e.ErrorId));
        Assert.Contains(refused.Errors, e => e.Message.Contains("loyalty_points", StringComparison.Ordinal));

        var plan = Plan("shop-v2.yaml", "shop-v1.yaml", options: new MigrationOptions { AllowDataLoss = true });
        var destructive = plan.Steps.SkipWhile(s => !s.LosesData).ToArray();
        Assert.NotEmpty(destructive);
        Assert.All(destructive, s => Assert.True(s.LosesData && s.Phase == MigrationPhase.Destructive));
        Assert.All(plan.Files().Where(f => f.Any(s => s.LosesData)), f => Assert.Single(f));
    }

    [Fact]
    public void FilesAreFlywayVersionedSplitByTransactionModeAndDeterministic()
    {
        var scripts = Plan("shop-v1.yaml", "shop-v2.yaml", options: new MigrationOptions { Version = "7" }).ToScripts();
        var again = Plan("shop-v1.yaml", "shop-v2.yaml", options: new MigrationOptions { Version = "7" }).ToScripts();

        var files = scripts.Where(s => s.IsBuildStep).ToArray();
        Assert.All(files, f => Assert.Matches(new Regex(@"^V7_\d+__[a-z0-9_]+\.sql$"), f.RelativePath));
        Assert.All(files.Zip(files.Skip(1)), p => Assert.True(p.First.RunsInTransaction != p.Second.RunsInTransaction || p.Second.RelativePath.Contains("destructive", StringComparison.Ordinal)));
        Assert.All(files.Where(f => f.RunsInTransaction), f => Assert.Contains("BEGIN;", f.Text, StringComparison.Ordinal));
        Assert.All(files.Where(f => !f.RunsInTransaction), f => Assert.DoesNotContain("\nBEGIN;", f.Text, StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.RelativePath.StartsWith("undo/U7_", StringComparison.Ordinal));
        Assert.Equal(scripts.Select(s => s.Text), again.Select(s => s.Text));
    }

    [Fact]
    public void ARequiredColumnWithoutDefaultOrBackfillStopsThePlan()
    {
        var v1 = SchemaComparerTests.Migration("shop-v1.yaml").Physical;
        var customer = v1.FindTable("customer")!;
        var wanted = v1 with
        {
            Tables = v1.Tables.Select(t => t == customer
                ? t with { Columns = t.Columns.Append(new DbArchitect.Core.Model.Column("tier", DbArchitect.Core.Requirements.LogicalType.Int, false, null, DbArchitect.Core.Model.ColumnRole.Attribute, DbArchitect.Core.Model.KeyGeneration.None, null, "integer")).ToArray() }
                : t).ToArray(),
        };
        var differences = SchemaComparer.Compare(v1, wanted, engine: "postgresql");

        var error = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(differences));
        Assert.Equal("MigrationNeedsBackfill", Assert.Single(error.Errors).ErrorId);
        var plan = MigrationPlanner.Create(differences, new MigrationOptions { Backfill = new Dictionary<string, string> { ["customer.tier"] = "1" } });
        Assert.Contains(plan.Steps, s => s.Phase == MigrationPhase.Backfill && s.Sql.Contains("tier = 1", StringComparison.Ordinal));
    }

    [Fact]
    public void MariaDbStepsNameAnAlgorithmAndALock()
    {
        var plan = Plan("shop-v1.yaml", "shop-v2.yaml", "mariadb");

        Assert.All(plan.Steps.SelectMany(s => s.Statements).Where(s => s.StartsWith("ALTER TABLE", StringComparison.Ordinal)),
            s => Assert.Matches("ALGORITHM=(INSTANT|INPLACE, LOCK=NONE)$", s));
        Assert.All(plan.Steps.Where(s => s.Sql.StartsWith("CREATE INDEX", StringComparison.Ordinal) || s.Sql.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal)),
            s => Assert.Contains("ALGORITHM=INPLACE LOCK=NONE", s.Sql, StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("foreign_key_checks = 0", StringComparison.Ordinal));
        Assert.All(plan.Steps, s => Assert.False(s.Transactional));
    }

    [Fact]
    public void AMariaDbIndexOnLowerAddsItsVirtualHelperColumnFirst()
    {
        var v1 = SchemaComparerTests.Migration("shop-v1.yaml", "mariadb").Physical;
        var product = v1.FindTable("product")!;
        var lower = new DbArchitect.Core.Model.Index("ix_product_lower_name",
            new[] { new DbArchitect.Core.Model.IndexKey(null, new DbArchitect.Core.Model.IndexExpression(DbArchitect.Core.Model.IndexExpressionKind.Lower, new[] { "name" }, null), false, DbArchitect.Core.Model.KeyMatch.Ordinary) },
            Array.Empty<string>(), DbArchitect.Core.Model.IndexStructure.Ordered, false, null, "case-insensitive name lookups", Array.Empty<string>());
        var wanted = v1 with { Tables = v1.Tables.Select(t => t == product ? t with { Indexes = t.Indexes.Append(lower).ToArray() } : t).ToArray() };

        var plan = MigrationPlanner.Create(SchemaComparer.Compare(v1, wanted, engine: "mariadb"));

        var helper = Assert.Single(plan.Steps, s => s.Description.StartsWith("Add generated column", StringComparison.Ordinal));
        Assert.Contains("AS (LOWER(name)) VIRTUAL", helper.Sql, StringComparison.Ordinal);
        Assert.True(helper.Order < plan.Steps.Single(s => s.Description.Contains("ix_product_lower_name", StringComparison.Ordinal)).Order);
    }
}
