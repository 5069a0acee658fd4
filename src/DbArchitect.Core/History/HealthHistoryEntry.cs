using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.History;

/// <summary>
/// One health-check result as the history keeps it: where it came from (server, port, database, engine; null when the
/// result did not say), which check, its severity (the result's Status), the object, the message and the evidence.
/// </summary>
public sealed record HealthHistoryEntry
{
    /// <summary>The property names read from a result object (by name, so results from any producer, or re-imported ones, fit).</summary>
    public static readonly IReadOnlyList<string> PropertyNames = new[] { "Server", "Port", "Database", "Engine", "CheckId", "Status", "Target", "Message", "Evidence" };

    /// <summary>The properties that identify where a result came from; a result without them is kept, with NULL there.</summary>
    public static readonly IReadOnlyList<string> OriginNames = new[] { "Server", "Port", "Database", "Engine" };

    public string? Server { get; init; }

    public int? Port { get; init; }

    public string? Database { get; init; }

    public string? Engine { get; init; }

    public required string CheckId { get; init; }

    /// <summary>Pass, Info, Warning, Critical, Skipped or Error (the result's Status).</summary>
    public required string Severity { get; init; }

    public required string Target { get; init; }

    public required string Message { get; init; }

    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The finding's identity across runs: origin, check and object, never the message or severity (its figures change
    /// while the problem stays the same one). Hex SHA-256 of the parts separated by a unit separator.
    /// </summary>
    public string FindingKey => KeyOf(Server, Port, Database, Engine, CheckId, Target);

    internal static string KeyOf(string? server, int? port, string? database, string? engine, string checkId, string target)
    {
        var key = string.Join(
            "\u001f",
            server ?? string.Empty,
            port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            database ?? string.Empty,
            engine ?? string.Empty,
            checkId,
            target);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
    }

    /// <summary>
    /// An entry from a result's properties by name (values already unwrapped of any host wrapper). CheckId and Status are
    /// required; Target and Message default to empty text; Server, Port, Database and Engine stay null when absent.
    /// </summary>
    /// <exception cref="DbArchitectException">HealthHistoryInputInvalid: CheckId or Status is missing, or Port is not a port number.</exception>
    public static HealthHistoryEntry FromProperties(IReadOnlyDictionary<string, object?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var checkId = Text(properties, "CheckId");
        var severity = Text(properties, "Status");
        if (string.IsNullOrWhiteSpace(checkId) || string.IsNullOrWhiteSpace(severity))
        {
            throw Invalid("The input has no CheckId or Status property, so it is not a health-check result.", "Pipe the results of Invoke-DbHealthCheck (or objects with the same properties) to Save-DbHealthHistory.");
        }

        return new HealthHistoryEntry
        {
            Server = Blank(Text(properties, "Server")),
            Port = PortOf(properties.GetValueOrDefault("Port")),
            Database = Blank(Text(properties, "Database")),
            Engine = Blank(Text(properties, "Engine")),
            CheckId = checkId,
            Severity = severity,
            Target = Text(properties, "Target") ?? string.Empty,
            Message = Text(properties, "Message") ?? string.Empty,
            Evidence = EvidenceOf(properties.GetValueOrDefault("Evidence")),
        };
    }

    private static DbArchitectException Invalid(string message, string fix) =>
        new(new DbArchitectError("HealthHistoryInputInvalid", ErrorKind.InvalidData, message, fix, null));

    private static string? Text(IReadOnlyDictionary<string, object?> properties, string name) =>
        properties.GetValueOrDefault(name) is { } value ? StoredText(Convert.ToString(value, CultureInfo.InvariantCulture)) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static int? PortOf(object? value)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            return null;
        }

        if (int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        throw Invalid($"The input's Port '{TextCut.ToLength(Engines.CommentText.OneLine(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty), 40)}' is not a port number (1 to 65535).", "Give the result a numeric Port, or none.");
    }

    /// <summary>
    /// Evidence is a dictionary of figures by name on a HealthCheckResult; any dictionary is taken, its values as
    /// invariant text. Other values (text from a re-imported CSV) are kept whole under the name "value".
    /// </summary>
    private static SortedDictionary<string, string> EvidenceOf(object? value)
    {
        var evidence = new SortedDictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry item in dictionary)
                {
                    evidence[StoredText(Convert.ToString(item.Key, CultureInfo.InvariantCulture)) ?? string.Empty] =
                        StoredText(Convert.ToString(item.Value, CultureInfo.InvariantCulture)) ?? string.Empty;
                }

                break;
            case IEnumerable<KeyValuePair<string, string>> pairs:
                foreach (var (key, text) in pairs)
                {
                    evidence[StoredText(key) ?? string.Empty] = StoredText(text) ?? string.Empty;
                }

                break;
            default:
                if (StoredText(Convert.ToString(value, CultureInfo.InvariantCulture)) is { Length: > 0 } whole)
                {
                    evidence["value"] = whole;
                }

                break;
        }

        return evidence;
    }

    /// <summary>PostgreSQL text and jsonb cannot hold U+0000; it alone is replaced (by U+FFFD), every other character is kept as written.</summary>
    private static string? StoredText(string? text) => text?.Replace('\0', '\uFFFD');
}
