using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live.Estate;

/// <summary>One row (CSV) or item (YAML) of an inventory before validation: each value with where it was written.</summary>
internal sealed class InventoryRow
{
    private readonly Dictionary<string, (string Value, SourceLocation At)> _values = new(StringComparer.Ordinal);
    private readonly List<string> _tags = new();

    public InventoryRow(SourceLocation at) => At = at;

    public SourceLocation At { get; }

    /// <summary>Set when reading the row found a problem already reported (an unknown key): the row names no target.</summary>
    public bool Invalid { get; set; }

    public void Set(string column, string value, SourceLocation at) => _values[column] = (value, at);

    public void AddTag(string tag) => _tags.Add(tag);

    /// <summary>The target the row names, or the errors that stop it (each at its own cell, with the fix).</summary>
    public EstateTarget? ToTarget(string defaultEngine, List<DbArchitectError> errors)
    {
        if (Invalid)
        {
            return null;
        }

        var before = errors.Count;
        var engine = defaultEngine;
        if (_values.TryGetValue(InventoryColumns.Engine, out var written) && written.Value.Trim().Length > 0)
        {
            engine = written.Value.Trim();
            if (!LiveEngines.Ids.Contains(engine, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new DbArchitectError("InventoryEngineInvalid", ErrorKind.InvalidData,
                    $"The engine '{engine}' cannot be reached live{(EngineRegistry.IsKnown(engine) ? string.Empty : " (it is not an engine the module knows)")}.",
                    $"Use one of: {string.Join(", ", LiveEngines.Ids)}.", written.At, engine));
            }
        }

        if (!_values.TryGetValue(InventoryColumns.Server, out var server) || server.Value.Trim().Length == 0)
        {
            errors.Add(new DbArchitectError("InventoryServerMissing", ErrorKind.InvalidData, "The row names no server.",
                "Write the host name or address in the server column (a port may follow: db1,5433 or db1:5433).", server.At ?? At));
        }

        int? port = null;
        if (_values.TryGetValue(InventoryColumns.Port, out var portText) && portText.Value.Trim().Length > 0)
        {
            port = Guard(() => TargetName.ParsePort(portText.Value, portText.At, server.Value ?? string.Empty), errors);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var database = _values.TryGetValue(InventoryColumns.Database, out var db) && db.Value.Trim().Length > 0 ? db.Value.Trim() : null;
        var credential = _values.TryGetValue(InventoryColumns.Credential, out var cred) && cred.Value.Trim().Length > 0 ? cred.Value.Trim() : null;
        var tags = _values.TryGetValue(InventoryColumns.Tags, out var tagText) ? InventoryColumns.SplitTags(tagText.Value).Concat(_tags) : _tags;
        var target = Guard(() => TargetName.Parse(engine, server.Value, port, database, server.At), errors);
        return target is null ? null : target with
        {
            Tags = tags.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            CredentialName = credential,
        };
    }

    private static T? Guard<T>(Func<T> read, List<DbArchitectError> errors)
    {
        try
        {
            return read();
        }
        catch (DbArchitectException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Kind = ErrorKind.InvalidData }));
            return default;
        }
    }
}
