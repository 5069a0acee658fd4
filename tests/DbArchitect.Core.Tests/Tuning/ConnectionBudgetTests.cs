using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.Oracle;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Tests.Tuning;

/// <summary>One connection budget per design: the tuning section's limit and the security section's login limits agree.</summary>
public sealed class ConnectionBudgetTests
{
    public static TheoryData<string, string> ExampleDesigns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var engine in EngineRegistry.All)
            {
                data.Add(Path.GetFileNameWithoutExtension(file), engine.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleDesigns))]
    public void TheServerLimitIsTheBudgetTotalAndCoversEveryLoginLimitPlusTheSuperuserSlots(string example, string engine)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.Examples, example + ".yaml"));
        var design = DesignEngine.Create(requirement, engine);
        var budget = design.Connections;
        Assert.Equal(ConnectionBudget.From(requirement), budget);

        var limit = ServerLimit(design);
        if (limit is not null)
        {
            Assert.Equal(budget.Total, limit);
        }

        var roleLimits = design.Security.Roles.Sum(r => r.LoginConnectionLimit);
        Assert.True(budget.Total >= roleLimits + budget.SuperuserReserved,
            $"{engine} {example}: budget {budget.Total} < role limits {roleLimits} + superuser-reserved {budget.SuperuserReserved}");
        // No role is given connections beside the budget's login shares.
        Assert.True(roleLimits <= budget.LoginRoles, $"{engine} {example}: role limits {roleLimits} > login shares {budget.LoginRoles}");
    }

    [Fact]
    public void ThePostgreSqlLoginExamplesAndTheTuningSectionStateTheSameBudget()
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, "ecommerce.yaml")), "postgresql");
        var budget = design.Connections;
        Assert.Equal(budget.Total.ToString(CultureInfo.InvariantCulture), design.Configuration!.Find("max_connections")!.Value);
        Assert.Contains(design.Security.Roles, r => r.LoginExample.Contains($"CONNECTION LIMIT {budget.Application} ", StringComparison.Ordinal));
        var limits = design.Decisions.Single(d => d.Area == DesignAreas.Security && d.Subject == "Connection limits");
        Assert.Contains($"= {budget.Total}", limits.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyUsersShareAPoolSizedToTheCoresAndFewUsersHoldOneConnectionEach()
    {
        var pooled = ConnectionBudget.For(5000, 16);
        Assert.True(pooled.Pooled);
        Assert.Equal(48, pooled.Application);
        Assert.Equal(48 + 2 + 10 + 5 + 7 + 3, pooled.Total);
        Assert.Contains("5,000 concurrent users", pooled.Reason, StringComparison.Ordinal);

        var direct = ConnectionBudget.For(120, 2);
        Assert.False(direct.Pooled);
        Assert.Equal(144, direct.Application);

        Assert.Contains("4 CPUs assumed", ConnectionBudget.For(5000, null).Reason, StringComparison.Ordinal);
        Assert.Contains("not stated", ConnectionBudget.For(null, 8).Reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionBudget.For(-1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionBudget.For(10, 0));
    }

    /// <summary>The engine's server-wide connection limit as the tuning section states it; null when it sets none.</summary>
    private static int? ServerLimit(DbDesign design)
    {
        if (design.Configuration is not { } config)
        {
            return null;
        }

        if (config.Find("max_connections") is { } max)
        {
            return int.Parse(max.Value, CultureInfo.InvariantCulture);
        }

        return config.Find("processes") is { } processes
            ? int.Parse(processes.Value, CultureInfo.InvariantCulture) - OracleConfigAdvisor.BackgroundProcesses
            : null;
    }
}
