using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Requirements.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// An inventory as YAML: a list of targets, or a mapping whose 'targets' key holds the list. A target is a mapping
/// (server, port, engine, database, tags as a list or text, credential) or a plain server name ("db1,5433").
/// </summary>
internal static class InventoryYaml
{
    public static IReadOnlyList<InventoryRow> Read(string file, string text, List<DbArchitectError> errors)
    {
        var rows = new List<InventoryRow>();
        // The requirements reader's loader and guards: an inventory is a file from outside too.
        var stream = GuardedYaml.Load(text, out var failure);
        if (stream is null)
        {
            errors.Add(failure!.Syntax
                ? new DbArchitectError("InventorySyntaxError", ErrorKind.SyntaxError, $"The inventory is not valid YAML: {failure.Reason}",
                    "Fix the YAML at this position: indentation with spaces, a colon after each key, matching quotes and brackets.", At(file, failure.Mark))
                : new DbArchitectError(failure.LimitErrorId!, ErrorKind.InvalidData, failure.Reason, failure.LimitFix, At(file, failure.Mark)));
            return rows;
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlMappingNode top && top.Children.FirstOrDefault(c => Scalar(c.Key) is "targets") is { Value: { } list })
        {
            root = list;
        }

        if (root is not YamlSequenceNode items)
        {
            errors.Add(new DbArchitectError("InventoryShapeInvalid", ErrorKind.InvalidData, "The inventory is not a list of targets.",
                "Write a list ('- server: db1') or a 'targets:' key holding one.", root is null ? new SourceLocation(file, 1, 1) : At(file, root.Start)));
            return rows;
        }

        foreach (var item in items)
        {
            var row = new InventoryRow(At(file, item.Start));
            switch (item)
            {
                case YamlScalarNode name:
                    row.Set(InventoryColumns.Server, name.Value ?? string.Empty, At(file, name.Start));
                    break;
                case YamlMappingNode mapping:
                    Fill(file, row, mapping, errors);
                    break;
                default:
                    errors.Add(new DbArchitectError("InventoryShapeInvalid", ErrorKind.InvalidData, "A target is a list here.",
                        "Write a target as a mapping (server: db1, port: 5433) or as a name (db1,5433).", row.At));
                    continue;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Fill(string file, InventoryRow row, YamlMappingNode mapping, List<DbArchitectError> errors)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Scalar(keyNode) ?? string.Empty;
            var column = InventoryColumns.Resolve(key);
            var at = At(file, value.Start);
            if (column is null)
            {
                // A mistyped key (databse) must not sweep the wrong database: the row is refused.
                row.Invalid = true;
                errors.Add(new DbArchitectError("InventoryColumnUnknown", ErrorKind.InvalidData, $"'{key}' is not an inventory key.",
                    $"Use these keys: {string.Join(", ", InventoryColumns.All)}.", At(file, keyNode.Start)));
            }
            else if (column == InventoryColumns.Tags && value is YamlSequenceNode tags)
            {
                foreach (var tag in tags.OfType<YamlScalarNode>())
                {
                    row.AddTag(tag.Value ?? string.Empty);
                }
            }
            else if (value is YamlScalarNode scalar)
            {
                row.Set(column, scalar.Value ?? string.Empty, at);
            }
            else
            {
                row.Invalid = true;
                errors.Add(new DbArchitectError("InventoryValueInvalid", ErrorKind.InvalidData, $"'{key}' holds a list or mapping, not a value.",
                    $"Write {key} as a single value ({key}: …).", at));
            }
        }
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();

    private static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
