using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal static class SqlServerIndexOptions
{
    /// <summary>True when the options include ONLINE = ON.</summary>
    public static bool Online(IEnumerable<IndexOption>? options) =>
        options?.OfType<OnlineIndexOption>().Any(o => o.OptionState == OptionState.On) == true;
}
