namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>Statement shapes the partition scripts need.</summary>
internal sealed partial class SqlServerWriter
{
    /// <summary>Adds a clause to the statement just written, before its terminator (CREATE TABLE … ON scheme (key)).</summary>
    public void AppendToLastStatement(string clause)
    {
        if (_text.Length < 2 || _text[^2] != ';' || _text[^1] != '\n')
        {
            throw new InvalidOperationException("The last thing written is not a statement.");
        }

        _text.Length -= 2;
        _text.Append(clause).Append(";\n");
    }
}
