using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>A workload statement the server accepted: its prepared name, parameter count and generic plan.</summary>
internal sealed record PreparedStatement(WorkloadStatement Statement, string Name, int Parameters);

/// <summary>
/// Asks the server to plan each workload statement without running it. PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN),
/// so each statement is PREPAREd (the server infers the types of $1, $2 …), and EXPLAIN EXECUTE with NULL arguments
/// under plan_cache_mode = force_generic_plan prints the plan with the parameters still symbolic ($1), never a plan
/// folded around NULL. Statements are never executed. DISCARD PLANS forgets cached plans when the index set changes.
/// A workload is prepared and explained in batches (one round trip for all statements), one by one only when a
/// statement is refused, to say which.
/// </summary>
internal sealed class PostgreSqlPreparedStatements
{
    private readonly LiveSession _session;
    private readonly Dictionary<string, PreparedStatement> _byId = new(StringComparer.Ordinal);

    public PostgreSqlPreparedStatements(LiveSession session)
    {
        _session = session;
        _session.Execute("SET plan_cache_mode = force_generic_plan", "Asking for generic plans");
    }

    public IReadOnlyCollection<PreparedStatement> All => _byId.Values;

    public PreparedStatement? Find(string queryId) => _byId.TryGetValue(queryId, out var p) ? p : null;

    /// <summary>
    /// Prepares every statement, in one round trip when the server accepts them all; otherwise the ones it refused are
    /// found one by one and each gets a note. Returns the prepared ones in workload order.
    /// </summary>
    public IReadOnlyList<PreparedStatement> PrepareAll(IReadOnlyList<WorkloadStatement> statements, List<string> notes)
    {
        var first = _byId.Count + 1;
        var names = statements.Select((_, i) => "dbarchitect_ix_" + (first + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var accepted = true;
        try
        {
            _session.Batch(statements.Select((s, i) => $"PREPARE {names[i]} AS {s.Text}").ToList(), "Preparing the workload statements");
        }
        catch (DbArchitectException)
        {
            accepted = false;
        }

        var counts = _session.Query("SELECT name, cardinality(parameter_types) AS parameters FROM pg_prepared_statements WHERE name LIKE 'dbarchitect\\_ix\\_%'", "Reading the statements' parameters")
            .ToDictionary(r => r.String("name")!, r => (int)(r.Int64("parameters") ?? 0), StringComparer.Ordinal);
        var prepared = new List<PreparedStatement>();
        for (var i = 0; i < statements.Count; i++)
        {
            // After a refusal the batch stopped there: the statements before it are prepared, the rest go one by one.
            var statement = accepted || counts.ContainsKey(names[i]) ? new PreparedStatement(statements[i], names[i], counts.GetValueOrDefault(names[i])) : Prepare(statements[i], names[i], notes);
            if (statement is not null)
            {
                _byId[statement.Statement.Id] = statement;
                prepared.Add(statement);
            }
        }

        return prepared;
    }

    /// <summary>The generic plans of the statements, in one round trip.</summary>
    public IReadOnlyList<JsonElement> Plans(IReadOnlyList<PreparedStatement> statements, bool verbose) =>
        _session.Batch(statements.Select(s => Explain(s, verbose)).ToList(), "Explaining the workload statements").Select(Parse).ToList();

    /// <summary>The EXPLAIN text that plans the statement with the indexes (real and hypothetical) of the moment.</summary>
    public static string ExplainCost(PreparedStatement statement) => Explain(statement, verbose: false);

    /// <summary>The planner's total cost from an EXPLAIN (FORMAT JSON) result.</summary>
    public static double TotalCostOf(object? explainResult) => Parse(explainResult).GetProperty("Total Cost").GetDouble();

    /// <summary>Prepares the statement; returns null and a note when the server refuses it (syntax, unknown table, untyped parameter).</summary>
    private PreparedStatement? Prepare(WorkloadStatement statement, string name, List<string> notes)
    {
        try
        {
            _session.Execute($"PREPARE {name} AS {statement.Text}", $"Preparing workload statement {statement.Id}");
        }
        catch (DbArchitectException ex)
        {
            notes.Add($"warning: {statement.Id} ({statement.Source}) skipped: the server could not plan it: {ex.Errors[^1].Message}");
            return null;
        }

        var parameters = Convert.ToInt32(_session.Scalar(
            "SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = @name", "Reading the statement's parameters",
            new Dictionary<string, object?> { ["name"] = name }), CultureInfo.InvariantCulture);
        return new PreparedStatement(statement, name, parameters);
    }

    /// <summary>The generic plan as JSON (VERBOSE: every column qualified by its relation alias).</summary>
    public JsonElement Plan(PreparedStatement statement, bool verbose) => Parse(_session.Scalar(Explain(statement, verbose), $"Explaining {statement.Statement.Id}"));

    private static JsonElement Parse(object? explainResult)
    {
        using var document = JsonDocument.Parse(Convert.ToString(explainResult, CultureInfo.InvariantCulture) ?? "[]");
        return document.RootElement[0].GetProperty("Plan").Clone();
    }

    public double TotalCost(PreparedStatement statement) => Plan(statement, verbose: false).GetProperty("Total Cost").GetDouble();

    public void DiscardPlans() => _session.Execute("DISCARD PLANS", "Forgetting cached plans");

    private static string Explain(PreparedStatement statement, bool verbose) =>
        $"EXPLAIN (FORMAT JSON{(verbose ? ", VERBOSE" : string.Empty)}) EXECUTE {statement.Name}"
        + (statement.Parameters == 0 ? string.Empty : "(" + string.Join(", ", Enumerable.Repeat("NULL", statement.Parameters)) + ")");
}
