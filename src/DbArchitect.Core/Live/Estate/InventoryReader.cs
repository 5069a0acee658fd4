using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live.Estate;

/// <summary>The targets an inventory file lists, and every problem of it (file:line:column, with the fix).</summary>
public sealed record InventoryRead(IReadOnlyList<EstateTarget> Targets, IReadOnlyList<DbArchitectError> Errors);

/// <summary>
/// Reads an inventory (CSV or YAML by extension: .csv, .yaml, .yml). Rows are independent: a bad row is an error of its
/// own and the good rows are still returned, so one typo does not stop a sweep of the rest.
/// </summary>
public static class InventoryReader
{
    /// <summary>An inventory larger than this is refused before parsing (a runaway file, not an estate).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static InventoryRead ReadFile(string path, string defaultEngine)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            return new InventoryRead(Array.Empty<EstateTarget>(), new[] { new DbArchitectError("InventoryTooLarge", ErrorKind.InvalidData,
                $"The inventory is {info.Length} bytes; the limit is {MaxBytes}.", "Split the estate into several inventory files.", new SourceLocation(path, 0, 0)) });
        }

        return Read(path, File.ReadAllText(path), defaultEngine);
    }

    /// <summary>Reads inventory text; <paramref name="file"/> names it in errors and decides the format.</summary>
    public static InventoryRead Read(string file, string text, string defaultEngine)
    {
        var errors = new List<DbArchitectError>();
        var extension = Path.GetExtension(file).ToLowerInvariant();
        IReadOnlyList<InventoryRow> rows = extension switch
        {
            ".csv" => InventoryCsv.Read(file, text, errors),
            ".yaml" or ".yml" => InventoryYaml.Read(file, text, errors),
            _ => Unsupported(file, errors),
        };
        var targets = new List<EstateTarget>();
        foreach (var row in rows)
        {
            if (row.ToTarget(defaultEngine, errors) is { } target)
            {
                targets.Add(target);
            }
        }

        return new InventoryRead(targets, errors);
    }

    private static IReadOnlyList<InventoryRow> Unsupported(string file, List<DbArchitectError> errors)
    {
        errors.Add(new DbArchitectError("InventoryFormatUnknown", ErrorKind.InvalidArgument, $"'{Path.GetFileName(file)}' is neither CSV nor YAML.",
            "Name the inventory *.csv (a header row: server,port,engine,database,tags,credential) or *.yaml (a list of targets).", new SourceLocation(file, 0, 0)));
        return Array.Empty<InventoryRow>();
    }
}
