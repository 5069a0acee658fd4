namespace DbArchitect.Integration.Tests.Lint;

/// <summary>
/// The safe migrations the linter passes are real: applied with psql (autocommit, so CONCURRENTLY runs outside a
/// transaction) to PostgreSQL 15 holding the tables they change, every one succeeds.
/// </summary>
public sealed class SafeCorpusOnPostgreSqlTests
{
    [Fact]
    public void Every_safe_migration_applies_to_a_real_server()
    {
        var corpus = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "migrations");
        using var scratch = PostgresServer.CreateScratch("lintsafe");
        var files = Directory.GetFiles(Path.Combine(corpus, "safe"), "*.sql").OrderBy(f => f, StringComparer.Ordinal);
        PostgresServer.ApplyWithPsql(scratch.Name, new[] { Path.Combine(corpus, "safe-corpus-setup.sql") }.Concat(files));

        using var connection = scratch.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM pg_constraint WHERE conname IN ('ck_orders_total', 'fk_orders_customer', 'accounts_email_key') AND convalidated";
        Assert.Equal(3L, (long)check.ExecuteScalar()!);
        check.CommandText = "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid";
        Assert.Equal(0L, (long)check.ExecuteScalar()!);
    }
}
