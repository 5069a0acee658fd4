using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>One statement with what the script did before it.</summary>
internal sealed record SqlServerLintStatement(TSqlStatement Fragment, int Index, NewTableLog NewTables, bool LockTimeoutSet)
{
    public bool IsNew(SchemaObjectName? name) => name?.BaseIdentifier?.Value is { } table && NewTables.IsNew(table, Index);
}

/// <summary>A parsed T-SQL script: its statements (nested blocks flattened, in order), the parse errors, the text's lines.</summary>
internal sealed class SqlServerLintContext
{
    private readonly string[] _lines;

    private SqlServerLintContext(IReadOnlyList<SqlServerLintStatement> statements, IReadOnlyList<(int Line, int Column, string Message)> errors, string text, LintOptions options)
    {
        Statements = statements;
        Errors = errors;
        Options = options;
        _lines = text.Split('\n');
    }

    public IReadOnlyList<SqlServerLintStatement> Statements { get; }

    public IReadOnlyList<(int Line, int Column, string Message)> Errors { get; }

    public LintOptions Options { get; }

    /// <summary>Tables this script creates.</summary>
    public IReadOnlyList<string> CreatedTables { get; private init; } = Array.Empty<string>();

    public string LineText(int line) => line >= 1 && line <= _lines.Length ? _lines[line - 1].Trim() : string.Empty;

    public static SqlServerLintContext Parse(string text, LintOptions options)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var fragment = parser.Parse(reader, out var parseErrors);
        var errors = parseErrors.Select(e => (e.Line, e.Column, e.Message)).ToArray();
        var statements = new List<SqlServerLintStatement>();
        var newTables = new NewTableLog(options.NewTables, StringComparer.OrdinalIgnoreCase, options.AssumeExistingTables);
        var lockTimeout = false;
        if (fragment is TSqlScript script)
        {
            foreach (var statement in script.Batches.SelectMany(b => b.Statements).SelectMany(Flatten))
            {
                statements.Add(new SqlServerLintStatement(statement, statements.Count, newTables, lockTimeout));
                lockTimeout |= statement is SetCommandStatement set && set.Commands.OfType<GeneralSetCommand>().Any(c => c.CommandType == GeneralSetCommandType.LockTimeout);
                if (statement is CreateTableStatement create && create.SchemaObjectName.BaseIdentifier?.Value is { } name)
                {
                    newTables.Add(name, statements.Count - 1);
                }
            }
        }

        return new SqlServerLintContext(statements, errors, text, options) { CreatedTables = newTables.Created };
    }

    /// <summary>Statements inside BEGIN … END, TRY/CATCH, IF and WHILE count as the script's own.</summary>
    private static IEnumerable<TSqlStatement> Flatten(TSqlStatement statement)
    {
        var children = statement switch
        {
            BeginEndBlockStatement block => block.StatementList.Statements,
            TryCatchStatement tryCatch => tryCatch.TryStatements.Statements.Concat(tryCatch.CatchStatements.Statements),
            IfStatement ifStatement => new[] { ifStatement.ThenStatement, ifStatement.ElseStatement }.Where(s => s is not null),
            WhileStatement whileStatement => new[] { whileStatement.Statement },
            _ => null,
        };
        return children is null ? new[] { statement } : children.SelectMany(Flatten);
    }
}
