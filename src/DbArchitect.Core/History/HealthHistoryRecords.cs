namespace DbArchitect.Core.History;

/// <summary>One run as the history holds it: shards of one run are merged (earliest start, latest write, number of writes).</summary>
public sealed record HealthHistoryRun(string RunId, string? Label, DateTimeOffset StartedAt, DateTimeOffset RecordedAt, string ModuleVersion, int Writes);

/// <summary>One stored result as the trend reads it back.</summary>
public sealed record HealthHistoryRow(
    string RunId, string? Server, int? Port, string? Database, string? Engine, string CheckId, string Severity, string Target, string Message)
{
    public string FindingKey => HealthHistoryEntry.KeyOf(Server, Port, Database, Engine, CheckId, Target);
}

/// <summary>What a write stored: the run it went to and how many results.</summary>
public sealed record HealthHistoryWrite(string RunId, string? RunLabel, int Results, int Targets, string History, bool CreatedTables);
