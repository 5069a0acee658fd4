using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Export;

/// <summary>
/// The hidden siblings one export of folder <c>name</c> uses, all ending in the same random token:
/// <c>.name.lock-token</c> (a file held open, locked, for the whole export), <c>.name.tmp-token</c> (the new folder
/// being written) and <c>.name.old-token</c> (the previous design, moved aside). An export killed midway (kill -9)
/// or an old folder that could not be deleted leaves some of them behind; the next export to the same folder
/// removes those of a token whose lock nobody holds, and reports what it could not remove.
/// </summary>
internal sealed class ExportTemporaries : IDisposable
{
    private readonly FileStream _lock;

    private ExportTemporaries(string parent, string name, string token)
    {
        Temp = Path.Combine(parent, $".{name}.tmp-{token}");
        Backup = Path.Combine(parent, $".{name}.old-{token}");
        _lock = new FileStream(
            Path.Combine(parent, $".{name}.lock-{token}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
    }

    public string Temp { get; }

    public string Backup { get; }

    /// <summary>Takes a new token and holds its lock until disposed.</summary>
    public static ExportTemporaries Begin(string parent, string name) =>
        new(parent, name, Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant());

    /// <summary>
    /// Removes the siblings of <paramref name="name"/> that no running export holds. Only names of this module's
    /// pattern are touched; <paramref name="delete"/> removes one folder and returns why it could not, or null.
    /// </summary>
    public static IReadOnlyList<ExportLeftover> CleanStale(string parent, string name, Func<string, string?> delete)
    {
        var pattern = new Regex($"^\\.{Regex.Escape(name)}\\.(?:tmp|old|lock)-(?<token>[0-9a-f]{{8}})$", RegexOptions.CultureInvariant);
        var groups = Directory.EnumerateFileSystemEntries(parent)
            .Select(path => (Path: path, Match: pattern.Match(Path.GetFileName(path))))
            .Where(entry => entry.Match.Success)
            .GroupBy(entry => entry.Match.Groups["token"].Value, entry => entry.Path, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        var leftovers = new List<ExportLeftover>();
        foreach (var group in groups)
        {
            var lockPath = Path.Combine(parent, $".{name}.lock-{group.Key}");
            using var held = TryTakeOver(lockPath);
            // A running export takes its lock before it creates its folders and releases it only after it removed
            // them, so a token whose lock is held is in use, and one whose lock is gone or free is stale.
            if (held is null && File.Exists(lockPath))
            {
                continue;
            }

            foreach (var folder in group.Where(path => !string.Equals(path, lockPath, StringComparison.Ordinal)))
            {
                if (delete(folder) is { } reason)
                {
                    leftovers.Add(new ExportLeftover(folder, reason));
                }
            }
        }

        return leftovers;
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>The lock of an export that is not running any more (deleted when released), or null when it is held or absent.</summary>
    private static FileStream? TryTakeOver(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
