using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>A check that one server setting does not hold a dangerous value (fsync = off and the like).</summary>
internal abstract class PostgreSqlSettingCheck : PostgreSqlHealthCheck
{
    public override string Category => "Durability";

    protected abstract string Setting { get; }

    protected abstract string BadValue { get; }

    public override string Sql =>
        $"SELECT name AS target, setting, source FROM pg_settings WHERE name = {PostgreSqlWriter.String(Setting)} AND setting = {PostgreSqlWriter.String(BadValue)}";

    protected override string Describe(LiveRow row, double? measured) =>
        $"{Setting} = {row.String("setting")} (set by {row.String("source")}).";
}
