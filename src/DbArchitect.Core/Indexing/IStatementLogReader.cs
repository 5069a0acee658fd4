namespace DbArchitect.Core.Indexing;

/// <summary>
/// An engine's server log read as a workload: the logged statements, with calls and time aggregated per normalised
/// statement. Each engine with a log format of its own registers one (IDatabaseEngine.StatementLog).
/// </summary>
public interface IStatementLogReader
{
    /// <summary>True when the file (its name's extension and its text) is this engine's server log.</summary>
    bool Recognises(string extension, string text);

    /// <summary>The log's statements, one per normalised statement, weighted by its calls.</summary>
    IReadOnlyList<WorkloadStatement> Parse(string text, string source);
}
