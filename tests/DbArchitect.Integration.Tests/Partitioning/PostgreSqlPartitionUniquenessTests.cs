using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using Npgsql;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>
/// After any partitioning step every uniqueness the table had is still enforced on the real PostgreSQL 15: unique
/// constraints, unique indexes on expressions and with predicates, and natural primary keys, for every strategy, for
/// pg_partman, and for the online conversion of a populated table. A duplicate in another partition fails.
/// </summary>
public sealed class PostgreSqlPartitionUniquenessTests
{
    /// <summary>softDelete turns the unique keys into partial unique indexes (deleted_at is null); without it code is a unique constraint.</summary>
    private static string Yaml(bool softDelete) => $$"""
        application: { name: UniqueProof, kind: oltp, schema: public }
        workload: { retention: 1y }
        conventions: { primaryKey: bigint, softDelete: {{(softDelete ? "true" : "false")}} }
        entities:
          - name: signup
            rows: 1000000
            rowsPerDay: 100000
            attributes:
              - { name: kind, type: "enum(click, view, buy)", required: true }
              - { name: code, type: string(40), required: true, unique: true }
              - { name: email, type: email, unique: true }
        """;

    [Theory]
    [InlineData(PartitionStrategy.Range, false)]
    [InlineData(PartitionStrategy.Range, true)]
    [InlineData(PartitionStrategy.List, false)]
    [InlineData(PartitionStrategy.List, true)]
    [InlineData(PartitionStrategy.Hash, false)]
    [InlineData(PartitionStrategy.Hash, true)]
    public void Design_table_partitioned_by_any_strategy_rejects_a_duplicate_key_in_another_partition(PartitionStrategy strategy, bool softDelete)
    {
        var design = DesignEngine.Create(RequirementsReader.Read(Yaml(softDelete), "unique.yaml").Requirement!, "postgresql");
        var script = PartitionPlanner.Script(EngineRegistry.Get("postgresql"), PartitionTargets.FromDesign(design, "signup"), new PartitionRequest
        {
            Strategy = strategy,
            Column = strategy == PartitionStrategy.List ? "kind" : null,
            Interval = strategy == PartitionStrategy.Range ? PartitionInterval.Month : null,
            Retention = design.Requirement.Workload.Retention,
        });
        Assert.NotEmpty(script.Plan.Lookups);
        var files = Write(script);
        using var db = PostgresServer.CreateScratch("partunique");
        PostgresServer.ApplyWithPsql(db.Name, strategy == PartitionStrategy.Range ? new[] { files["parent"], files["maintenance"] } : new[] { files["parent"] });
        using var connection = db.Open();
        if (strategy == PartitionStrategy.Range)
        {
            Execute(connection, "SELECT * FROM public.signup_partition_maintenance(p_from => now() - interval '2 years', p_expire => false)");
        }

        // Two rows in two different partitions, then the same code and the same e-mail (in another case) in the other one.
        var (first, second) = strategy switch
        {
            PartitionStrategy.List => (("click", "now()"), ("view", "now()")),
            PartitionStrategy.Range => (("click", "now() - interval '18 months'"), ("click", "now()")),
            _ => DifferentHashPartitions(connection),
        };
        Execute(connection, $"INSERT INTO public.signup (kind, code, email, created_at) VALUES ('{first.Item1}', 'A-1', 'Ann@example.com', {first.Item2})");
        var table = (string)Scalar(connection, "SELECT tableoid::regclass::text FROM public.signup WHERE code = 'A-1'")!;
        Execute(connection, $"INSERT INTO public.signup (kind, code, email, created_at) VALUES ('{second.Item1}', 'B-1', 'bob@example.com', {second.Item2})");
        Assert.NotEqual(table, Scalar(connection, "SELECT tableoid::regclass::text FROM public.signup WHERE code = 'B-1'"));

        var code = Rejected(connection, $"INSERT INTO public.signup (kind, code, email, created_at) VALUES ('{second.Item1}', 'A-1', 'carl@example.com', {second.Item2})");
        Assert.Equal(softDelete ? "ux_signup_code" : "uq_signup_code", code.ConstraintName);
        var email = Rejected(connection, $"INSERT INTO public.signup (kind, code, email, created_at) VALUES ('{second.Item1}', 'C-1', 'ANN@example.com', {second.Item2})");
        Assert.Equal("ux_signup_lower_email", email.ConstraintName);
        Rejected(connection, "UPDATE public.signup SET code = 'A-1' WHERE code = 'B-1'");

        if (softDelete)
        {
            // The predicate is kept too: once A-1 is soft-deleted its code may be used again, as on the unpartitioned table.
            Execute(connection, "UPDATE public.signup SET deleted_at = now() WHERE code = 'A-1'");
            Execute(connection, $"INSERT INTO public.signup (kind, code, email, created_at) VALUES ('{second.Item1}', 'A-1', 'ann@example.com', {second.Item2})");
        }

        if (strategy == PartitionStrategy.Range)
        {
            // Expiring the partition of A-1 (older than the 1-year retention) frees its keys in the lookups.
            Execute(connection, "DELETE FROM public.signup WHERE created_at > now() - interval '1 year' AND code = 'A-1'");
            Assert.Contains("dropped", Strings(connection, "SELECT action FROM public.signup_partition_maintenance()"));
            Execute(connection, "INSERT INTO public.signup (kind, code, email) VALUES ('buy', 'A-1', 'ann@example.com')");
        }
    }

    [Fact]
    public void Partman_plan_rejects_a_duplicate_key_in_another_partition()
    {
        var design = DesignEngine.Create(RequirementsReader.Read(Yaml(softDelete: false), "unique.yaml").Requirement!, "postgresql");
        var today = DateTime.UtcNow;
        var start = new DateTime(today.Year - 1, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var script = PartitionPlanner.Script(EngineRegistry.Get("postgresql"), PartitionTargets.FromDesign(design, "signup"), new PartitionRequest
        {
            Mode = PostgreSqlPartitionModes.PgPartman, PartmanVersion = 4, Interval = PartitionInterval.Month, Start = start, Retention = design.Requirement.Workload.Retention,
        });
        var files = Write(script);
        using var db = PostgresServer.CreateScratch("partuniqpartman");
        using var connection = db.Open();
        Execute(connection, "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"], files["partman"] });
        Execute(connection, $"INSERT INTO public.signup (kind, code, email, created_at) VALUES ('click', 'A-1', 'ann@example.com', '{start:yyyy-MM-dd}')");
        Assert.Equal("uq_signup_code", Rejected(connection, "INSERT INTO public.signup (kind, code, email) VALUES ('click', 'A-1', 'other@example.com')").ConstraintName);
        Assert.Contains("signup_unique_lookup_cleanup(now() - interval ''1 year'')", script.Steps.Single(s => s.Name == "schedule").Sql, StringComparison.Ordinal);
    }

    /// <summary>A table with a natural primary key, a unique constraint and a unique expression index, converted online.</summary>
    private const string TicketTable = """
        CREATE TABLE public.ticket (
            code text PRIMARY KEY,
            seat integer NOT NULL,
            venue integer NOT NULL,
            email text NOT NULL,
            created_at timestamptz NOT NULL,
            CONSTRAINT ticket_seat_venue UNIQUE (venue, seat)
        );
        CREATE UNIQUE INDEX ticket_email_lower ON public.ticket (lower(email));
        INSERT INTO public.ticket (code, seat, venue, email, created_at)
        SELECT 't' || g, g, g % 7, 'u' || g || '@example.com', timestamptz '2024-01-01' + (g * interval '3 hours')
        FROM generate_series(1, 5000) AS g;
        """;

    [Fact]
    public void Online_conversion_keeps_every_unique_key_of_the_table_enforced_after_the_swap()
    {
        using var db = PostgresServer.CreateScratch("partuniqconv");
        using var connection = db.Open();
        Execute(connection, TicketTable);
        var script = LivePlan(db, "ticket", new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Month });
        Assert.Equal(new[] { "ticket_email_lower", "ticket_pkey", "ticket_seat_venue" }, script.Plan.Lookups.Select(k => k.Name).Order(StringComparer.Ordinal));
        var files = Write(script);
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"] });
        Execute(connection, "CALL public.ticket_partition_copy(1000, 2)");
        Execute(connection, "INSERT INTO public.ticket (code, seat, venue, email, created_at) VALUES ('during', 90001, 1, 'during@example.com', '2025-03-01')");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["copy"], files["verify"], files["swap"], files["drop-old"] });
        Assert.Equal("p", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.ticket'::regclass"));
        Assert.Equal(5001L, Scalar(connection, "SELECT count(*) FROM public.ticket"));

        // t1 is in 2024-01; each duplicate goes to 2025-06, another partition.
        Assert.Equal("ticket_pkey_lookup_key", Rejected(connection, "INSERT INTO public.ticket (code, seat, venue, email, created_at) VALUES ('t1', 1, 100, 'x1@example.com', '2025-06-01')").ConstraintName);
        Assert.Equal("ticket_seat_venue", Rejected(connection, "INSERT INTO public.ticket (code, seat, venue, email, created_at) VALUES ('x2', 1, 1, 'x2@example.com', '2025-06-01')").ConstraintName);
        Assert.Equal("ticket_email_lower", Rejected(connection, "INSERT INTO public.ticket (code, seat, venue, email, created_at) VALUES ('x3', 3, 100, 'U1@EXAMPLE.com', '2025-06-01')").ConstraintName);
        Assert.Equal("ticket_email_lower", Rejected(connection, "INSERT INTO public.ticket (code, seat, venue, email, created_at) VALUES ('x4', 4, 100, 'DURING@example.com', '2025-06-01')").ConstraintName);
        Execute(connection, "INSERT INTO public.ticket (code, seat, venue, email, created_at) VALUES ('x5', 5, 100, 'x5@example.com', '2025-06-01')");
    }

    [Fact]
    public void Rollback_of_a_conversion_removes_the_lookups()
    {
        using var db = PostgresServer.CreateScratch("partuniqroll");
        using var connection = db.Open();
        Execute(connection, TicketTable);
        var files = Write(LivePlan(db, "ticket", new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Quarter }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"], files["copy"], files["verify"], files["swap"], files["rollback"] });
        Assert.Equal("r", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.ticket'::regclass"));
        Assert.Empty(Strings(connection, "SELECT relname FROM pg_class WHERE relname LIKE '%lookup%'"));
        Assert.Equal(new[] { "ticket_email_lower", "ticket_pkey", "ticket_seat_venue" }, Strings(connection, "SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid WHERE i.indrelid = 'public.ticket'::regclass ORDER BY 1"));
    }

    private static PostgresException Rejected(NpgsqlConnection connection, string sql)
    {
        var error = Assert.Throws<PostgresException>(() => Execute(connection, sql));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        return error;
    }

    /// <summary>Two created_at values whose rows fall into different hash partitions.</summary>
    private static ((string, string), (string, string)) DifferentHashPartitions(NpgsqlConnection connection)
    {
        Execute(connection, "INSERT INTO public.signup (kind, code, email, created_at) SELECT 'click', 'probe' || g, 'probe' || g || '@example.com', timestamptz '2025-01-01' + g * interval '1 hour' FROM generate_series(1, 8) AS g");
        var spots = Strings(connection, "SELECT min(to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')) FROM public.signup GROUP BY tableoid ORDER BY 1");
        Execute(connection, "DELETE FROM public.signup");
        Assert.True(spots.Count >= 2, "the probes fell into one partition");
        return (("click", $"timestamptz '{spots[0]}+00'"), ("click", $"timestamptz '{spots[1]}+00'"));
    }
}
