using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>FLOAT_FOR_MONEY: FLOAT or DOUBLE columns whose name says they hold money (price, amount, total, cost…).</summary>
internal sealed class MySqlFloatForMoney : MySqlHealthCheck
{
    public override string Id => "FLOAT_FOR_MONEY";

    public override string Title => "Floating-point column for money";

    public override string Category => "Schema";

    public override string Description => $"FLOAT, DOUBLE and REAL columns whose name says they hold money — {MoneyNames.Words}. Binary floating point cannot hold 0.10 exactly: sums drift by cents, equality tests fail and FLOAT keeps only about 7 significant digits. Use DECIMAL.";

    public override string Sql => $"""
        SELECT CONCAT(c.table_name, '.', c.column_name) AS target, c.table_name, c.column_name, c.column_type, c.is_nullable, c.column_default
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = DATABASE() AND c.data_type IN ('float', 'double', 'real') AND LOWER(c.column_name) REGEXP {MySqlWriter.String(MoneyNames.Pattern)}
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("column_type")} holds what its name says is money: sums and comparisons drift.";

    protected override string Recommend(LiveRow row) => "Change it to DECIMAL(19,4) (or the currency's precision); the statement keeps its nullability and default — review it, and round the stored values once.";

    protected override string? Fix(LiveRow row)
    {
        var nullable = row.String("is_nullable") == "YES" ? "NULL" : "NOT NULL";
        var fallback = row.String("column_default") is { Length: > 0 } d && !d.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? $" DEFAULT {d}" : string.Empty;
        return $"ALTER TABLE {MySqlHealth.Table(row)} MODIFY {MySqlWriter.Id(row.String("column_name") ?? string.Empty)} DECIMAL(19,4) {nullable}{fallback};";
    }
}
