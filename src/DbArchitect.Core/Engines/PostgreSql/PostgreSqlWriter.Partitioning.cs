namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Statement shapes the partition scripts need.</summary>
internal sealed partial class PostgreSqlWriter
{
    /// <summary>Adds a clause to the statement just written, before its terminator (CREATE TABLE … PARTITION BY …).</summary>
    public void AppendToLastStatement(string clause)
    {
        if (_text.Length < 2 || _text[^2] != ';' || _text[^1] != '\n')
        {
            throw new InvalidOperationException("The last thing written is not a statement.");
        }

        _text.Length -= 2;
        _text.Append(clause).Append(";\n");
    }

    /// <summary>Opens an explicit transaction with an isolation level (verification reads both tables in one snapshot).</summary>
    public void Begin(string isolation)
    {
        Statement("BEGIN ISOLATION LEVEL " + isolation);
        _inTransaction = true;
    }

    /// <summary>A DO block with a PL/pgSQL body.</summary>
    public void Do(string body, string tag) => Statement("DO " + DollarQuoted(body, tag));
}
