using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>EXEC sp_rename: a column when the third argument is 'COLUMN', otherwise a table (or index, which is harmless and skipped).</summary>
internal static class SqlServerRename
{
    public static (ExecuteStatement Statement, string Object, string Kind)? Read(TSqlStatement statement)
    {
        if (statement is not ExecuteStatement exec || exec.ExecuteSpecification.ExecutableEntity is not ExecutableProcedureReference proc
            || !string.Equals(proc.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier?.Value, "sp_rename", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var values = proc.Parameters.Select(p => (p.ParameterValue as StringLiteral)?.Value ?? string.Empty).ToArray();
        var kind = values.Length > 2 ? values[2].ToUpperInvariant() : "OBJECT";
        return (exec, values.Length > 0 ? values[0] : string.Empty, kind);
    }
}
