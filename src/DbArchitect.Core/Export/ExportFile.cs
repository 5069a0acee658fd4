using System.Buffers;
using System.Text;

namespace DbArchitect.Core.Export;

/// <summary>
/// One file of an exported design, relative to the design folder. The large documents (design.md, design.json: tens
/// of megabytes for a spec of thousands of entities, and a part's own design.md and design.json) are not held as strings: they are rendered straight into the file
/// when it is written, so an export needs memory for the design, not for its text as well. Reading
/// <see cref="Content"/> of such a file renders it once and keeps the text (a caller that reads Content per character,
/// as a test did, must not render a 25 MB document per read).
/// </summary>
public sealed class ExportFile
{
    /// <summary>UTF-8 without a byte order mark; text that cannot be encoded (a lone surrogate) fails the export.</summary>
    internal static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private string? _content;
    private readonly Action<Stream>? _render;

    public ExportFile(string relativePath, string description, string content)
    {
        RelativePath = relativePath;
        Description = description;
        _content = content;
    }

    /// <summary>A file whose UTF-8 bytes <paramref name="render"/> writes to the stream it is given, when needed.</summary>
    internal ExportFile(string relativePath, string description, Action<Stream> render)
    {
        RelativePath = relativePath;
        Description = description;
        _render = render;
    }

    /// <summary>The same file under another path and description (a part's files under its folder), still rendered when written.</summary>
    internal ExportFile Moved(string relativePath, string description) =>
        _render is not null ? new ExportFile(relativePath, description, _render) : new ExportFile(relativePath, description, _content!);

    public string RelativePath { get; }

    public string Description { get; }

    /// <summary>The file's text, line endings as written (LF) for a rendered file.</summary>
    public string Content => _content ??= Rendered();

    /// <summary>Writes the file's bytes to <paramref name="stream"/>: UTF-8 without BOM, every CR LF as LF.</summary>
    internal void WriteTo(Stream stream)
    {
        using var lf = new LfStream(stream);
        if (_render is not null)
        {
            _render(lf);
        }
        else
        {
            WriteText(lf, _content!);
        }
    }

    /// <summary>
    /// Encodes <paramref name="text"/> a piece at a time through one pooled buffer: a script of megabytes needs no byte
    /// array of its own size (each one a large-object allocation that starts a full garbage collection).
    /// </summary>
    private static void WriteText(Stream stream, string text)
    {
        const int piece = 1 << 14;
        var encoder = Utf8NoBom.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(piece));
        try
        {
            for (var start = 0; start < text.Length; start += piece)
            {
                var chars = text.AsSpan(start, Math.Min(piece, text.Length - start));
                var count = encoder.GetBytes(chars, buffer, flush: start + chars.Length == text.Length);
                stream.Write(buffer, 0, count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string Rendered()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return Utf8NoBom.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length));
    }
}
