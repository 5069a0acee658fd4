using System.Globalization;
using System.Text;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Reads a requirements file's bytes into text: refuses a file over <see cref="InputLimits.MaxFileBytes"/> before
/// reading it, and refuses bytes that are not valid UTF-8 (or UTF-16 after its byte-order mark) at their line and
/// column, instead of turning "café" written in Latin-1 into "caf\uFFFD" without a word.
/// </summary>
internal static class RequirementsText
{
    public static string? Read(ReaderContext context, string path)
    {
        var length = new FileInfo(path).Length;
        if (!CheckSize(context, length, "bytes"))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var (encoding, offset) = EncodingOf(bytes);
        try
        {
            return encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var bad = Math.Clamp(offset + Math.Max(ex.Index, 0), offset, bytes.Length);
            var valid = encoding.GetString(bytes, offset, bad - offset);
            var line = 1 + valid.Count(c => c == '\n');
            var column = valid.Length - (valid.LastIndexOf('\n') + 1) + 1;
            var shown = string.Join(" ", bytes.Skip(bad).Take(4).Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
            context.Report(ErrorIds.InvalidEncoding, ErrorKind.InvalidData,
                $"The file is not valid {encoding.WebName.ToUpperInvariant()}: the bytes {shown} at byte offset {bad.ToString(CultureInfo.InvariantCulture)} are not a character.",
                "Save the file as UTF-8 (in PowerShell: Get-Content -Encoding Latin1 <file> | Set-Content -Encoding utf8 <file>); a file in another encoding would change its text silently.",
                new SourceLocation(context.SourceName, line, column));
            return null;
        }
    }

    /// <summary>Refuses text longer than the file limit (Read is also called with text that never was a file).</summary>
    public static bool CheckSize(ReaderContext context, long length, string unit)
    {
        if (length <= InputLimits.MaxFileBytes)
        {
            return true;
        }

        context.Report(ErrorIds.InputTooLarge, ErrorKind.InvalidData,
            $"The file holds {length.ToString("N0", CultureInfo.InvariantCulture)} {unit}; a requirements file may hold at most {InputLimits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} (10 MB).",
            "Split the design into several files, or shorten long descriptions; a requirements file of thousands of entities is well under 1 MB.",
            new SourceLocation(context.SourceName, 1, 1), length);
        return false;
    }

    private static (Encoding Encoding, int Offset) EncodingOf(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false, throwOnInvalidBytes: true), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => (new UTF8Encoding(false, throwOnInvalidBytes: true), 0),
    };
}
