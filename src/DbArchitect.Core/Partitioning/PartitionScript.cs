using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Partitioning;

/// <summary>
/// One step of a partition script: a file that can be run on its own and run again (idempotent), with what it does.
/// <see cref="Database"/> names where it runs when that is not the table's database (pg_cron's jobs: postgres).
/// </summary>
public sealed record PartitionStep(string Name, string Purpose, string Sql, bool RunsInTransaction, string? Database = null)
{
    /// <summary>Stands for the step's own file path in its header ("psql -f …"); replaced once the step's number is known.</summary>
    public const string PathToken = "{partition-step-file}";
}

/// <summary>
/// New-PartitionScript's output: the plan and its steps. It is an <see cref="IScriptSource"/>, so ConvertTo-DbSql
/// writes the steps as SqlScript objects and Export-DbDesign writes them to partitioning/&lt;table&gt;/NN-step.sql.
/// </summary>
public sealed record PartitionScript(PartitionPlan Plan, IReadOnlyList<PartitionStep> Steps) : IScriptSource
{
    public string Engine => Plan.Engine;

    public string Table => Plan.Table;

    public PartitionStrategy Strategy => Plan.Strategy;

    public string Mode => Plan.Mode;

    public string Key => Plan.Key;

    public string Interval => Plan.Strategy switch
    {
        PartitionStrategy.Hash => $"hash {Plan.HashPartitions}",
        PartitionStrategy.List => $"list {Plan.ListValues.Count}",
        _ => Plan.Interval?.Name ?? string.Empty,
    };

    public string Retention => Plan.Retention?.ToString() ?? string.Empty;

    public bool Converts => Plan.Converts;

    public IReadOnlyList<PartitionBoundary> Boundaries => Plan.Boundaries;

    public IReadOnlyList<string> Reasons => Plan.Reasons;

    public IReadOnlyList<string> Warnings => Plan.Warnings;

    public string Sizing => Plan.Sizing?.Arithmetic ?? string.Empty;

    public string Title => $"{(Plan.Converts ? "Conversion" : "Partitioning")} of {Plan.Table} by {Plan.Strategy.ToString().ToLowerInvariant()} on {Plan.Key} ({Steps.Count} steps)";

    public IReadOnlyList<SqlScript> ToScripts() => Steps
        .Select((step, i) => (Step: step, Path: $"partitioning/{Plan.Table}/{(i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}-{step.Name}.sql", Order: i + 1))
        .Select(s => new SqlScript(
            s.Path,
            s.Order,
            ScriptKind.Reference,
            Plan.Engine,
            s.Step.Purpose,
            s.Step.Sql.Replace(PartitionStep.PathToken, s.Path, StringComparison.Ordinal),
            s.Step.RunsInTransaction))
        .ToList();
}
