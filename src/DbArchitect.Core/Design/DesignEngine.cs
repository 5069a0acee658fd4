using System.Text;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Requirements → design: the engine-neutral model (tables, keys, constraints, indexes with reasons), the physical
/// model for the chosen engine, and the architecture decisions around it. Pure: same requirement, same design.
/// </summary>
public static class DesignEngine
{
    /// <summary>Builds the design for <paramref name="engineOverride"/>, or for the requirement's engine when null.</summary>
    public static DbDesign Create(DbRequirement requirement, string? engineOverride = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var decisions = new List<DesignDecision>();
        var engine = ChooseEngine(requirement, engineOverride, decisions);

        var builder = new LogicalModelBuilder(requirement, decisions);
        var drafts = builder.Build();
        new IndexPlanner(requirement, decisions).Plan(drafts, builder.TableForEntity);
        var logical = new SchemaModel(requirement.Application.Name, SchemaName(requirement), drafts.Select(d => d.Freeze()).ToArray(), Array.Empty<string>());
        var physical = PhysicalDesigner.Apply(logical, engine, decisions);

        var forecast = CapacityForecaster.Forecast(physical, requirement.Workload.Retention, engine.Id, engine.Capacity);
        var warnings = new List<DesignWarning>();
        var queries = engine.Queries.Write(requirement, physical);
        ArchitectureAdvisor.Advise(requirement, engine, physical, forecast, queries, decisions, warnings);
        return new DbDesign(requirement, engine.Id, engine.DisplayName, logical, physical, decisions, warnings)
        {
            CapacityForecast = forecast,
            QueryTemplates = queries,
        };
    }

    private static IDatabaseEngine ChooseEngine(DbRequirement requirement, string? engineOverride, List<DesignDecision> decisions)
    {
        if (!string.IsNullOrWhiteSpace(engineOverride))
        {
            var chosen = EngineRegistry.Get(engineOverride.Trim());
            decisions.Add(new DesignDecision(DesignAreas.Technology, "Primary database", chosen.DisplayName,
                $"Chosen on the command line (-Engine {chosen.Id}), overriding the requirements file's engine: {requirement.Engine}."));
            return chosen;
        }

        if (!string.Equals(requirement.Engine, "auto", StringComparison.OrdinalIgnoreCase))
        {
            var chosen = EngineRegistry.Get(requirement.Engine);
            decisions.Add(new DesignDecision(DesignAreas.Technology, "Primary database", chosen.DisplayName,
                $"Requested by the requirements file (engine: {requirement.Engine})."));
            return chosen;
        }

        var engine = EngineRegistry.Get("postgresql");
        decisions.Add(new DesignDecision(DesignAreas.Technology, "Primary database", engine.DisplayName,
            TechnologyReasons.ForPostgreSql(requirement)));
        return engine;
    }

    /// <summary>
    /// The database schema holding the design: application.schema when given, else the application name in
    /// snake_case, reduced to letters, digits and underscores (objects never land in the shared public schema).
    /// </summary>
    internal static string SchemaName(DbRequirement requirement)
    {
        if (!string.IsNullOrWhiteSpace(requirement.Application.Schema))
        {
            return requirement.Application.Schema.Trim();
        }

        var snake = Naming.Apply(NamingStyle.SnakeCase, requirement.Application.Name);
        var text = new StringBuilder();
        foreach (var c in snake)
        {
            text.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        var name = text.ToString().Trim('_');
        while (name.Contains("__", StringComparison.Ordinal))
        {
            name = name.Replace("__", "_", StringComparison.Ordinal);
        }

        return name.Length == 0 || !char.IsLetter(name[0]) ? "app_" + name : name;
    }
}
