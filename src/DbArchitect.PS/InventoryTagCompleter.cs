using System.Collections;
using System.Management.Automation;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.PS;

/// <summary>
/// Tab completion for -Tag: the tags of the inventories already typed after -InventoryPath (relative paths from the
/// current location), so only tags that choose something are offered; nothing before an inventory is named.
/// </summary>
public sealed class InventoryTagCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound)
    {
        var here = CurrentLocation();
        var targets = new List<EstateTarget>();
        foreach (var path in Paths(bound["InventoryPath"]))
        {
            var file = Path.GetFullPath(path, here);
            if (File.Exists(file))
            {
                targets.AddRange(InventoryReader.ReadFile(file, bound["Engine"] as string ?? DbArchitectLiveCmdlet.DefaultEngine).Targets);
            }
        }

        return EstateTags.Of(targets).Select(tag => (tag, $"{targets.Count(t => EstateTags.Carries(t, new[] { tag }))} target(s) tagged {tag}"));
    }

    /// <summary>The session's file-system location (not the process's): a nested pipeline, as the completer runs inside one.</summary>
    private static string CurrentLocation()
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        return shell.AddCommand("Microsoft.PowerShell.Management\\Get-Location").AddParameter("PSProvider", "FileSystem").Invoke<PathInfo>()
            .FirstOrDefault()?.ProviderPath ?? Environment.CurrentDirectory;
    }

    private static IEnumerable<string> Paths(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
    {
        string one => new[] { one },
        IEnumerable many => many.Cast<object?>().Select(v => (v is PSObject w ? w.BaseObject : v) as string).OfType<string>(),
        _ => Array.Empty<string>(),
    };
}
