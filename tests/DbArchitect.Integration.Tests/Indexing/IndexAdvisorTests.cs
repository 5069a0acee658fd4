using DbArchitect.Bench;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using Npgsql;
using Xunit;

namespace DbArchitect.Integration.Tests.Indexing;

/// <summary>
/// The index advisor on the real PostgreSQL 15 with generated shop data (bench/index-advisor at scale 0.1): the
/// workload file is planned by the server, HypoPG costs the candidates, and the advised indexes, built for real,
/// lower the workload's planner cost.
/// </summary>
public sealed class IndexAdvisorTests
{
    private static readonly string BenchFolder = Path.Combine(TestPaths.RepositoryRoot, "bench", "index-advisor");

    private static IReadOnlyList<WorkloadStatement> Statements => WorkloadFile.Read(Path.Combine(BenchFolder, "workload.sql"));

    private static ScratchDatabase Shop(bool hypopg)
    {
        var database = PostgresServer.CreateScratch("ixadvisor");
        PostgresServer.ApplyWithPsql(database.Name, new[] { Path.Combine(BenchFolder, "shop-schema.sql") }, new Dictionary<string, string> { ["scale"] = "0.1" });
        if (hypopg)
        {
            Execute(database, "CREATE EXTENSION hypopg");
        }

        return database;
    }

    private static void Execute(ScratchDatabase database, string sql)
    {
        using var connection = database.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static (IndexAdvice Advice, List<string> Notes) Advise(ScratchDatabase database, LiveAdviceOptions live, bool readOnly = true)
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database.Name)), readOnly ? null : new LiveSessionOptions { ReadOnly = false });
        var notes = new List<string>();
        var (advice, _) = IndexAdvisorRun.ForLive(session, live, new IndexAdvisorOptions(), notes, null);
        return (advice, notes);
    }

    [Fact]
    public void AdvisedIndexesBuiltForRealLowerTheWorkloadCostAndNoStatementGetsDearer()
    {
        using var database = Shop(hypopg: true);
        var (advice, notes) = Advise(database, new LiveAdviceOptions { Statements = Statements });

        var creates = advice.Recommendations.Where(r => r.Action == RecommendationAction.Create && r.Confidence == "WhatIf").ToList();
        Assert.True(creates.Count >= 5, string.Join("\n", notes));
        Assert.Contains(notes, n => n.StartsWith("Costing with HypoPG", StringComparison.Ordinal));
        Assert.All(creates, r =>
        {
            Assert.True(r.CostAfter < r.CostBefore, r.Reason);
            Assert.True(r.EstimatedSizeMB > 0, r.IndexName);
            Assert.StartsWith("CREATE INDEX CONCURRENTLY IF NOT EXISTS", r.Sql, StringComparison.Ordinal);
            Assert.Contains("HypoPG", r.Reason, StringComparison.Ordinal);
        });
        Assert.Contains(creates, r => r.Table == "orders" && r.Columns[0] == "customer_id");
        Assert.Contains(creates, r => r.Table == "customer" && r.Columns[0] == "lower(email)");

        var none = IndexWorkloadEvaluator.Measure(PostgresServer.For(database.Name), Statements, Array.Empty<string>());
        var advised = IndexWorkloadEvaluator.Measure(PostgresServer.For(database.Name), Statements, advice.Recommendations.Where(r => r.Action == RecommendationAction.Create).Select(r => r.Sql).ToList());
        Assert.True(advised.WeightedCost < 0.25 * none.WeightedCost, $"{advised.WeightedCost} vs {none.WeightedCost}");
        Assert.All(none.PerStatement, s => Assert.True(advised.PerStatement[s.Key] <= s.Value * 1.05 + 0.5, $"{s.Key}: {s.Value} -> {advised.PerStatement[s.Key]}"));
    }

    [Fact]
    public void ASecondRunOnAPooledConnectionGivesTheSameAdvice()
    {
        // The pool's DISCARD ALL leaves HypoPG's hypothetical indexes in the backend: the second run must not cost its
        // baseline with the first run's last what-if set.
        using var database = Shop(hypopg: true);
        var pooled = new NpgsqlConnectionStringBuilder(PostgresServer.For(database.Name)) { Pooling = true, MaxPoolSize = 1 }.ConnectionString;
        IndexAdvice Run()
        {
            using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", pooled));
            return IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = Statements }, new IndexAdvisorOptions(), new List<string>(), null).Advice;
        }

        var first = Run();
        var second = Run();
        using (var connection = new NpgsqlConnection(pooled))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Assert.Equal(first.Recommendations.Select(r => r.Sql), second.Recommendations.Select(r => r.Sql));
        Assert.Equal(first.RelativeWorkloadCost, second.RelativeWorkloadCost, 6);
    }

    [Fact]
    public void ValidateRealBuildsInATransactionAndRollsBack()
    {
        using var database = Shop(hypopg: true);
        var (advice, _) = Advise(database, new LiveAdviceOptions { Statements = Statements, Validate = ValidationMode.Real }, readOnly: false);
        var real = advice.Recommendations.Where(r => r.Confidence == "Real").ToList();
        Assert.NotEmpty(real);
        Assert.All(real, r => Assert.Contains("built for real in a rolled-back transaction", r.Reason, StringComparison.Ordinal));
        Assert.Contains(real, r => r.CostAfter < r.CostBefore);
        using var connection = database.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix\\_%'", connection);
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void WithoutHypoPgTheAdvisorSaysItFellBackToHeuristics()
    {
        using var database = Shop(hypopg: false);
        var (advice, notes) = Advise(database, new LiveAdviceOptions { Statements = Statements });
        Assert.Contains(notes, n => n.Contains("HypoPG is available but not installed", StringComparison.Ordinal));
        Assert.All(advice.Recommendations.Where(r => r.Action == RecommendationAction.Create && r.CostBefore is not null), r => Assert.Equal("Heuristic", r.Confidence));
        Assert.NotEmpty(advice.Recommendations);
    }

    [Fact]
    public void AllowExtensionCreateInstallsHypoPgAndSaysSo()
    {
        using var database = Shop(hypopg: false);
        var (advice, notes) = Advise(database, new LiveAdviceOptions { Statements = Statements, AllowExtensionCreate = true }, readOnly: false);
        Assert.Contains(notes, n => n.Contains("created the extension hypopg", StringComparison.Ordinal));
        Assert.Contains(advice.Recommendations, r => r.Confidence == "WhatIf");
    }

    [Fact]
    public void LiveModeReadsPgStatStatementsOfThisDatabase()
    {
        using var database = Shop(hypopg: true);
        Execute(database, "CREATE EXTENSION pg_stat_statements");

        // The bulk load is not the workload: this database's counters start after it (pg_stat_reset is per database).
        Execute(database, "SELECT pg_stat_reset()");
        using (var connection = database.Open())
        {
            for (var i = 1; i <= 20; i++)
            {
                using var query = new NpgsqlCommand("SELECT id, total FROM orders WHERE customer_id = @c ORDER BY created_at DESC LIMIT 5", connection);
                query.Parameters.AddWithValue("c", (long)i);
                query.ExecuteNonQuery();
            }
        }

        var (advice, notes) = Advise(database, new LiveAdviceOptions());
        var chosen = Assert.Single(advice.Recommendations, r => r.Action == RecommendationAction.Create && r.Table == "orders" && r.Columns[0] == "customer_id" && r.Rule != "unindexed foreign key");
        Assert.Equal("WhatIf", chosen.Confidence);
        Assert.Contains("s1", chosen.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewFindsPlantedDuplicateRedundantUnusedIndexesAndAnUnindexedForeignKey()
    {
        using var database = PostgresServer.CreateScratch("ixreview");
        Execute(database, """
            CREATE TABLE parent (id bigint PRIMARY KEY, code text NOT NULL);
            CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES parent (id), kind text NOT NULL, created_at timestamptz NOT NULL);
            INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 1000) g;
            INSERT INTO child SELECT g, 1 + g % 1000, 'k' || g % 7, now() - g * interval '1 minute' FROM generate_series(1, 20000) g;
            CREATE INDEX child_kind ON child (kind);
            CREATE INDEX child_kind_copy ON child (kind);
            CREATE INDEX child_kind_created ON child (kind, created_at);
            CREATE INDEX parent_code ON parent (code);
            ANALYZE;
            """);
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database.Name)));
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = Array.Empty<WorkloadStatement>() }, new IndexAdvisorOptions { IncludeDropScript = true }, notes, null);

        var byRule = advice.Recommendations.ToLookup(r => r.Rule);
        Assert.Contains(byRule["duplicate index"], r => r.Action == RecommendationAction.Drop && r.IndexName == "child_kind_copy" && r.Reason.Contains("child_kind", StringComparison.Ordinal));
        Assert.Contains(byRule["left-prefix redundant index"], r => r.IndexName == "child_kind" && r.Reason.Contains("child_kind_created", StringComparison.Ordinal));
        Assert.Contains(byRule["unused index"], r => r.IndexName == "parent_code" && r.Reason.Contains("0 scans in", StringComparison.Ordinal));
        var fk = Assert.Single(byRule["unindexed foreign key"]);
        Assert.Equal("child", fk.Table);
        Assert.Equal(new[] { "parent_id" }, fk.Columns.ToArray());
        Assert.NotNull(workload.StatsAgeDays);

        // The review's own DDL runs on the server.
        foreach (var sql in advice.Recommendations.Where(r => r.Action != RecommendationAction.Review).Select(r => r.Sql))
        {
            Execute(database, sql);
        }

        using var connection = database.Open();
        using var names = new NpgsqlCommand("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'", connection);
        // child_kind_created was never scanned either, so it is reported unused: dropped with the others when the
        // server's counters are old enough to say so, a review item without DDL (and kept) when they are younger.
        Assert.Contains(byRule["unused index"], r => r.IndexName == "child_kind_created");
        var old = workload.StatsAgeDays >= IndexReview.MinStatsDays;
        Assert.All(byRule["unused index"], r => Assert.Equal(old ? RecommendationAction.Drop : RecommendationAction.Review, r.Action));
        Assert.Equal(old ? "child_pkey,ix_child_parent_id,parent_pkey" : "child_kind_created,child_pkey,ix_child_parent_id,parent_code,parent_pkey", names.ExecuteScalar());
    }

    [Fact]
    public void AnUnusedUniqueExpressionIndexSurvivesTheExportedAdviceAndStillRefusesDuplicates()
    {
        using var database = PostgresServer.CreateScratch("ixunique");
        Execute(database, """
            CREATE EXTENSION btree_gist;
            CREATE TABLE customer (id bigint PRIMARY KEY, email text NOT NULL, region text NOT NULL);
            CREATE UNIQUE INDEX ux_customer_lower_email ON customer (lower(email));
            CREATE UNIQUE INDEX ux_customer_lower_email_copy ON customer (lower(email));
            CREATE TABLE booking (id bigint NOT NULL, customer_id bigint NOT NULL REFERENCES customer (id), room int NOT NULL, during tstzrange NOT NULL,
                EXCLUDE USING gist (room WITH =, during WITH &&));
            CREATE UNIQUE INDEX booking_id_key ON booking (id);
            ALTER TABLE booking REPLICA IDENTITY USING INDEX booking_id_key;
            CREATE INDEX booking_customer_id ON booking (customer_id);
            CREATE INDEX booking_room_plain ON booking (room);
            INSERT INTO customer SELECT g, 'user' || g || '@x.com', 'r' || g % 5 FROM generate_series(1, 20000) g;
            INSERT INTO booking SELECT g, 1 + g % 20000, g, tstzrange(now(), now() + interval '1 hour') FROM generate_series(1, 20000) g;
            ANALYZE;
            """);
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database.Name)));
        var notes = new List<string>();
        // The drop script is asked for: even then nothing that enforces something or serves a foreign key is dropped.
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = Array.Empty<WorkloadStatement>() }, new IndexAdvisorOptions { IncludeDropScript = true }, notes, null);
        Assert.All(workload.FindTable("customer")!.Indexes.Where(i => i.Definition.Name!.StartsWith("ux_", StringComparison.Ordinal)), i => Assert.Equal(0L, i.Scans));
        Assert.Contains(workload.FindTable("booking")!.Indexes, i => i.Enforces == "exclusion constraint");
        Assert.Contains(workload.FindTable("booking")!.Indexes, i => i.Enforces == "replica identity");

        var dropped = advice.Recommendations.Where(r => r.Action is RecommendationAction.Drop or RecommendationAction.Replace).Select(r => r.IndexName).ToList();
        var protectedNames = new[] { "ux_customer_lower_email", "ux_customer_lower_email_copy", "booking_room_during_excl", "booking_id_key", "booking_customer_id", "customer_pkey" };
        Assert.DoesNotContain(advice.Recommendations, r => protectedNames.Any(p => r.Sql.Contains(p, StringComparison.Ordinal)));
        // The one index that only looks unused is a finding (DDL once the counters are old enough to say so).
        Assert.Contains(advice.Recommendations, r => r.IndexName == "booking_room_plain" && r.Rule == "unused index");
        Assert.All(dropped, name => Assert.Equal("booking_room_plain", name));

        // Export the advice and apply every script, as a DBA would.
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-ixunique-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var script in advice.Recommendations.SelectMany(r => r.ToScripts()))
            {
                var path = Path.Combine(folder, script.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, script.Text);
                Execute(database, File.ReadAllText(path));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Execute(database, "INSERT INTO customer VALUES (100001, 'Ann@x.com', 'r1')");
        var duplicate = Assert.Throws<PostgresException>(() => Execute(database, "INSERT INTO customer VALUES (100002, 'ann@x.com', 'r1')"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        using var connection = database.Open();
        using var names = new NpgsqlCommand("SELECT array_agg(indexname::text) FROM pg_indexes WHERE schemaname = 'public'", connection);
        var left = (string[])names.ExecuteScalar()!;
        Assert.All(protectedNames, name => Assert.Contains(name, left));
    }
}
