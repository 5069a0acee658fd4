using System.Text;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// A report's file path as a URI reference (RFC 3986), the form SARIF's artifactLocation.uri must take: a relative path
/// has each segment percent-encoded (a space, a comma or a '#' in a migration's name would otherwise make an invalid or
/// different URI) and is resolved against a uriBaseId; an absolute path becomes a file: URI with no base.
/// </summary>
public static class ReportUri
{
    /// <summary>The uriBaseId of relative file paths: the folder the command ran in (a CI job's checkout).</summary>
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>The uriBaseId of the stand-in artifacts that name a live database ("postgresql/shop").</summary>
    public const string Databases = "DATABASES";

    /// <summary>(uri, uriBaseId): the encoded relative reference and <see cref="SourceRoot"/>, or a file: URI and null.</summary>
    public static (string Uri, string? BaseId) ForFile(string path)
    {
        var slashes = path.Replace('\\', '/');
        if (IsAbsolute(slashes))
        {
            // A drive letter keeps its colon (file:///C:/x), everything after it is encoded like any path.
            return slashes.StartsWith('/') ? ("file://" + EncodePath(slashes), null) : ("file:///" + slashes[..2] + EncodePath(slashes[2..]), null);
        }

        return (EncodePath(slashes.StartsWith("./", StringComparison.Ordinal) ? slashes[2..] : slashes), SourceRoot);
    }

    /// <summary>Each '/'-separated segment percent-encoded as UTF-8; only RFC 3986's unreserved characters stay as they are.</summary>
    public static string EncodePath(string path) => string.Join('/', path.Split('/').Select(EncodeSegment));

    private static string EncodeSegment(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    // "/x" on Unix, "C:/x" on Windows; a drive letter would otherwise read as a URI scheme.
    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/');
}
