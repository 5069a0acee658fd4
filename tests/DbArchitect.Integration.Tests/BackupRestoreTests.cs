using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The generated backup scripts, run for real: backup.sh dumps a populated database, restore.sh restores it into a new
/// database, and an independent fingerprint (row count and md5 of every row in key order, per table) of source and
/// restore must be identical; restore-drill.sh must report success and drop its scratch database.
/// </summary>
public sealed class BackupRestoreTests
{
    [Theory]
    [InlineData("ecommerce.yaml", "custom", true)]
    [InlineData("ecommerce.yaml", "directory", true)]
    [InlineData("saas-projects.yaml", "custom", false)]
    [InlineData("iot-telemetry.yaml", "custom", false)]
    [InlineData("social-content.yaml", "directory", false)]
    public void GeneratedBackupRestoresIntoANewDatabaseWithIdenticalRowsAndTheDrillSucceeds(string example, string format, bool populate)
    {
        using var applied = new AppliedDesign(example);
        if (populate)
        {
            PopulateShop(applied);
        }

        var work = Path.Combine(Path.GetTempPath(), "dbarch-bk-" + Guid.NewGuid().ToString("N"));
        var scripts = Path.Combine(work, "design", "backup");
        var backups = Path.Combine(work, "backups");
        var restoredName = applied.Database.Name + "_restored";
        var drillName = applied.Database.Name + "_drill";
        try
        {
            DesignExporter.Export(applied.Design, Path.Combine(work, "design"), force: false);
            var environment = BashScript.Connection(applied.Database.Name);
            environment["BACKUP_DIR"] = backups;
            environment["DUMP_FORMAT"] = format;

            var backup = BashScript.Run(Path.Combine(scripts, "backup.sh"), environment);
            Assert.True(backup.ExitCode == 0, "backup.sh: " + backup);
            var folder = Assert.Single(Directory.GetDirectories(backups));
            Assert.True(File.Exists(Path.Combine(folder, "MANIFEST.sha256")));
            Assert.True(format == "custom" ? File.Exists(Path.Combine(folder, "dump.pgdump")) : Directory.Exists(Path.Combine(folder, "dump")));
            Assert.DoesNotContain(Directory.GetFileSystemEntries(backups), e => e.EndsWith(".partial", StringComparison.Ordinal));

            using (new ScratchDatabase(restoredName))
            {
                var restore = BashScript.Run(Path.Combine(scripts, "restore.sh"), environment, folder, restoredName);
                Assert.True(restore.ExitCode == 0, "restore.sh: " + restore);
                Assert.Contains("identical row counts and checksums", restore.Stdout, StringComparison.Ordinal);

                var source = Fingerprint(applied, applied.Database.Name);
                var restored = Fingerprint(applied, restoredName);
                Assert.Equal(source, restored);
                Assert.Equal(applied.Design.Physical.Tables.Count, source.Count);
                if (populate)
                {
                    Assert.True(source.Values.Sum(f => f.Rows) >= 5000, "The populated database should hold thousands of rows.");
                    Assert.True(source.Values.Count(f => f.Rows >= 500) >= 5, "Several tables should hold data.");
                }

                // restore.sh never restores over an existing database.
                var again = BashScript.Run(Path.Combine(scripts, "restore.sh"), environment, folder, restoredName);
                Assert.NotEqual(0, again.ExitCode);
                Assert.Equal(source, Fingerprint(applied, restoredName));
            }

            environment["DRILL_DATABASE"] = drillName;
            using (new ScratchDatabase(drillName))
            {
                var drill = BashScript.Run(Path.Combine(scripts, "restore-drill.sh"), environment);
                Assert.True(drill.ExitCode == 0, "restore-drill.sh: " + drill);
                Assert.Contains("restore-drill.sh: SUCCESS", drill.Stdout, StringComparison.Ordinal);
                Assert.False(DatabaseExists(drillName), "The drill must drop its scratch database.");
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public void ADamagedBackupIsRefusedBeforeAnythingIsRestored()
    {
        using var applied = new AppliedDesign("ecommerce.yaml");
        PopulateShop(applied);
        var work = Path.Combine(Path.GetTempPath(), "dbarch-bk-" + Guid.NewGuid().ToString("N"));
        var restoredName = applied.Database.Name + "_damaged";
        try
        {
            DesignExporter.Export(applied.Design, Path.Combine(work, "design"), force: false);
            var environment = BashScript.Connection(applied.Database.Name);
            environment["BACKUP_DIR"] = Path.Combine(work, "backups");
            var backup = BashScript.Run(Path.Combine(work, "design", "backup", "backup.sh"), environment);
            Assert.True(backup.ExitCode == 0, "backup.sh: " + backup);
            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(work, "backups")));
            // A large forecast dumps in directory format (dump/), a small one to one file (dump.pgdump): damage whichever was written.
            var damaged = Directory.Exists(Path.Combine(folder, "dump"))
                ? Path.Combine(folder, "dump", "toc.dat")
                : Path.Combine(folder, "dump.pgdump");
            File.AppendAllText(damaged, "x");

            using (new ScratchDatabase(restoredName))
            {
                var restore = BashScript.Run(Path.Combine(work, "design", "backup", "restore.sh"), environment, folder, restoredName);
                Assert.NotEqual(0, restore.ExitCode);
                Assert.Contains(Path.GetRelativePath(folder, damaged), restore.Stdout + restore.Stderr, StringComparison.Ordinal);
                Assert.False(DatabaseExists(restoredName), "Nothing may be created from a damaged backup.");
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public void ARestoreThatDiffersFromTheBackupsChecksumsFails()
    {
        using var applied = new AppliedDesign("ecommerce.yaml");
        PopulateShop(applied);
        var work = Path.Combine(Path.GetTempPath(), "dbarch-bk-" + Guid.NewGuid().ToString("N"));
        var restoredName = applied.Database.Name + "_differs";
        try
        {
            DesignExporter.Export(applied.Design, Path.Combine(work, "design"), force: false);
            var environment = BashScript.Connection(applied.Database.Name);
            environment["BACKUP_DIR"] = Path.Combine(work, "backups");
            var backup = BashScript.Run(Path.Combine(work, "design", "backup", "backup.sh"), environment);
            Assert.True(backup.ExitCode == 0, "backup.sh: " + backup);
            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(work, "backups")));

            // Claim one more customer than the dump holds, and re-sign the manifest so only the row comparison can notice.
            var checksums = Path.Combine(folder, "table-checksums.txt");
            var customer = applied.Design.Physical.Schema + "." + applied.Entity("customer").Name + "|";
            File.WriteAllLines(checksums, File.ReadAllLines(checksums).Select(l => l.StartsWith(customer, StringComparison.Ordinal) ? customer + "1501|0" : l));
            var resign = BashScript.Run("-c", new Dictionary<string, string>(),
                "cd \"$0\" && find . -type f ! -name MANIFEST.sha256 -print0 | LC_ALL=C sort -z | xargs -0 sha256sum -- > MANIFEST.sha256", folder);
            Assert.True(resign.ExitCode == 0, resign.ToString());

            using (new ScratchDatabase(restoredName))
            {
                var restore = BashScript.Run(Path.Combine(work, "design", "backup", "restore.sh"), environment, folder, restoredName);
                Assert.NotEqual(0, restore.ExitCode);
                Assert.Contains("MISMATCH", restore.Stderr, StringComparison.Ordinal);
                Assert.Contains(customer + "1501|0", restore.Stderr, StringComparison.Ordinal);
                Assert.False(DatabaseExists(restoredName), "A restore that does not match must drop the database it created.");
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in TestPaths.DesignSpecs())
        {
            data.Add(spec);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void GeneratedScriptsParseForEverySpecIncludingHostileNames(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "postgresql");
        var work = Path.Combine(Path.GetTempPath(), "dbarch-bk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, work, force: false);
            var shells = result.Files.Where(f => f.RelativePath.EndsWith(".sh", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, shells.Count);
            foreach (var file in shells)
            {
                BashScript.AssertParses(Path.Combine(work, file.RelativePath));
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public void ArchiveSettingsAreRealServerSettingsWithValidValues()
    {
        using var applied = new AppliedDesign("saas-projects.yaml");
        var work = Path.Combine(Path.GetTempPath(), "dbarch-bk-" + Guid.NewGuid().ToString("N"));
        try
        {
            DesignExporter.Export(applied.Design, work, force: false);
            var settings = File.ReadAllLines(Path.Combine(work, "backup", "postgresql.pitr.conf"))
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split('=', 2))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
            Assert.Equal("60s", settings["archive_timeout"]);
            using var connection = applied.Database.Open();
            foreach (var (name, value) in settings)
            {
                using var command = new NpgsqlCommand("SELECT vartype, enumvals FROM pg_settings WHERE name = $1", connection);
                command.Parameters.AddWithValue(name);
                using var reader = command.ExecuteReader();
                Assert.True(reader.Read(), $"{name} is not a PostgreSQL 15 setting.");
                if (reader.GetString(0) == "enum")
                {
                    Assert.Contains(value, reader.GetFieldValue<string[]>(1));
                }
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ABackupTakenWhileRowsAreWrittenMatchesItsOwnSnapshot()
    {
        using var applied = new AppliedDesign("ecommerce.yaml");
        PopulateShop(applied);
        var work = Path.Combine(Path.GetTempPath(), "dbarch-bk-" + Guid.NewGuid().ToString("N"));
        var restoredName = applied.Database.Name + "_busy";
        try
        {
            DesignExporter.Export(applied.Design, Path.Combine(work, "design"), force: false);
            var environment = BashScript.Connection(applied.Database.Name);
            environment["BACKUP_DIR"] = Path.Combine(work, "backups");

            // Customers (and their audit rows) keep arriving while backup.sh dumps and counts.
            using var stop = new CancellationTokenSource();
            var customer = applied.Q(applied.Entity("customer"));
            // The backup starts once rows are being written: on a fast run it finished before the writer's first insert.
            using var writing = new ManualResetEventSlim();
            var writer = Task.Run(() =>
            {
                using var connection = applied.Database.Open();
                var written = 0;
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    AppliedDesign.Execute(connection, $"INSERT INTO {customer} (email, full_name) VALUES ('busy{i}@example.com', 'Busy {i}')");
                    written++;
                    writing.Set();
                }

                return written;
            });
            Assert.True(writing.Wait(TimeSpan.FromSeconds(60)) || writer.IsFaulted, "the writer wrote no row within 60 s");
            if (writer.IsFaulted)
            {
                await writer;
            }

            var backup = BashScript.Run(Path.Combine(work, "design", "backup", "backup.sh"), environment);
            stop.Cancel();
            var written = await writer;
            Assert.True(backup.ExitCode == 0, "backup.sh: " + backup);
            Assert.True(written > 0);

            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(work, "backups")));
            using (new ScratchDatabase(restoredName))
            {
                var restore = BashScript.Run(Path.Combine(work, "design", "backup", "restore.sh"), environment, folder, restoredName);
                Assert.True(restore.ExitCode == 0, "restore.sh: " + restore);
                Assert.NotEqual(Fingerprint(applied, applied.Database.Name), Fingerprint(applied, restoredName));
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Per table: row count and md5 of all rows as text in primary-key order, computed by the test itself.</summary>
    private static Dictionary<string, (long Rows, string Md5)> Fingerprint(AppliedDesign applied, string database)
    {
        var fingerprint = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        using var connection = new NpgsqlConnection(PostgresServer.For(database));
        connection.Open();
        AppliedDesign.Execute(connection, "SET TimeZone = 'UTC'");
        foreach (var table in applied.Design.Physical.Tables)
        {
            var key = string.Join(", ", table.PrimaryKey.Columns.Select(c => "t." + applied.Quote(c)));
            using var command = new NpgsqlCommand(
                $"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY {key}), '')) FROM {applied.Q(table)} AS t", connection);
            using var reader = command.ExecuteReader();
            reader.Read();
            fingerprint[table.Name] = (reader.GetInt64(0), reader.GetString(1));
        }

        return fingerprint;
    }

    private static bool DatabaseExists(string name)
    {
        using var connection = new NpgsqlConnection(PostgresServer.For("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        command.Parameters.AddWithValue(name);
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>A few thousand rows across the shop's tables, respecting keys, foreign keys and checks; the audit triggers add more.</summary>
    private static void PopulateShop(AppliedDesign shop)
    {
        string T(string entity) => shop.Q(shop.Entity(entity));
        var orderItem = shop.Q(shop.OfKind(TableKind.Junction));
        using var connection = shop.Database.Open();
        foreach (var sql in new[]
        {
            $"INSERT INTO {T("customer")} (email, full_name, status, loyalty_points, preferences) " +
                "SELECT 'user' || g || '@example.com', 'Customer ' || g, (ARRAY['active', 'suspended', 'closed'])[1 + g % 3], g % 500, jsonb_build_object('n', g, 'news', g % 2 = 0) " +
                "FROM generate_series(1, 1500) AS g",
            $"INSERT INTO {T("category")} (name) SELECT 'Category ' || g FROM generate_series(1, 20) AS g",
            $"INSERT INTO {T("product")} (sku, name, description, price, tags, category_id) " +
                "SELECT 'SKU-' || g, 'Product ' || g, repeat('Describes product ' || g || '. ', 1 + g % 4), (g % 1000) + 0.99, ARRAY['tag' || (g % 5), 'tag' || (g % 7)], " +
                $"(SELECT c.id FROM {T("category")} AS c ORDER BY c.name OFFSET g % 20 LIMIT 1) FROM generate_series(1, 500) AS g",
            $"INSERT INTO {T("address")} (line1, city, postal_code, country_code, customer_id) " +
                $"SELECT 'Street ' || c.email, 'City', '10' || length(c.email), 'DE', c.id FROM {T("customer")} AS c",
            $"INSERT INTO {T("order")} (total, status, placed_at, customer_id, shipping_address_id) " +
                "SELECT (g * 7 % 500) + 10.5, (ARRAY['pending', 'paid', 'shipped', 'cancelled'])[1 + g % 4], TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '17 minutes', a.customer_id, a.id " +
                $"FROM {T("address")} AS a CROSS JOIN generate_series(1, 2) AS g",
            $"INSERT INTO {orderItem} (order_id, product_id, quantity, unit_price) " +
                $"SELECT o.id, p.id, 1 + o.n % 5, p.price FROM (SELECT id, row_number() OVER (ORDER BY placed_at, id) AS n FROM {T("order")}) AS o " +
                $"JOIN (SELECT id, price, row_number() OVER (ORDER BY sku) AS n FROM {T("product")}) AS p ON p.n IN (1 + o.n % 500, 1 + (o.n + 7) % 500)",
            $"INSERT INTO {T("payment")} (provider, amount, provider_reference, order_id) " +
                $"SELECT (ARRAY['card', 'paypal', 'bank_transfer'])[1 + (hashtext(o.id::text) & 1023) % 3], o.total, 'ref-' || o.id, o.id FROM {T("order")} AS o WHERE o.status <> 'pending'",
        })
        {
            AppliedDesign.Execute(connection, sql);
        }
    }
}
