namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// The two servers this folder writes for. One engine class serves both; every place their SQL differs asks the
/// dialect, so the difference is visible in one switch and testable as text.
/// </summary>
public sealed record MySqlDialect(string Id, string DisplayName, bool IsMariaDb)
{
    /// <summary>MySQL 8.0.16+ (enforced CHECK constraints, functional key parts, UUID_TO_BIN, expression defaults).</summary>
    public static readonly MySqlDialect MySql = new("mysql", "MySQL 8.0", false);

    /// <summary>MariaDB 10.11 LTS (native UUID type, JSON as LONGTEXT with JSON_VALID, no functional indexes).</summary>
    public static readonly MySqlDialect MariaDb = new("mariadb", "MariaDB 10.11", true);

    /// <summary>
    /// The table collation: accent- and case-insensitive Unicode sorting on both. MySQL 8's default UCA 9.0.0
    /// collation; MariaDB 10.10+ has the newer UCA 14.0.0 collation (MariaDB does not have the 0900 ones).
    /// </summary>
    public string Collation => IsMariaDb ? "utf8mb4_uca1400_ai_ci" : "utf8mb4_0900_ai_ci";

    /// <summary>The command-line client a DBA runs the scripts with.</summary>
    public string Client => IsMariaDb ? "mariadb" : "mysql";

    /// <summary>The server's name in prose.</summary>
    public string Product => IsMariaDb ? "MariaDB" : "MySQL";
}
