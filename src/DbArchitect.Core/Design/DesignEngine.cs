using System.Text;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Requirements.Reading;
using DbArchitect.Core.Scalability;
using DbArchitect.Core.Technology;
using DbArchitect.Core.Tuning;

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
        try
        {
            return Build(requirement, engineOverride);
        }
        catch (OverflowException ex)
        {
            // The reader bounds every figure so this should not happen; checked arithmetic makes a figure that still
            // overflows an error instead of a negative capacity or partition count.
            throw new DbArchitectException(new[]
            {
                new DbArchitectError("DesignFigureOverflow", ErrorKind.InvalidData,
                    $"A figure of the design is too large to compute ({ex.Message}).",
                    "Check the volumes (rows, rowsPerDay), retention, hardware and workload figures of the requirements file for values far beyond any real system.",
                    new SourceLocation(requirement.SourcePath, 1, 1)),
            });
        }
    }

    /// <summary>
    /// The engine and database schema a design of <paramref name="requirement"/> would use, without designing it (the
    /// same choice <see cref="Create"/> makes): what a live calibration needs before the design can be made.
    /// </summary>
    public static (string Engine, string Schema) Target(DbRequirement requirement, string? engineOverride = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var entry = ChooseEngine(requirement, engineOverride, TechnologyScoring.Rank(requirement), new List<DesignDecision>(), out _);
        var schema = SchemaName(requirement);
        return (entry.Id, entry.Relational is { } engine ? PhysicalDesigner.SchemaName(schema, engine) : schema);
    }

    private static DbDesign Build(DbRequirement requirement, string? engineOverride)
    {
        var decisions = new List<DesignDecision>();
        var figures = new RequirementFigures(requirement);
        var ranking = TechnologyScoring.Rank(figures);
        var entry = ChooseEngine(requirement, engineOverride, ranking, decisions, out var fallback);
        var supporting = SupportingTechnologies.For(figures, entry.Profile);
        decisions.AddRange(supporting.Select(s => new DesignDecision(DesignAreas.SupportingTechnology, s.Role, s.Technology, s.Reason)));
        var parts = Architecture.PartDesigner.Design(requirement, entry, supporting);
        if (entry.Designer is { } designer)
        {
            return DesignFamily(requirement, designer, ranking, supporting, decisions) with { Parts = parts, EngineFallback = fallback };
        }

        var engine = entry.Relational!;

        var builder = new LogicalModelBuilder(requirement, decisions, engine.Wording);
        var drafts = builder.Build();
        new IndexPlanner(requirement, decisions, engine.Wording).Plan(drafts, builder.TableForEntity);
        var logical = new SchemaModel(requirement.Application.Name, SchemaName(requirement), drafts.Select(d => d.Freeze()).ToArray(), Array.Empty<string>());
        var neutral = PhysicalDesigner.Apply(logical, engine, decisions);
        decisions.AddRange(engine.Decisions(requirement, neutral));
        var physical = engine.Adapt(neutral);
        RefuseOverEngineLimits(requirement, engine, physical);

        var forecast = CapacityForecaster.Forecast(physical, requirement.Workload.Retention, engine.Id, engine.Capacity);
        if (engine.Partitioning?.Rules is { DesignBuildsPartitions: true } rules)
        {
            physical = PartitionDecisions.Apply(physical, PartitionDecisions.Decide(requirement, physical, forecast, rules), engine.Identifiers.Quote);
        }

        var warnings = new List<DesignWarning>();
        var queries = engine.Queries.Write(requirement, physical);
        ArchitectureAdvisor.Advise(requirement, engine, physical, forecast, queries, decisions, warnings);
        var scalability = ScalabilityPlanner.Plan(requirement, engine, physical, forecast, decisions);
        // One connection budget for the whole design: the tuning section's limit and the security section's login
        // limits are shares of it, so they cannot disagree.
        var connections = ConnectionBudget.From(requirement);
        var configuration = ConfigInputs.From(requirement, physical, engine.Identifiers.MaxIdentifierBytes, connections) is { } input
            ? engine.Config.Recommend(input)
            : null;
        decisions.AddRange(TuningDecisions.For(requirement, configuration));
        var maintenance = engine.Maintenance.Plan(requirement, physical);
        var security = engine.Security.Plan(requirement, physical, connections);
        var backup = engine.Backup.Plan(requirement, physical, forecast);
        decisions.AddRange(maintenance.Decisions);
        decisions.AddRange(security.Decisions);
        decisions.AddRange(backup.Decisions);
        return new DbDesign(requirement, engine.Id, engine.DisplayName, logical, physical, decisions, warnings)
        {
            CapacityForecast = forecast,
            QueryTemplates = queries,
            Maintenance = maintenance,
            Security = security,
            Connections = connections,
            Backup = backup,
            Technologies = ranking,
            SupportingTechnologies = supporting,
            Roadmap = scalability.Phases,
            Distribution = scalability.Distribution,
            Configuration = configuration,
            Parts = parts,
            EngineFallback = fallback,
        };
    }

    /// <summary>A non-relational design: the family's designer builds the physical model from the logical requirement.</summary>
    internal static DbDesign DesignFamily(
        DbRequirement requirement, Families.IFamilyDesigner designer, IReadOnlyList<TechnologyRecommendation> ranking,
        IReadOnlyList<SupportingTechnology> supporting, List<DesignDecision> decisions)
    {
        var warnings = new List<DesignWarning>();
        var model = designer.Design(requirement, decisions, warnings);
        var none = new SchemaModel(requirement.Application.Name, SchemaName(requirement), Array.Empty<Table>(), Array.Empty<string>());
        return new DbDesign(requirement, designer.Id, designer.DisplayName, none, none, decisions, warnings)
        {
            Family = designer.Family,
            FamilyModel = model,
            Technologies = ranking,
            SupportingTechnologies = supporting,
        };
    }

    /// <summary>
    /// The reader checks the file's own engine for columns; -Engine may choose another, and row widths, index columns
    /// and names depend on the engine's types and naming, so the physical model is held to the engine's limits here,
    /// before the capacity model tries to fit such a row on a page.
    /// </summary>
    private static void RefuseOverEngineLimits(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical)
    {
        var errors = EngineLimitChecks.Refusals(requirement, engine, physical);
        if (errors.Count > 0)
        {
            throw new DbArchitectException(errors);
        }
    }

    /// <summary>
    /// The engine to design for. <paramref name="fallback"/> is set when engine: auto ranked first an engine that cannot
    /// generate a design, saying which designable engine was used instead and why (never a silent fallback).
    /// </summary>
    private static EngineEntry ChooseEngine(DbRequirement requirement, string? engineOverride, IReadOnlyList<TechnologyRecommendation> ranking, List<DesignDecision> decisions, out string? fallback)
    {
        fallback = null;
        var best = ranking[0];
        EngineEntry chosen;
        if (!string.IsNullOrWhiteSpace(engineOverride))
        {
            chosen = EngineRegistry.Designable(engineOverride.Trim());
            decisions.Add(new DesignDecision(DesignAreas.Technology, "Primary database", chosen.DisplayName,
                $"Chosen on the command line (-Engine {chosen.Id}), overriding the requirements file's engine: {requirement.Engine}."));
        }
        else if (!string.Equals(requirement.Engine, "auto", StringComparison.OrdinalIgnoreCase))
        {
            chosen = EngineRegistry.Designable(requirement.Engine);
            decisions.Add(new DesignDecision(DesignAreas.Technology, "Primary database", chosen.DisplayName,
                $"Requested by the requirements file (engine: {requirement.Engine})."));
        }
        else
        {
            // The best-ranked engine that can generate a design today.
            var pick = ranking.First(r => r.CanGenerateDesign);
            chosen = EngineRegistry.Designable(pick.Engine);
            decisions.Add(new DesignDecision(DesignAreas.Technology, "Primary database", chosen.DisplayName,
                $"engine: auto; ranked {pick.Rank} of {ranking.Count} with {pick.Score}/100. {Strengths(pick)}"));
            if (pick != best)
            {
                decisions.Add(new DesignDecision(DesignAreas.Technology, "Ranked first", best.DisplayName,
                    $"{best.DisplayName} ranked first with {best.Score}/100 ({Strengths(best)}) but cannot generate a design yet, so this design uses {chosen.DisplayName}, the best-ranked engine that can ({pick.Score}/100)."));
                fallback = $"engine: auto ranked {best.DisplayName} first ({best.Score}/100), but it cannot generate a design yet; this design uses {chosen.DisplayName}, the best-ranked engine that can (rank {pick.Rank}, {pick.Score}/100).";
            }

            return chosen;
        }

        var own = ranking.First(r => string.Equals(r.Engine, chosen.Id, StringComparison.OrdinalIgnoreCase));
        decisions.Add(new DesignDecision(DesignAreas.Technology, "Technology ranking",
            own == best ? $"{best.DisplayName} ranks first" : $"{best.DisplayName} ranks first; {own.DisplayName} ranks {own.Rank}",
            own == best
                ? $"{best.DisplayName} scores {best.Score}/100, the best fit of {ranking.Count} engines. {Strengths(best)}"
                : $"{best.DisplayName} scores {best.Score}/100 ({Strengths(best)}); {own.DisplayName} scores {own.Score}/100. Consider engine: auto or -Engine {best.Engine} when it can generate designs."));
        return chosen;
    }

    /// <summary>The factors that raised a score most, with their figures.</summary>
    private static string Strengths(TechnologyRecommendation recommendation)
    {
        var top = recommendation.Reasons.Where(r => r.Points > 0).OrderByDescending(r => r.Points).ThenBy(r => r.Factor, StringComparer.Ordinal).Take(3)
            .Select(r => $"{r.Factor} +{r.Points}: {r.Explanation}").ToArray();
        return top.Length == 0 ? "No factor favoured it strongly." : string.Join("; ", top) + ".";
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
