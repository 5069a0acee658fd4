using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>FLOAT_FOR_MONEY: real or double precision columns whose name says they hold money.</summary>
internal sealed class PostgreSqlFloatForMoney : PostgreSqlHealthCheck
{
    public override string Id => "FLOAT_FOR_MONEY";

    public override string Title => "Floating-point column for money";

    public override string Category => "Schema";

    public override string Description => $"real and double precision columns of ordinary and partitioned tables whose name says they hold money — {MoneyNames.Words}. Binary floating point cannot hold 0.10 exactly: sums drift by cents and equality tests fail. Use numeric.";

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname || '.' || a.attname AS target, n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
               format_type(a.atttypid, a.atttypmod) AS column_type
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attnum > 0 AND NOT a.attisdropped AND a.atttypid IN ('real'::regtype, 'double precision'::regtype)
          AND lower(a.attname) ~ {PostgreSqlWriter.String(MoneyNames.Pattern)} AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("column_type")} holds what its name says is money: sums and comparisons drift.";

    protected override string Recommend(LiveRow row) => "Change it to numeric(19,4) (or the currency's precision); the ALTER rewrites the table under an ACCESS EXCLUSIVE lock.";

    protected override string? Fix(LiveRow row) =>
        $"ALTER TABLE {PostgreSqlHealth.Qualified(row, "schema_name", "table_name")} ALTER COLUMN {PostgreSqlWriter.Id(row.String("column_name") ?? string.Empty)} TYPE numeric(19,4);";
}
