using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>A check that a server variable does not hold a risky value; <see cref="Condition"/> is the SQL test for "risky".</summary>
internal abstract class MySqlSettingCheck : MySqlHealthCheck
{
    public override string Category => "Durability";

    protected abstract string Variable { get; }

    /// <summary>A condition on the variable's value as text (v), true when it is risky.</summary>
    protected abstract string Condition { get; }

    public override string Sql => $"SELECT '{Variable}' AS target, v AS setting FROM (SELECT CAST(@@GLOBAL.{Variable} AS CHAR) AS v) s WHERE {Condition}";

    protected override HealthStatus FoundStatus => HealthStatus.Warning;

    protected override string Describe(LiveRow row, double? measured) => $"{Variable} = {row.String("setting")}.";
}
