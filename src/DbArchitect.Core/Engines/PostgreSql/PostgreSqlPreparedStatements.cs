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

    /// <summary>Prepares the statement; returns null and a note when the server refuses it (syntax, unknown table, untyped parameter).</summary>
    public PreparedStatement? Prepare(WorkloadStatement statement, List<string> notes)
    {
        var name = "dbarchitect_ix_" + (_byId.Count + 1).ToString(CultureInfo.InvariantCulture);
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
        var prepared = new PreparedStatement(statement, name, parameters);
        _byId[statement.Id] = prepared;
        return prepared;
    }

    /// <summary>The generic plan as JSON (VERBOSE: every column qualified by its relation alias).</summary>
    public JsonElement Plan(PreparedStatement statement, bool verbose)
    {
        var text = Convert.ToString(_session.Scalar(Explain(statement, verbose), $"Explaining {statement.Statement.Id}"), CultureInfo.InvariantCulture) ?? "[]";
        using var document = JsonDocument.Parse(text);
        return document.RootElement[0].GetProperty("Plan").Clone();
    }

    public double TotalCost(PreparedStatement statement) => Plan(statement, verbose: false).GetProperty("Total Cost").GetDouble();

    public void DiscardPlans() => _session.Execute("DISCARD PLANS", "Forgetting cached plans");

    private static string Explain(PreparedStatement statement, bool verbose) =>
        $"EXPLAIN (FORMAT JSON{(verbose ? ", VERBOSE" : string.Empty)}) EXECUTE {statement.Name}"
        + (statement.Parameters == 0 ? string.Empty : "(" + string.Join(", ", Enumerable.Repeat("NULL", statement.Parameters)) + ")");
}
