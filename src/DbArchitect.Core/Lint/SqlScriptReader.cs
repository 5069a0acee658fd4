namespace DbArchitect.Core.Lint;

/// <summary>
/// A script read into statements: each statement keeps its tokens and the comments written since the previous one
/// (where suppression comments live).
/// </summary>
public sealed class SqlScriptReader
{
    private SqlScriptReader(IReadOnlyList<SqlStatement> statements, IReadOnlyList<SqlToken> comments)
    {
        Statements = statements;
        Comments = comments;
    }

    public IReadOnlyList<SqlStatement> Statements { get; }

    public IReadOnlyList<SqlToken> Comments { get; }

    public static SqlScriptReader Read(string text, SqlLexOptions options)
    {
        var statements = new List<SqlStatement>();
        var comments = new List<SqlToken>();
        var current = new List<SqlToken>();
        foreach (var token in SqlTokenizer.Tokenize(text, options))
        {
            switch (token.Kind)
            {
                case SqlTokenKind.Comment:
                    comments.Add(token);
                    break;
                case SqlTokenKind.Terminator:
                    Flush();
                    break;
                default:
                    current.Add(token);
                    break;
            }
        }

        Flush();
        return new SqlScriptReader(statements, comments);

        void Flush()
        {
            if (current.Count == 0)
            {
                return;
            }

            var first = current[0];
            var last = current[^1];
            var end = Math.Min(text.Length, last.Offset + last.Text.Length);
            statements.Add(new SqlStatement(statements.Count, current.ToArray(), text[first.Offset..end]));
            current.Clear();
        }
    }
}
