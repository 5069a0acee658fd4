using System.Collections.Concurrent;
using System.Diagnostics;
using DbArchitect.Core.Design;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using Npgsql;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// Issue 8 item 5 on a real PostgreSQL 15: schema v1 from a design, rows loaded, the generated migration to v2 applied
/// with psql while a writer keeps inserting and updating; no row or value is lost, the writer is never held up longer
/// than the lock timeout, and the imported catalog equals v2.
/// </summary>
public sealed class PostgreSqlOnlineMigrationTests
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public PostgreSqlOnlineMigrationTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task MigrationToV2UnderConcurrentWritesLosesNothingAndEndsEqualToV2()
    {
        using var applied = new AppliedDesign("tests/fixtures/migration/shop-v1.yaml");
        var v2 = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests/fixtures/migration/shop-v2.yaml")), "postgresql");
        var customer = applied.Q(applied.Entity("customer"));
        var order = applied.Q(applied.Entity("order"));
        var customerId = applied.C(applied.Entity("order"), "customer_id");
        await using (var load = applied.Database.Open())
        {
            AppliedDesign.Execute(load, $"INSERT INTO {customer} (email, full_name) SELECT 'c' || g || '@example.com', 'Customer ' || g FROM generate_series(1, 20000) g");
            AppliedDesign.Execute(load, $"INSERT INTO {order} ({customerId}, total, quantity, note) SELECT 1 + g % 20000, (g % 1000) + 0.25, g % 7, 'n' || g FROM generate_series(1, 60000) g");
        }

        var before = Checksums(applied, order, customer);
        var live = PostgreSqlRoundTripTests.Import(applied.Database.Name, applied.Design.Physical.Schema);
        var differences = SchemaComparer.Compare(live, v2.Physical);
        var plan = MigrationPlanner.Create(differences, new MigrationOptions { LockTimeout = LockTimeout, BatchSize = 5000, BatchPause = TimeSpan.FromMilliseconds(10) });
        Assert.Contains(plan.Steps, s => s.Phase == MigrationPhase.Backfill);
        Assert.Contains(plan.Steps, s => s.Sql.Contains("CONCURRENTLY", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("NOT VALID", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Steps, s => s.LosesData);

        var folder = Path.Combine(Path.GetTempPath(), "dbarch-mig-" + Guid.NewGuid().ToString("N"));
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
            var writer = Task.Run(() => Write(applied, order, customer, customerId, stop.Token));
            await Task.Delay(300);
            var migrating = Stopwatch.StartNew();
            PostgresServer.ApplyWithPsql(applied.Database.Name, files);
            migrating.Stop();
            await Task.Delay(300);
            await stop.CancelAsync();
            var written = await writer;

            _output.WriteLine($"{plan.Steps.Count} steps in {plan.Files().Count} files applied in {migrating.Elapsed.TotalSeconds:0.0} s; the writer inserted {written.Inserted} orders, "
                + $"longest single write {written.LongestWait.TotalMilliseconds:0} ms, {written.Failures.Count} failures");
            Assert.True(written.Inserted > 0, "the writer inserted nothing while the migration ran");
            Assert.True(written.Failures.IsEmpty, "writer failures: " + string.Join("; ", written.Failures.Take(5)));
            Assert.True(written.LongestWait < LockTimeout + TimeSpan.FromSeconds(1.5), $"a write waited {written.LongestWait.TotalMilliseconds} ms");

            var after = Checksums(applied, order, customer, before.MaxOrder, before.MaxCustomer);
            Assert.Equal(before.Orders, after.Orders);
            Assert.Equal(before.Customers, after.Customers);
            await using var check = applied.Database.Open();
            Assert.Equal(60000L + written.Inserted, (long)AppliedDesign.Scalar(check, $"SELECT count(*) FROM {order}")!);
            Assert.Equal(written.QuantitySum, (long)(decimal)AppliedDesign.Scalar(check, $"SELECT coalesce(sum(quantity), 0)::numeric FROM {order} WHERE id > {before.MaxOrder}")!);
            Assert.Equal(0L, (long)AppliedDesign.Scalar(check, $"SELECT count(*) FROM {customer} WHERE public_ref IS NULL OR loyalty_points <> 0")!);
            Assert.Equal(0L, (long)AppliedDesign.Scalar(check, $"SELECT count(*) FROM {order} WHERE placed_at IS NULL")!);

            var final = PostgreSqlRoundTripTests.Import(applied.Database.Name, applied.Design.Physical.Schema);
            var left = SchemaComparer.Compare(final, v2.Physical);
            Assert.True(left.Count == 0, string.Join("\n", left.Select(d => d.ToString())));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record WriterResult(long Inserted, long QuantitySum, TimeSpan LongestWait, ConcurrentQueue<string> Failures);

    /// <summary>Inserts orders and customers and bumps the quantity of its own orders until stopped, timing every statement.</summary>
    private static WriterResult Write(AppliedDesign applied, string order, string customer, string customerId, CancellationToken stop)
    {
        var failures = new ConcurrentQueue<string>();
        var longest = TimeSpan.Zero;
        long inserted = 0, quantities = 0, n = 0;
        using var connection = applied.Database.Open();
        var own = new List<long>();
        while (!stop.IsCancellationRequested)
        {
            n++;
            var watch = Stopwatch.StartNew();
            try
            {
                if (n % 3 == 0 && own.Count > 0)
                {
                    AppliedDesign.Execute(connection, $"UPDATE {order} SET quantity = quantity + 1 WHERE id = {own[(int)(n % own.Count)]}");
                    quantities++;
                }
                else
                {
                    var id = (long)AppliedDesign.Scalar(connection, $"INSERT INTO {order} ({customerId}, total, quantity, note) VALUES ({1 + (n % 20000)}, 9.99, 3, 'w{n}') RETURNING id")!;
                    own.Add(id);
                    inserted++;
                    quantities += 3;
                    AppliedDesign.Execute(connection, $"INSERT INTO {customer} (email, full_name) VALUES ('w{n}@example.com', 'Writer {n}')");
                }
            }
            catch (NpgsqlException ex)
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

    /// <summary>md5 over every pre-existing row's values, in key order: any lost or changed value changes it.</summary>
    private static Sums Checksums(AppliedDesign applied, string order, string customer, long? maxOrder = null, long? maxCustomer = null)
    {
        using var connection = applied.Database.Open();
        var mo = maxOrder ?? (long)AppliedDesign.Scalar(connection, $"SELECT max(id) FROM {order}")!;
        var mc = maxCustomer ?? (long)AppliedDesign.Scalar(connection, $"SELECT max(id) FROM {customer}")!;
        var orders = (string)AppliedDesign.Scalar(connection,
            $"SELECT md5(string_agg(concat_ws('|', id, customer_id, total, quantity, note, created_at), ',' ORDER BY id)) FROM {order} WHERE id <= {mo}")!;
        var customers = (string)AppliedDesign.Scalar(connection,
            $"SELECT md5(string_agg(concat_ws('|', id, email, full_name, created_at), ',' ORDER BY id)) FROM {customer} WHERE id <= {mc}")!;
        return new Sums(orders, customers, mo, mc);
    }
}
