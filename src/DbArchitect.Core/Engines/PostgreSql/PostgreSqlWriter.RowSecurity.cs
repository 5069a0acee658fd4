using System.Globalization;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Policy, row-level security and sequence statements of New-DbMigrationScript.</summary>
internal sealed partial class PostgreSqlWriter
{
    public static string CreatePolicy(string table, RowPolicy policy) =>
        $"CREATE POLICY {Id(policy.Name)} ON {table} AS {(policy.Permissive ? "PERMISSIVE" : "RESTRICTIVE")} FOR {policy.Command}"
        + $" TO {string.Join(", ", policy.Roles.Select(r => r == "public" ? "PUBLIC" : Id(r)))}"
        + (policy.VisibleWhen is { } u ? $" USING ({u})" : string.Empty)
        + (policy.WritableWhen is { } c ? $" WITH CHECK ({c})" : string.Empty);

    public static string DropPolicy(string table, string name) => $"DROP POLICY IF EXISTS {Id(name)} ON {table}";

    public static string CommentOnPolicy(string table, string name, string? comment) =>
        $"COMMENT ON POLICY {Id(name)} ON {table} IS {(comment is null ? "NULL" : String(comment))}";

    /// <summary>ENABLE/DISABLE and FORCE/NO FORCE ROW LEVEL SECURITY for the wanted state.</summary>
    public static IReadOnlyList<string> RowSecurity(string table, bool enabled, bool forced) => new[]
    {
        $"ALTER TABLE {table} {(enabled ? "ENABLE" : "DISABLE")} ROW LEVEL SECURITY",
        $"ALTER TABLE {table} {(forced ? "FORCE" : "NO FORCE")} ROW LEVEL SECURITY",
    };

    public static string CreateSequence(string name, SequenceDefinition s) => $"CREATE SEQUENCE IF NOT EXISTS {name} AS {s.DataType}" + SequenceOptions(s);

    public static string AlterSequence(string name, SequenceDefinition s) => $"ALTER SEQUENCE {name} AS {s.DataType}" + SequenceOptions(s);

    private static string SequenceOptions(SequenceDefinition s) => string.Create(CultureInfo.InvariantCulture,
        $" INCREMENT BY {s.Increment} MINVALUE {s.Minimum} MAXVALUE {s.Maximum} START WITH {s.Start} CACHE {s.Cache} {(s.Cycle ? "CYCLE" : "NO CYCLE")}");
}
