using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>The three input modes of Get-IndexRecommendation, each ending in the same advisor.</summary>
public static class IndexAdvisorRun
{
    /// <summary>Design mode: the design's access patterns over estimated statistics, costed by the heuristic model.</summary>
    public static IndexAdvice ForDesign(DbDesign design, IndexAdvisorOptions options)
    {
        Design.Families.RelationalOnly.Require(design, "Get-IndexRecommendation");
        var engine = EngineRegistry.Get(design.Engine);
        var ddl = Ddl(engine);
        var workload = DesignWorkload.From(design);
        return IndexAdvisor.Advise(workload, engine.Id, ddl, new HeuristicCostModel(workload, "heuristic cost model over the design's estimated row counts (design mode has no server to ask)"), options);
    }

    /// <summary>
    /// Live and workload modes: the engine reads the workload from the server (statement statistics, or each given
    /// statement explained by the server), picks its best cost model, and the advisor chooses; -Validate Real then
    /// re-measures the choice with real builds that are rolled back.
    /// </summary>
    public static (IndexAdvice Advice, Workload Workload) ForLive(LiveSession session, LiveAdviceOptions live, IndexAdvisorOptions options, List<string> notes, Action<string, int, int>? progress)
    {
        var engine = EngineRegistry.Get(session.Engine);
        var ddl = Ddl(engine);
        var advisor = ddl.Live ?? throw new DbArchitectException(new DbArchitectError("LiveIndexAdviceNotSupported", ErrorKind.InvalidArgument,
            $"Live index advice is not available for {engine.DisplayName} yet.", "Use design mode: New-DbDesign … | Get-IndexRecommendation.", null, session.Target.Description));
        try
        {
            var workload = advisor.Read(session, live, progress);
            var model = advisor.CostModel(session, workload, live, notes);
            var advice = IndexAdvisor.Advise(workload, engine.Id, ddl, model, options, progress);
            if (live.Validate == ValidationMode.Real && advice.Recommendations.Count > 0)
            {
                advice = advice with { Recommendations = advisor.ValidateReal(session, workload, advice.Recommendations) };
            }

            return (advice, workload);
        }
        finally
        {
            advisor.Release(session);
        }
    }

    /// <summary>
    /// Workload mode without a server: the engine's own parser reads each statement against a catalog (a design's
    /// physical model or an imported schema) whose estimated statistics the heuristic model costs. Notes name every
    /// statement skipped and why.
    /// </summary>
    public static (IndexAdvice Advice, Workload Workload) ForWorkload(string engineId, SchemaModel catalog, IReadOnlyList<WorkloadStatement> statements,
        IndexAdvisorOptions options, List<string> notes)
    {
        var engine = EngineRegistry.Get(engineId);
        var ddl = Ddl(engine);
        var parser = ddl.Parser ?? throw new DbArchitectException(new DbArchitectError("WorkloadParserNotAvailable", ErrorKind.InvalidArgument,
            $"{engine.DisplayName} has no offline workload parser: its workloads are read by asking a server to explain each statement.",
            "Give -ConnectionString (or -Server -Database) with -Workload so the server explains each statement, or use design mode without -Workload.", null, engine.Id));
        var parsed = parser.Parse(statements, catalog);
        notes.AddRange(parsed.Notes);
        UnplannedWorkload.ThrowIfNonePlanned(statements, parsed.Queries.Count + parsed.Writes.Count, parsed.Notes, catalog.Name);
        var profiles = catalog.Tables.Select(t => DesignWorkload.Profile(catalog, t)).ToList();
        var origin = string.Join(", ", statements.Select(s => s.Source).Distinct(StringComparer.Ordinal));
        var workload = new Workload(parsed.Queries, parsed.Writes, profiles, "weight") { Origin = origin.Length == 0 ? "workload" : origin };
        var model = new HeuristicCostModel(workload, $"heuristic cost model over {catalog.Name}'s estimated row counts ({parsed.Queries.Count} of {statements.Count} statements parsed; no server asked)");
        return (IndexAdvisor.Advise(workload, engine.Id, ddl, model, options), workload);
    }

    private static IIndexAdviceDdl Ddl(IDatabaseEngine engine) => engine.IndexAdvice
        ?? throw new DbArchitectException(new DbArchitectError("IndexAdviceNotSupported", ErrorKind.InvalidArgument,
            $"Index advice is not available for {engine.DisplayName}.", $"Use a relational engine: {Advised()}.", null, engine.Id));

    /// <summary>"a, b or c": the engines the registry gives index advice.</summary>
    private static string Advised()
    {
        var ids = EngineRegistry.All.Where(e => e.IndexAdvice is not null).Select(e => e.Id).ToList();
        return ids.Count < 2 ? string.Concat(ids) : string.Join(", ", ids.Take(ids.Count - 1)) + " or " + ids[^1];
    }
}
