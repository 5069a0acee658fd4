using System.Globalization;

namespace DbArchitect.Core.Export;

/// <summary>
/// Collects Markdown with LF line endings and exactly one blank line between blocks, into a string or straight into a
/// <see cref="TextWriter"/> (a document of tens of megabytes is never held whole). Line breaks at the end of what was
/// written so far are held back, so the document ends with exactly one however its last block ended.
/// </summary>
internal sealed class MarkdownBuilder
{
    private readonly TextWriter _text;
    private int _heldLineBreaks;
    private bool _inBlock;

    public MarkdownBuilder()
        : this(new StringWriter(CultureInfo.InvariantCulture))
    {
    }

    public MarkdownBuilder(TextWriter text) => _text = text;

    public void Heading(int level, string escapedText)
    {
        EndBlock();
        Write(new string('#', level));
        Write(" ");
        Write(escapedText);
        Write("\n\n");
    }

    public void Paragraph(string escapedText)
    {
        EndBlock();
        Write(escapedText);
        Write("\n\n");
    }

    public void Bullet(string escapedText)
    {
        Write("- ");
        Line(escapedText);
    }

    /// <summary>A line of the current block (list item, table row, code line).</summary>
    public void Line(string text)
    {
        Write(text);
        Write("\n");
        _inBlock = true;
    }

    /// <summary>Verbatim text for a code block; it must end with a line break.</summary>
    public void Raw(string text)
    {
        Write(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        _inBlock = true;
    }

    public void EndBlock()
    {
        if (_inBlock)
        {
            Write("\n");
            _inBlock = false;
        }
    }

    /// <summary>Ends the document: whatever line breaks the last block left, exactly one follows it.</summary>
    public void Finish()
    {
        EndBlock();
        _heldLineBreaks = 0;
        _text.Write('\n');
        _text.Flush();
    }

    /// <summary>The whole document, for a builder that collects into a string.</summary>
    public override string ToString()
    {
        Finish();
        return _text.ToString() ?? string.Empty;
    }

    private void Write(string text)
    {
        var body = text.AsSpan().TrimEnd('\n');
        if (!body.IsEmpty)
        {
            for (; _heldLineBreaks > 0; _heldLineBreaks--)
            {
                _text.Write('\n');
            }

            _text.Write(body);
        }

        _heldLineBreaks += text.Length - body.Length;
    }
}
