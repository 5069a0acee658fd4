using System.Text;

namespace DbArchitect.Core.Export;

/// <summary>Collects Markdown with LF line endings and exactly one blank line between blocks.</summary>
internal sealed class MarkdownBuilder
{
    private readonly StringBuilder _text = new();
    private bool _inBlock;

    public void Heading(int level, string escapedText)
    {
        EndBlock();
        _text.Append('#', level).Append(' ').Append(escapedText).Append("\n\n");
    }

    public void Paragraph(string escapedText)
    {
        EndBlock();
        _text.Append(escapedText).Append("\n\n");
    }

    public void Bullet(string escapedText) => Line("- " + escapedText);

    /// <summary>A line of the current block (list item, table row, code line).</summary>
    public void Line(string text)
    {
        _text.Append(text).Append('\n');
        _inBlock = true;
    }

    /// <summary>Verbatim text for a code block; it must end with a line break.</summary>
    public void Raw(string text)
    {
        _text.Append(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        _inBlock = true;
    }

    public void EndBlock()
    {
        if (_inBlock)
        {
            _text.Append('\n');
            _inBlock = false;
        }
    }

    public override string ToString()
    {
        EndBlock();
        return _text.ToString().TrimEnd('\n') + "\n";
    }
}
