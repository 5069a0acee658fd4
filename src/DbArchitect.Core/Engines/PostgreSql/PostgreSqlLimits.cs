namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's hard limits ("Appendix K. PostgreSQL Limits"): 1600 columns a table, 32 columns an index
/// (INDEX_MAX_KEYS, INCLUDE columns counted). There is no row width refused at CREATE TABLE: values past about 2 KB
/// move to TOAST, and only a row of fixed-width columns wider than a page fails, at insert time.
/// </summary>
internal sealed class PostgreSqlLimits : IEngineLimits
{
    public EngineLimit Columns { get; } = new(1600, "PostgreSQL allows at most 1600 columns per table");

    public EngineLimit? IndexColumns { get; } = new(32, "PostgreSQL allows at most 32 columns per index, INCLUDE columns counted (INDEX_MAX_KEYS)");

    public bool IncludedColumnsCount => true;

    /// <summary>"column name "ctid" conflicts with a system column name" (5.6 System Columns); oid is an ordinary name since PostgreSQL 12.</summary>
    public IReadOnlyCollection<string> SystemColumns { get; } = new[] { "tableoid", "xmin", "cmin", "xmax", "cmax", "ctid" };
}
