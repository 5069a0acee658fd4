using DbArchitect.Core.Lint;
using Npgsql;

namespace DbArchitect.Integration.Tests.Lint;

/// <summary>
/// The reasons the PostgreSQL rules give, measured on PostgreSQL 15: the lock each statement takes on the table and
/// whether it rewrites it (a new relfilenode), for the statement a rule flags and for the alternative it recommends.
/// </summary>
public sealed class PostgreSqlLockClaimsTests : IClassFixture<PostgreSqlLockClaimsTests.Database>
{
    private const string Setup = """
        DROP TABLE IF EXISTS accounts;
        CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text, balance integer NOT NULL DEFAULT 0);
        INSERT INTO accounts (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 1000) g;
        """;

    private readonly Database _database;

    public PostgreSqlLockClaimsTests(Database database) => _database = database;

    /// <summary>One scratch database for all cases (each case recreates the table), dropped after the class.</summary>
    public sealed class Database : IDisposable
    {
        internal ScratchDatabase Scratch { get; } = PostgresServer.CreateScratch("lintlocks");

        public void Dispose() => Scratch.Dispose();
    }

    public static TheoryData<string, string?, string, bool> Claims() => new()
    {
        // statement, rule that flags it (null: the safe alternative draws nothing), strongest lock on accounts, rewrites
        { "ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid()", "adding-field-with-default", "AccessExclusiveLock", true },
        { "ALTER TABLE accounts ADD COLUMN IF NOT EXISTS visits bigint DEFAULT 0", null, "AccessExclusiveLock", false },
        { "ALTER TABLE accounts ALTER COLUMN balance TYPE bigint", "changing-column-type", "AccessExclusiveLock", true },
        { "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL", "adding-not-nullable-field", "AccessExclusiveLock", false },
        { "CREATE INDEX IF NOT EXISTS ix_accounts_email ON accounts (email)", "require-concurrent-index-creation", "ShareLock", false },
        { "ALTER TABLE accounts ADD CONSTRAINT ck_balance CHECK (balance >= 0)", "constraint-missing-not-valid", "AccessExclusiveLock", false },
        { "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)", "disallowed-unique-constraint", "AccessExclusiveLock", false },
        { "VACUUM FULL accounts", "ban-vacuum-full", "AccessExclusiveLock", true },
        { "CLUSTER accounts USING accounts_pkey", "ban-cluster", "AccessExclusiveLock", true },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void The_lock_and_rewrite_a_rule_names_are_what_PostgreSQL_does(string statement, string? rule, string strongestLock, bool rewrites)
    {
        var findings = MigrationLinter.Lint(new LintSource("m.sql", "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nBEGIN;\n" + statement + ";\nCOMMIT;"), new LintOptions("postgresql"));
        if (rule is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(findings, f => f.RuleId == rule);
        }

        using var connection = _database.Scratch.Open();
        Run(connection, Setup);
        var transactional = !statement.StartsWith("VACUUM", StringComparison.Ordinal) && !statement.StartsWith("CLUSTER", StringComparison.Ordinal);
        var before = Scalar(connection, "SELECT pg_relation_filenode('accounts')::text");
        var locks = transactional ? LocksHeldBy(connection, statement) : null;
        if (!transactional)
        {
            Run(connection, statement);
        }

        var after = Scalar(connection, "SELECT pg_relation_filenode('accounts')::text");
        if (locks is not null)
        {
            Assert.Contains(strongestLock, locks);
            Assert.Equal(strongestLock, locks.OrderByDescending(Strength).First());
        }

        Assert.Equal(rewrites, before != after);
    }

    /// <summary>Runs the statement in a transaction, reads the locks this backend holds on accounts, and commits.</summary>
    private static IReadOnlyList<string> LocksHeldBy(NpgsqlConnection connection, string statement)
    {
        using var transaction = connection.BeginTransaction();
        Run(connection, statement);
        using var command = new NpgsqlCommand("SELECT mode FROM pg_locks WHERE relation = 'accounts'::regclass AND pid = pg_backend_pid() AND granted", connection);
        var modes = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                modes.Add(reader.GetString(0));
            }
        }

        transaction.Commit();
        return modes;
    }

    private static int Strength(string mode) => Array.IndexOf(
        new[] { "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock" }, mode);

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return (string)command.ExecuteScalar()!;
    }
}
