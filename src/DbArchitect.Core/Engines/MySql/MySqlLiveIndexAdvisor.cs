using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MariaDB/MySQL live index advice: the catalog from information_schema (performance_schema for index use when it is
/// on), the workload from a file's statements or the server's statement digests, explained by the server (EXPLAIN FORMAT=JSON; statements are never run),
/// and the heuristic cost model — these servers have no what-if indexes, so every figure is Confidence Heuristic.
/// </summary>
internal sealed class MySqlLiveIndexAdvisor : ILiveIndexAdvisor
{
    private readonly List<string> _notes = new();

    public Workload Read(LiveSession session, LiveAdviceOptions options, Action<string, int, int>? progress)
    {
        var (tables, age) = MySqlIndexCatalog.Read(session, _notes);
        var statements = options.Statements ?? MySqlStatementDigests.Read(session, _notes);

        var queries = new List<WorkloadQuery>();
        var writes = new List<WorkloadWrite>();
        var planned = 0;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            progress?.Invoke($"Explaining {statement.Id} ({statement.Source})", i, statements.Count);
            string text;
            try
            {
                text = Convert.ToString(session.Scalar("EXPLAIN FORMAT=JSON " + statement.Text, $"Explaining {statement.Id}"), CultureInfo.InvariantCulture) ?? "{}";
            }
            catch (DbArchitectException) when (IsWrite(statement.Text))
            {
                // A read-only session cannot EXPLAIN a write on MariaDB; its target and SET columns still count as writes.
                using var none = JsonDocument.Parse("{}");
                writes.AddRange(MySqlPlanWorkload.Read(none.RootElement, statement, tables).Writes);
                planned++;
                continue;
            }
            catch (DbArchitectException ex) when (ex.Errors[^1].ErrorId is "QueryLockTimeout" or "QueryTimedOut")
            {
                // A lock held by another session (LOCK TABLES … WRITE, a long ALTER) stops EXPLAIN too: say so, not "placeholders".
                _notes.Add($"warning: {statement.Id} ({statement.Source}) skipped: {ex.Errors[^1].Message} {ex.Errors[^1].Fix}");
                continue;
            }
            catch (DbArchitectException ex)
            {
                var hint = statement.Text.Contains('?', StringComparison.Ordinal) ? " (use literals instead of ? placeholders)" : string.Empty;
                _notes.Add($"warning: {statement.Id} ({statement.Source}) skipped: the server could not explain it{hint}: {ex.Errors[^1].Message}");
                continue;
            }

            planned++;
            using var plan = JsonDocument.Parse(text);
            var (scans, statementWrites) = MySqlPlanWorkload.Read(plan.RootElement, statement, tables);
            if (scans.Count > 0)
            {
                queries.Add(new WorkloadQuery(statement.Id, statement.Text, statement.Weight, scans, statement.Source));
            }

            writes.AddRange(statementWrites);
        }

        UnplannedWorkload.ThrowIfNonePlanned(options.Statements, planned, _notes, session.Target.Description);
        return new Workload(queries, writes, tables, options.Statements is null ? "calls" : "weight")
        {
            StatsAgeDays = age,
            Origin = options.Statements is null ? "performance_schema statement digests" : "information_schema",
        };
    }

    private static readonly string[] WriteVerbs = { "INSERT", "UPDATE", "DELETE" };

    private static bool IsWrite(string text) => WriteVerbs.Any(v => text.TrimStart().StartsWith(v, StringComparison.OrdinalIgnoreCase));

    public IIndexCostModel CostModel(LiveSession session, Workload workload, LiveAdviceOptions options, List<string> notes)
    {
        notes.AddRange(_notes);
        notes.Add("warning: this engine has no hypothetical indexes: costs are the heuristic model's (Confidence Heuristic).");
        return new HeuristicCostModel(workload, "heuristic cost model over information_schema statistics (no what-if indexes on this engine)");
    }
}
