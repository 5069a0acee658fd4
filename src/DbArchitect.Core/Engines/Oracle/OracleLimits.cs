namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle's hard limits ("Logical Database Limits"): 1000 columns a table, 32 columns an index. A row longer than a
/// block chains across blocks, so there is no row width refused at CREATE TABLE.
/// </summary>
internal sealed class OracleLimits : IEngineLimits
{
    public EngineLimit Columns { get; } = new(1000, "Oracle allows at most 1000 columns per table");

    public EngineLimit? IndexColumns { get; } = new(32, "Oracle allows at most 32 columns per index");
}
