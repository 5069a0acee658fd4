namespace DbArchitect.Core.Live.Estate;

/// <summary>The columns (CSV) and keys (YAML) of an inventory, with the other spellings DBAs use for them.</summary>
public static class InventoryColumns
{
    public const string Server = "server";
    public const string Port = "port";
    public const string Engine = "engine";
    public const string Database = "database";
    public const string Tags = "tags";
    public const string Credential = "credential";

    /// <summary>Every column in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> All = new[] { Server, Port, Engine, Database, Tags, Credential };

    private static readonly char[] TagSeparators = { ';', '|', ',' };

    private static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Server] = Server, ["host"] = Server, ["serverinstance"] = Server, ["sqlinstance"] = Server,
        [Port] = Port,
        [Engine] = Engine,
        [Database] = Database, ["db"] = Database,
        [Tags] = Tags, ["tag"] = Tags,
        [Credential] = Credential, ["credentialname"] = Credential, ["credential_name"] = Credential, ["credential-name"] = Credential,
    };

    /// <summary>The column a header or key names, or null when it names none.</summary>
    public static string? Resolve(string name) => Aliases.TryGetValue(name.Trim(), out var column) ? column : null;

    /// <summary>Tags as written: a list, or one text separated by ';', '|' or ','.</summary>
    public static IReadOnlyList<string> SplitTags(string text) =>
        text.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
