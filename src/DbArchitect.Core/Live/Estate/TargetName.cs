using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// Reads a server name as a DBA writes it: "db1", "db1,5433" (SQL Server's own form), "db1:5433", "[::1]:5433",
/// "sql1\INST,1433". A bare IPv6 address ("::1") is a host, not a host and a port. A SQLite target is a file path and
/// is never split.
/// </summary>
public static class TargetName
{
    /// <summary>The target a name denotes, the port defaulted to the engine's; errors say which name and how to write it.</summary>
    public static EstateTarget Parse(string engine, string name, int? port = null, string? database = null, SourceLocation? source = null)
    {
        var entry = EngineRegistry.Entry(engine);
        var driver = LiveEngines.Driver(entry.Id);
        var text = (name ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw Invalid("EstateServerEmpty", "The server name is empty.", "Write a host name or address, optionally with a port: db1, db1,5433 or db1:5433.", source, name);
        }

        if (driver.DefaultPort == 0)
        {
            return new EstateTarget(entry.Id, text, null, database) { Source = source };
        }

        var (host, written) = Split(text, source);
        if (written is not null && port is not null && written != port)
        {
            throw Invalid("EstatePortConflict", $"'{text}' names port {Integer(written.Value)} but the port given is {Integer(port.Value)}.",
                "Give the port once: in the name (db1,5433) or as the port, not both.", source, name);
        }

        return new EstateTarget(entry.Id, host, written ?? port ?? driver.DefaultPort, database) { Source = source };
    }

    /// <summary>A port as written in an inventory or a name: a whole number from 1 to 65535.</summary>
    public static int ParsePort(string text, SourceLocation? source, string name)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Invalid("EstatePortInvalid", $"The port '{text.Trim()}' of '{name}' is not a port number.", "Write a whole number from 1 to 65535.", source, name);
        }

        return port;
    }

    private static (string Host, int? Port) Split(string text, SourceLocation? source)
    {
        // "[v6]:port" or "[v6]"
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid("EstateServerInvalid", $"'{text}' opens '[' without closing it.", "Write an IPv6 address with a port as [::1]:5432.", source, text);
            }

            var host = text[1..close];
            var rest = text[(close + 1)..];
            return rest.Length == 0 ? (host, null) : rest[0] is ':' or ',' ? (host, ParsePort(rest[1..], source, text)) : throw Invalid(
                "EstateServerInvalid", $"'{text}' has '{rest}' after the address.", "Write an IPv6 address with a port as [::1]:5432.", source, text);
        }

        var comma = text.LastIndexOf(',');
        if (comma >= 0)
        {
            return (Host(text[..comma], text, source), ParsePort(text[(comma + 1)..], source, text));
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && colon == text.LastIndexOf(':'))
        {
            return (Host(text[..colon], text, source), ParsePort(text[(colon + 1)..], source, text));
        }

        return (text, null);
    }

    private static string Host(string host, string text, SourceLocation? source) => host.Trim().Length > 0
        ? host.Trim()
        : throw Invalid("EstateServerEmpty", $"'{text}' has a port but no host.", "Write the host before the port: db1,5433 or db1:5433.", source, text);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static DbArchitectException Invalid(string id, string message, string fix, SourceLocation? source, object? target) =>
        new(new DbArchitectError(id, ErrorKind.InvalidArgument, message, fix, source, target));
}
