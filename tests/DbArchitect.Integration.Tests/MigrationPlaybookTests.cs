using DbArchitect.Core.Engines;
using Npgsql;
using static DbArchitect.Integration.Tests.AppliedDesign;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The zero-downtime playbook's procedures work on a real server: DDL waits for its lock only briefly and retries,
/// gives up with lock_not_available after its attempts, and a backfill completes in committed batches so the column
/// can then be made NOT NULL through a validated check.
/// </summary>
public sealed class MigrationPlaybookTests
{
    private static (AppliedDesign Shop, string Schema, string Category) Prepare()
    {
        var shop = new AppliedDesign("ecommerce.yaml");
        var scripts = EngineRegistry.Get("postgresql").Scripts.Generate(shop.Design);
        var playbook = scripts.Single(s => s.RelativePath == "migrations/zero_downtime_playbook.sql");
        var file = Path.Combine(Path.GetTempPath(), "dbarch-playbook-" + Guid.NewGuid().ToString("N") + ".sql");
        File.WriteAllText(file, playbook.Text);
        try
        {
            PostgresServer.ApplyWithPsql(shop.Database.Name, new[] { file });
        }
        finally
        {
            File.Delete(file);
        }

        var schema = shop.Quote(shop.Design.Physical.Schema);
        return (shop, schema, shop.Q(shop.Entity("category")));
    }

    [Fact]
    public void BackfillRunsInBatchesAndTheColumnBecomesNotNullThroughAValidatedCheck()
    {
        var (shop, schema, category) = Prepare();
        using (shop)
        {
            using var db = shop.Database.Open();
            var notices = new List<string>();
            db.Notice += (_, e) => notices.Add(e.Notice.MessageText);
            Execute(db, $"INSERT INTO {category} (name) SELECT 'category ' || g FROM generate_series(1, 12000) g");
            Execute(db, $"CALL {schema}.run_ddl_with_retry('ALTER TABLE {category} ADD COLUMN new_field text')");
            Execute(db, $"CALL {schema}.backfill_in_batches('{category}', 'new_field = ''filled''', 'new_field IS NULL', 1000, '0 ms')");
            Assert.Equal(0L, Scalar(db, $"SELECT count(*) FROM {category} WHERE new_field IS NULL"));
            Assert.Equal(12, notices.Count(n => n.Contains("rows backfilled", StringComparison.Ordinal)));

            Execute(db, $"CALL {schema}.run_ddl_with_retry('ALTER TABLE {category} ADD CONSTRAINT ck_new_field CHECK (new_field IS NOT NULL) NOT VALID')");
            Execute(db, $"ALTER TABLE {category} VALIDATE CONSTRAINT ck_new_field");
            Execute(db, $"CALL {schema}.run_ddl_with_retry('ALTER TABLE {category} ALTER COLUMN new_field SET NOT NULL')");
            Assert.Equal(true, Scalar(db, $"SELECT attnotnull FROM pg_attribute WHERE attrelid = '{category}'::regclass AND attname = 'new_field'"));
        }
    }

    [Fact]
    public async Task DdlRetriesWhileAnotherSessionHoldsTheTableAndSucceedsWhenItLetsGo()
    {
        var (shop, schema, category) = Prepare();
        using (shop)
        {
            using var holder = shop.Database.Open();
            Execute(holder, "BEGIN");
            Execute(holder, $"LOCK TABLE {category} IN ACCESS SHARE MODE");

            using var migrator = shop.Database.Open();
            var notices = new List<string>();
            migrator.Notice += (_, e) => notices.Add(e.Notice.MessageText);
            var migration = Task.Run(() => Execute(migrator, $"CALL {schema}.run_ddl_with_retry('ALTER TABLE {category} ADD COLUMN late int', '200 ms', 20, '100 ms')"));
            await Task.Delay(1500);
            Assert.False(migration.IsCompleted, "the ALTER must still be waiting for the lock");
            Execute(holder, "COMMIT");
            await migration.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains(notices, n => n.StartsWith("lock not granted", StringComparison.Ordinal));
            Assert.Equal(1L, Scalar(holder, $"SELECT count(*) FROM pg_attribute WHERE attrelid = '{category}'::regclass AND attname = 'late'"));
        }
    }

    [Fact]
    public void DdlGivesUpWithLockNotAvailableAfterItsAttempts()
    {
        var (shop, schema, category) = Prepare();
        using (shop)
        {
            using var holder = shop.Database.Open();
            Execute(holder, "BEGIN");
            Execute(holder, $"LOCK TABLE {category} IN ACCESS SHARE MODE");
            using var migrator = shop.Database.Open();
            var error = Assert.Throws<PostgresException>(() =>
                Execute(migrator, $"CALL {schema}.run_ddl_with_retry('ALTER TABLE {category} ADD COLUMN never int', '100 ms', 3, '10 ms')"));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, error.SqlState);
            Execute(holder, "ROLLBACK");
        }
    }
}
