using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>How Compare-DbSchema reads PostgreSQL's CHECK conditions and shows its index keys and row policies.</summary>
public sealed partial class PostgreSqlInspector
{
    /// <summary>PostgreSQL's own type names that may stand before a literal (<c>timestamptz '2024-01-01 00:00+00'</c>).</summary>
    private static readonly string[] LiteralTypes = { "timestamptz", "jsonb" };

    public string CheckMeaning(string expression) => Schema.CheckMeaning.Of(expression, literalTypes: LiteralTypes);

    public string KeyText(IndexKey key) => PostgreSqlIndexSpelling.Key(key);

    /// <summary>"PERMISSIVE FOR ALL TO app USING (…) WITH CHECK (…)": the policy as CREATE POLICY states it.</summary>
    public string PolicyText(RowPolicy policy) =>
        $"{(policy.Permissive ? "PERMISSIVE" : "RESTRICTIVE")} FOR {policy.Command} TO {string.Join(", ", policy.Roles.Order(StringComparer.Ordinal))}"
        + (policy.VisibleWhen is { } u ? $" USING ({u})" : string.Empty)
        + (policy.WritableWhen is { } c ? $" WITH CHECK ({c})" : string.Empty);
}
