using System.Collections.Concurrent;
using System.Diagnostics;
using DbArchitect.Core.Design;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// Issue 8 item 5 on a real MariaDB 10.11: v1 applied and loaded, the generated migration to v2 applied with the
/// mariadb client while a writer keeps inserting and updating; nothing lost, no write held up beyond the lock timeout,
/// and the imported catalog equals v2.
/// </summary>
public sealed class MariaDbOnlineMigrationTests
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public MariaDbOnlineMigrationTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task MigrationToV2UnderConcurrentWritesLosesNothingAndEndsEqualToV2()
    {
        var v1 = Design("shop-v1.yaml");
        var v2 = Design("shop-v2.yaml");
        using var scratch = MariaDbRoundTripTests.Apply(v1, "migration");
        await using (var load = MariaDbServer.Open(scratch.Name))
        {
            MariaDbServer.Execute(load, "INSERT INTO customer (email, full_name) SELECT CONCAT('c', seq, '@example.com'), CONCAT('Customer ', seq) FROM seq_1_to_20000");
            MariaDbServer.Execute(load, "INSERT INTO `order` (customer_id, total, quantity, note) SELECT 1 + seq % 20000, (seq % 1000) + 0.25, seq % 7, CONCAT('n', seq) FROM seq_1_to_60000");
        }

        var before = Checksums(scratch.Name);
        var live = MariaDbRoundTripTests.Import(scratch.Name);
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(live, v2.Physical),
            new MigrationOptions { LockTimeout = LockTimeout, BatchSize = 5000, BatchPause = TimeSpan.FromMilliseconds(10) });
        Assert.Contains(plan.Steps, s => s.Phase == MigrationPhase.Backfill);
        Assert.All(plan.Steps.Where(s => s.Sql.Contains("ALTER TABLE", StringComparison.Ordinal)),
            s => Assert.Matches("ALGORITHM=(INSTANT|INPLACE)", s.Sql));
        Assert.DoesNotContain(plan.Steps, s => s.LosesData);

        var folder = Path.Combine(Path.GetTempPath(), "dbarch-mig-maria-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = plan.ToScripts().Where(s => !s.RelativePath.Contains('/', StringComparison.Ordinal)).Select(s =>
            {
                var path = Path.Combine(folder, s.RelativePath);
                File.WriteAllText(path, s.Text);
                return path;
            }).ToArray();

            using var stop = new CancellationTokenSource();
            var writer = Task.Run(() => Write(scratch.Name, stop.Token));
            await Task.Delay(300);
            var migrating = Stopwatch.StartNew();
            MariaDbServer.ApplyWithClient(scratch.Name, files);
            migrating.Stop();
            await Task.Delay(300);
            await stop.CancelAsync();
            var written = await writer;

            _output.WriteLine($"{plan.Steps.Count} steps in {plan.Files().Count} files applied in {migrating.Elapsed.TotalSeconds:0.0} s; the writer inserted {written.Inserted} orders, "
                + $"longest single write {written.LongestWait.TotalMilliseconds:0} ms, {written.Failures.Count} failures");
            Assert.True(written.Inserted > 0, "the writer inserted nothing while the migration ran");
            Assert.True(written.Failures.IsEmpty, "writer failures: " + string.Join("; ", written.Failures.Take(5)));
            Assert.True(written.LongestWait < LockTimeout + TimeSpan.FromSeconds(1.5), $"a write waited {written.LongestWait.TotalMilliseconds} ms");
            var after = Checksums(scratch.Name, before.MaxOrder, before.MaxCustomer);
            Assert.Equal(before.Orders, after.Orders);
            Assert.Equal(before.Customers, after.Customers);
            await using var check = MariaDbServer.Open(scratch.Name);
            Assert.Equal(60000L + written.Inserted, Convert.ToInt64(MariaDbServer.Rows(check, "SELECT COUNT(*) AS n FROM `order`")[0]["n"]));
            Assert.Equal(written.QuantitySum, Convert.ToInt64(MariaDbServer.Rows(check, $"SELECT COALESCE(SUM(quantity), 0) AS n FROM `order` WHERE id > {before.MaxOrder}")[0]["n"]));
            Assert.Equal(0L, Convert.ToInt64(MariaDbServer.Rows(check, "SELECT COUNT(*) AS n FROM customer WHERE public_ref IS NULL OR loyalty_points <> 0")[0]["n"]));

            var left = SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v2.Physical);
            Assert.True(left.Count == 0, string.Join("\n", left.Select(d => d.ToString())));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DbDesign Design(string file) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "migration", file)), "mariadb");

    private sealed record WriterResult(long Inserted, long QuantitySum, TimeSpan LongestWait, ConcurrentQueue<string> Failures);

    private static WriterResult Write(string database, CancellationToken stop)
    {
        var failures = new ConcurrentQueue<string>();
        var longest = TimeSpan.Zero;
        long inserted = 0, quantities = 0, n = 0;
        using var connection = MariaDbServer.Open(database);
        var own = new List<long>();
        while (!stop.IsCancellationRequested)
        {
            n++;
            var watch = Stopwatch.StartNew();
            try
            {
                if (n % 3 == 0 && own.Count > 0)
                {
                    MariaDbServer.Execute(connection, $"UPDATE `order` SET quantity = quantity + 1 WHERE id = {own[(int)(n % own.Count)]}");
                    quantities++;
                }
                else
                {
                    using var command = new MySqlCommand($"INSERT INTO `order` (customer_id, total, quantity, note) VALUES ({1 + (n % 20000)}, 9.99, 3, 'w{n}'); SELECT LAST_INSERT_ID();", connection);
                    own.Add(Convert.ToInt64(command.ExecuteScalar()));
                    inserted++;
                    quantities += 3;
                    MariaDbServer.Execute(connection, $"INSERT INTO customer (email, full_name) VALUES ('w{n}@example.com', 'Writer {n}')");
                }
            }
            catch (MySqlException ex)
            {
                failures.Enqueue(ex.Message);
            }

            if (watch.Elapsed > longest)
            {
                longest = watch.Elapsed;
            }

            Thread.Sleep(2);
        }

        return new WriterResult(inserted, quantities, longest, failures);
    }

    private sealed record Sums(string Orders, string Customers, long MaxOrder, long MaxCustomer);

    /// <summary>Count and sum of CRC32 over every pre-existing row's values: a lost or changed value changes it.</summary>
    private static Sums Checksums(string database, long? maxOrder = null, long? maxCustomer = null)
    {
        using var connection = MariaDbServer.Open(database);
        var mo = maxOrder ?? Convert.ToInt64(MariaDbServer.Rows(connection, "SELECT MAX(id) AS m FROM `order`")[0]["m"]);
        var mc = maxCustomer ?? Convert.ToInt64(MariaDbServer.Rows(connection, "SELECT MAX(id) AS m FROM customer")[0]["m"]);
        var orders = MariaDbServer.Rows(connection, $"SELECT CONCAT(COUNT(*), '/', SUM(CRC32(CONCAT_WS('|', id, customer_id, total, quantity, note, created_at)))) AS s FROM `order` WHERE id <= {mo}")[0]["s"]!.ToString()!;
        var customers = MariaDbServer.Rows(connection, $"SELECT CONCAT(COUNT(*), '/', SUM(CRC32(CONCAT_WS('|', id, email, full_name, created_at)))) AS s FROM customer WHERE id <= {mc}")[0]["s"]!.ToString()!;
        return new Sums(orders, customers, mo, mc);
    }
}
