using DbArchitect.Core.Lint;
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

internal sealed class SqlServerRenamingTableRule : SqlServerLintRule
{
    public override string Id => "renaming-table";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "sp_rename of a table breaks every running application version that uses the old name (and takes Sch-M).";

    public override string Fix => "Rename, then CREATE SYNONYM old_name FOR new_name (or a view) in the same transaction; drop it once no code uses the old name.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (SqlServerRename.Read(statement.Fragment) is { Kind: "OBJECT" } rename)
        {
            yield return At(rename.Statement, $"sp_rename '{rename.Object}' breaks readers of the old name.");
        }
    }
}

internal sealed class SqlServerRenamingColumnRule : SqlServerLintRule
{
    public override string Id => "renaming-column";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "sp_rename of a column breaks every running application version that uses the old name.";

    public override string Fix => "Expand/contract: add the new column, dual-write, backfill, switch readers, then drop the old one.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (SqlServerRename.Read(statement.Fragment) is { Kind: "COLUMN" } rename)
        {
            yield return At(rename.Statement, $"sp_rename '{rename.Object}', …, 'COLUMN' breaks readers of the old name.");
        }
    }
}
