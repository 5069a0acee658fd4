using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using Npgsql;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>Designs, files and server helpers shared by the partitioning proofs.</summary>
internal static class PartitionFixture
{
    /// <summary>A small application whose event table is range-partitioned by created_at; retention 1 year.</summary>
    public const string EventsYaml = """
        application: { name: PartitionProof, kind: oltp, schema: public }
        workload: { retention: 1y }
        conventions: { primaryKey: bigint }
        entities:
          - name: event
            rows: 1000000
            rowsPerDay: 5000000
            attributes:
              - { name: kind, type: "enum(click, view, buy)", required: true }
              - { name: payload, type: string(200) }
              - { name: amount, type: int }
        """;

    /// <summary>A populated orders table (60,000 rows over 2024–2025) with an identity key, a unique code, a check and an index.</summary>
    public const string OrdersTable = """
        CREATE TABLE public.orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            code text NOT NULL UNIQUE,
            customer integer NOT NULL,
            total numeric(12,2) NOT NULL CHECK (total >= 0),
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX orders_customer ON public.orders (customer, created_at DESC);
        INSERT INTO public.orders (code, customer, total, created_at)
        SELECT 'o' || g, g % 500, (g % 1000) / 10.0, timestamptz '2024-01-01' + (g * interval '13 minutes')
        FROM generate_series(1, 60000) AS g;
        ANALYZE public.orders;
        """;

    /// <summary>The plan for a live table of a scratch database, as New-PartitionScript -ConnectionString makes it (pg_partman's version read from the server).</summary>
    public static PartitionScript LivePlan(ScratchDatabase db, string table, PartitionRequest request)
    {
        var engine = EngineRegistry.Get("postgresql");
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(db.Name)));
        var target = engine.Partitioning!.ReadLive(session, "public", table, request.Column);
        var version = request.PartmanVersion ?? engine.Partitioning.ExtensionMajorVersion(session, request.Mode);
        return PartitionPlanner.Script(engine, target, request with { PartmanVersion = version });
    }

    public static DbDesign Design(string engine) => DesignEngine.Create(RequirementsReader.Read(EventsYaml, "events.yaml").Requirement!, engine);

    public static PartitionScript Plan(string engine, PartitionRequest request)
    {
        var design = Design(engine);
        var target = PartitionTargets.FromDesign(design, "event");
        return PartitionPlanner.Script(EngineRegistry.Get(engine), target, request with { Retention = request.Retention ?? design.Requirement.Workload.Retention });
    }

    /// <summary>One temporary folder for every plan this test process writes, removed when the process ends.</summary>
    private static readonly Lazy<string> TempRoot = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("dbarch-part-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Another process holding a file open only delays the cleanup; /tmp is cleared on reboot.
            }
        };
        return root;
    });

    /// <summary>Writes the steps to a folder of their own under <see cref="TempRoot"/>; returns step name → file path.</summary>
    public static Dictionary<string, string> Write(PartitionScript script)
    {
        var folder = Path.Combine(TempRoot.Value, Guid.NewGuid().ToString("N"));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (sql, step) in script.ToScripts().Zip(script.Steps))
        {
            var path = Path.Combine(folder, sql.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sql.Text);
            files[step.Name] = path;
        }

        return files;
    }

    public static List<string> Partitions(NpgsqlConnection connection, string parent) =>
        Strings(connection, $"SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '{parent}'::regclass ORDER BY 1");

    public static List<string> Strings(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.IsDBNull(0) ? string.Empty : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return list;
    }

    public static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Row count and the same order-independent checksum the conversion's verification uses.</summary>
    public static (long Rows, decimal Checksum) Fingerprint(NpgsqlConnection connection, string table)
    {
        using var command = new NpgsqlCommand($"SELECT count(*), coalesce(sum(('x' || substr(md5(src::text), 1, 15))::bit(60)::bigint), 0) FROM {table} AS src", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetDecimal(1));
    }
}
