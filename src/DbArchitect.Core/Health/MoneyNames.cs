namespace DbArchitect.Core.Health;

/// <summary>The column names that say "money", one pattern for every engine's FLOAT_FOR_MONEY.</summary>
public static class MoneyNames
{
    /// <summary>A POSIX regular expression over the lower-cased column name (MariaDB REGEXP, PostgreSQL ~).</summary>
    public const string Pattern = "(price|amount|cost|balance|salary|wage|revenue|payment|refund|subtotal|discount|money)|(^|_)(total|tax|vat|fee|fees|charge|credit|debit|paid|due)(_|$)";

    public const string Words = "price, amount, cost, balance, salary, wage, revenue, payment, refund, subtotal, discount, money anywhere in the name; total, tax, vat, fee, charge, credit, debit, paid, due as a word";
}
