using System.Globalization;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// The most columns one table may have in each engine, checked at design time: the server would refuse the DDL
/// at apply time, and the capacity model cannot fit such a row on a page.
/// </summary>
internal static class EngineColumnLimits
{
    // Engine manuals: PostgreSQL "Appendix K. PostgreSQL Limits" (1600); MySQL/MariaDB 4096 per table, of which InnoDB
    // allows 1017; SQL Server "Maximum capacity specifications" 1024 (non-wide table); Oracle "Logical Database
    // Limits" 1000; SQLite SQLITE_MAX_COLUMN default 2000. TimescaleDB is PostgreSQL.
    private static readonly Dictionary<string, (int Limit, string Why)> Limits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["postgresql"] = (1600, "PostgreSQL allows at most 1600 columns per table"),
        ["timescaledb"] = (1600, "TimescaleDB (PostgreSQL) allows at most 1600 columns per table"),
        ["mysql"] = (1017, "MySQL allows 4096 columns per table, but InnoDB at most 1017"),
        ["mariadb"] = (1017, "MariaDB allows 4096 columns per table, but InnoDB at most 1017"),
        ["sqlserver"] = (1024, "SQL Server allows at most 1024 columns per (non-wide) table"),
        ["oracle"] = (1000, "Oracle allows at most 1000 columns per table"),
        ["sqlite"] = (2000, "SQLite allows at most 2000 columns per table (SQLITE_MAX_COLUMN)"),
    };

    /// <summary>With engine auto the design may land on any relational engine, so the smallest of their limits holds.</summary>
    private static readonly (int Limit, string Why) AutoLimit =
        (1000, "with engine auto the design may be built on Oracle, which allows at most 1000 columns per table (PostgreSQL 1600, SQL Server 1024, InnoDB 1017)");

    /// <summary>Reports EngineLimitExceeded at <paramref name="node"/> when the requirements file's engine cannot hold the table.</summary>
    public static void Check(ReaderContext context, string engine, int columns, string owner, YamlDotNet.RepresentationModel.YamlNode node)
    {
        if (Refusal(engine, columns, owner, context.At(node)) is { } error)
        {
            context.Report(error.ErrorId, error.Kind, error.Message, error.Fix!, error.Location!, columns);
        }
    }

    /// <summary>The error for a table of <paramref name="columns"/> columns on <paramref name="engine"/>, or null when it fits.</summary>
    public static DbArchitectError? Refusal(string engine, int columns, string owner, SourceLocation location)
    {
        var (limit, why) = string.Equals(engine, SettingsReader.AutoEngine, StringComparison.OrdinalIgnoreCase)
            ? AutoLimit
            : Limits.TryGetValue(engine, out var known) ? known : (int.MaxValue, string.Empty);
        return columns <= limit
            ? null
            : new DbArchitectError(ErrorIds.EngineLimitExceeded, ErrorKind.InvalidData,
                $"{Messages.Capitalize(owner)} has {columns.ToString(CultureInfo.InvariantCulture)} columns (its attributes and the ones the design adds); {why}.",
                $"Split it into entities of at most {limit.ToString(CultureInfo.InvariantCulture)} columns joined one-to-one, or keep rarely used values in a json attribute.",
                location, columns);
    }
}
