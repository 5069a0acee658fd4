using System.Data.Common;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// The target a connection string names (server, port, database), read with the keywords every driver of the module
/// accepts, so results from -ConnectionString carry the same identity as results from -Server. The password is never read.
/// </summary>
public static class ConnectionIdentity
{
    private static readonly string[] ServerKeys = { "host", "server", "data source", "datasource", "address", "addr", "network address" };
    private static readonly string[] PortKeys = { "port" };
    private static readonly string[] DatabaseKeys = { "database", "initial catalog", "db" };

    public static EstateTarget Of(string engine, string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            // LiveTarget reports the bad connection string with its own error; the identity is then unknown.
            return new EstateTarget(engine, "(connection string)", null, null);
        }

        var server = First(builder, ServerKeys) ?? "localhost";
        var database = First(builder, DatabaseKeys);
        var target = TargetName.Parse(engine, server, null, database, SourceLocation.None);
        if (First(builder, PortKeys) is { } port && int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            target = target with { Port = number };
        }

        return target with { Source = null };
    }

    private static string? First(DbConnectionStringBuilder builder, IEnumerable<string> keys) =>
        keys.Select(k => builder.TryGetValue(k, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
