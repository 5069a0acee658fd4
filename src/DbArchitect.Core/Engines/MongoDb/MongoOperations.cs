using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.InvariantText;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>Read and write concern for one kind of work, with its reason.</summary>
public sealed record MongoConcern(string Scope, string WriteConcern, string ReadConcern, string ReadPreference, string Reason);

/// <summary>The backup method, oplog size and window with the figures that chose them.</summary>
public sealed record MongoBackup(string Method, long OplogBytesPerHour, int OplogWindowHours, long OplogSizeMb, string Reason);

/// <summary>
/// The operating parts of a MongoDB design: read/write concern from the consistency the data needs, backup (mongodump
/// or snapshots, oplog window from the RPO), what to monitor with thresholds, and least-privilege roles per client.
/// </summary>
internal sealed class MongoOperations
{
    /// <summary>Dump and restore throughput assumed for mongodump/mongorestore (restore rebuilds indexes, so it is slower).</summary>
    public const long DumpBytesPerSecond = 50L * 1024 * 1024;
    public const long RestoreBytesPerSecond = 25L * 1024 * 1024;

    /// <summary>Data up to which a logical dump is still a sensible full backup.</summary>
    public const long DumpLimitBytes = 100L * 1024 * 1024 * 1024;

    /// <summary>Bytes an oplog entry adds to the document or change it carries (namespace, timestamps, ids).</summary>
    public const int OplogEntryOverhead = 100;

    /// <summary>The oplog must outlast a weekend with a secondary down, and a day plus a restore.</summary>
    public const int MinimumOplogHours = 72;

    private static readonly string[] ReadWrite = { "find", "insert", "update", "remove" };
    private static readonly string[] ReadOnly = { "find" };
    private static readonly string[] Deploy = { "createCollection", "createIndex", "dropIndex", "collMod", "listCollections", "listIndexes", "find" };

    private readonly DbRequirement _requirement;
    private readonly List<DesignDecision> _decisions;

    public MongoOperations(DbRequirement requirement, List<DesignDecision> decisions)
    {
        _requirement = requirement;
        _decisions = decisions;
    }

    public IReadOnlyList<MongoConcern> Concerns(DocumentModel model)
    {
        var rpo = _requirement.Operations.RpoMinutes;
        var money = _requirement.Entities.SelectMany(e => e.Attributes).Where(a => a.Type.Kind is LogicalTypeKind.Money or LogicalTypeKind.Decimal).Select(a => a.Name).ToList();
        var uniques = model.Collections.Sum(c => c.Indexes.Count(i => i.Unique));
        var concerns = new List<MongoConcern>
        {
            new("Writes of business data", "{ w: \"majority\", j: true }", "majority", "primary",
                "A write acknowledged by a majority of members survives a failover; a w:1 write can be rolled back when the primary fails before a secondary copies it"
                + (money.Count > 0 ? $", and {Count(money.Count)} amounts ({string.Join(", ", money.Take(5))}) must not vanish" : string.Empty)
                + (uniques > 0 ? $"; unique indexes ({Count(uniques)}) only protect what is durable" : string.Empty)
                + (rpo is { } r ? $"; the RPO of {Number(r)} minutes is met by the replicated, journaled write." : ".")),
        };
        foreach (var bucket in model.Collections.Where(c => c.Kind == CollectionKind.Bucket))
        {
            var tolerant = rpo is null or >= 5;
            concerns.Add(new MongoConcern($"Ingest into {bucket.Name}", tolerant ? "{ w: 1, j: true }" : "{ w: \"majority\", j: true }", "local", "primary",
                tolerant
                    ? $"{Count(bucket.Size?.InsertsPerDay ?? 0)} buckets a day of samples: w:1 halves the write latency; a failover can roll back the last seconds of samples, within the {(rpo is { } x ? Number(x) + "-minute" : "unstated")} RPO."
                    : $"The RPO of {Number(rpo!.Value)} minutes allows no rolled-back samples, so ingest also waits for a majority."));
        }

        var reports = _requirement.AccessPatterns.Where(p => p.Aggregate is not null && (p.PerSecond ?? 0) < 1).Select(p => p.Name).ToList();
        if (reports.Count > 0)
        {
            concerns.Add(new MongoConcern("Reports", "–", "majority", "secondaryPreferred (maxStalenessSeconds: 90)",
                $"{string.Join(", ", reports.Select(n => "'" + n + "'"))} run under once a second over ranges of documents: a secondary serves them without taking the primary's cache; majority reads never see data a failover takes back."));
        }

        concerns.Add(new MongoConcern("Interactive reads", "–", "local (majority within a causally consistent session after the user's own write)", "primary",
            $"The p95 target of {(_requirement.Workload.LatencyMs is { } l ? Number(l) + " ms" : "the application")} favours the primary's local read; a session with causal consistency reads a user's own writes back."));
        foreach (var concern in concerns)
        {
            _decisions.Add(new DesignDecision(DesignAreas.PerformanceTuning, "Read/write concern: " + concern.Scope,
                $"write {concern.WriteConcern}, read {concern.ReadConcern}, {concern.ReadPreference}", concern.Reason));
        }

        return concerns;
    }

    public MongoBackup Backup(DocumentModel model)
    {
        var bytes = model.Collections.Aggregate(0L, (sum, c) => checked(sum + (c.Size?.DataBytesAtHorizon ?? 0) + (c.Size?.IndexBytesAtHorizon ?? 0)));
        var data = model.Collections.Aggregate(0L, (sum, c) => checked(sum + (c.Size?.DataBytesAtHorizon ?? 0)));
        double perHour = 0;
        foreach (var collection in model.Collections.Where(c => c.Size is not null))
        {
            var size = collection.Size!;
            var items = collection.Kind == CollectionKind.Bucket ? collection.Fields.First(f => f.Type == DocumentValueType.Array && f.Origin == FieldOrigin.Bucket).MaxItems ?? 1 : 1;
            // An insert logs the document; an item pushed into a bucket logs the item (about a bucket's share).
            var entries = collection.Kind == CollectionKind.Bucket ? size.InsertsPerDay * (double)items : size.InsertsPerDay;
            perHour += entries / 24.0 * (size.AverageBytes / (double)items + OplogEntryOverhead);
        }

        // The workload's writes beyond the inserts counted above are updates, logged as small change entries.
        var inserts = model.Collections.Sum(c => c.Kind == CollectionKind.Bucket ? c.Size?.InsertsPerDay * (double)(c.Fields.First(f => f.Type == DocumentValueType.Array && f.Origin == FieldOrigin.Bucket).MaxItems ?? 1) ?? 0 : c.Size?.InsertsPerDay ?? 0) / 86400;
        var updates = Math.Max(0, MongoSharding.WorkloadWrites(_requirement) - inserts);
        perHour += updates * 3600 * OplogEntryOverhead * 2;
        var rpo = _requirement.Operations.RpoMinutes;
        var rto = _requirement.Operations.RtoMinutes;
        var window = Math.Max(MinimumOplogHours, checked(24 + (int)Math.Ceiling((rto ?? 240) / 60.0)));
        var oplogMb = Math.Max(990, checked((long)Math.Ceiling(perHour * window / (1024 * 1024))));
        var restoreMinutes = bytes / (double)RestoreBytesPerSecond / 60;
        var dump = data <= DumpLimitBytes && (rto is null || restoreMinutes <= rto);
        var method = dump ? "mongodump --oplog nightly plus continuous oplog copies" : "Storage snapshots of a hidden secondary plus continuous oplog copies (point-in-time recovery)";
        var reason = $"{Capacity.Bytes(bytes)} of data and indexes at the horizon; " + (dump
            ? $"within the {Capacity.Bytes(DumpLimitBytes)} a logical dump handles, and mongorestore at about {Capacity.Bytes(RestoreBytesPerSecond)}/s (indexes rebuilt) takes {Number(restoreMinutes)} minutes{(rto is { } a ? $", within the {Number(a)}-minute RTO" : string.Empty)}."
            : $"mongorestore at about {Capacity.Bytes(RestoreBytesPerSecond)}/s would take {Number(restoreMinutes)} minutes{(rto is { } b ? $" against an RTO of {Number(b)}" : string.Empty)} and a dump reads every document through the cache, so a snapshot (filesystem, cloud volume, or Ops Manager/Atlas backup) is restored instead and the oplog replayed to the chosen moment.")
            + (rpo is { } r ? $" The RPO of {Number(r)} minutes: the oplog is copied off the cluster at least every {Number(Math.Min(r, 60))} minutes (or continuously by Ops Manager/Atlas), so at most that much is lost." : " No RPO is stated; the oplog is copied hourly.")
            + $" Oplog: about {Capacity.Bytes((long)perHour)} an hour ({Count(model.Collections.Sum(c => c.Size?.InsertsPerDay ?? 0))} inserts a day plus {Number(updates)} other writes/s at {Count(OplogEntryOverhead)}+ bytes an entry) × a {Count(window)}-hour window (at least {Count(MinimumOplogHours)} h, and a day plus the RTO) = oplogSizeMB {Count(oplogMb)} (at least 990).";
        _decisions.Add(new DesignDecision(DesignAreas.BackupAndRecovery, "Backup method", method, reason));
        _decisions.Add(new DesignDecision(DesignAreas.BackupAndRecovery, "Oplog window", $"{Count(window)} hours, oplogSizeMB {Count(oplogMb)}",
            "A secondary or a backup that falls further behind than the window must resync from scratch; the window also bounds how far back the oplog can replay a restore."));
        return new MongoBackup(method, (long)perHour, window, oplogMb, reason);
    }

    public IReadOnlyList<DocumentRole> Roles(DocumentModel model, string application)
    {
        var collections = model.Collections.Select(c => c.Name).ToList();
        var app = new DocumentRole(application + "_app", "The application: reads and writes documents, changes no collection, index or validator.",
            collections.Select(c => new DocumentPrivilege(c, ReadWrite)).ToArray());
        var reader = new DocumentRole(application + "_reader", "Reports and support: reads documents only.",
            collections.Select(c => new DocumentPrivilege(c, ReadOnly)).ToArray());
        var migrator = new DocumentRole(application + "_migrator", "Deployments: creates collections, validators and indexes; reads to check them; deletes no documents.",
            new[] { new DocumentPrivilege(null, Deploy) });
        var roles = new[] { app, reader, migrator };
        _decisions.Add(new DesignDecision(DesignAreas.Security, "Roles", string.Join(", ", roles.Select(r => r.Name)),
            $"Least privilege per client over {Count(collections.Count)} collections: the application cannot drop or alter collections, reporting cannot write, deployments cannot delete data; backups use the built-in backup and restore roles."
            + (_requirement.Application.Tenancy == Tenancy.Multi ? " MongoDB has no row-level security, so tenant isolation is the application's: every query template filters on the tenant key first, and the unique and shard keys lead with it." : string.Empty)));
        if (_requirement.Conventions.Audit || _requirement.Entities.Any(e => e.Audit == true))
        {
            _decisions.Add(new DesignDecision(DesignAreas.Security, "Audit trail", "Change stream consumer",
                "MongoDB has no triggers: a change stream (fullDocument: updateLookup) feeds the audit store with who changed which document when; the server's own auditing (Enterprise or Atlas) records administrative actions."));
        }

        return roles;
    }

    public IReadOnlyList<string> Monitoring(DocumentModel model, MongoBackup backup)
    {
        var slow = _requirement.Workload.LatencyMs is { } l ? Math.Max(1, (int)Math.Round(l, MidpointRounding.AwayFromZero)) : 100;
        var items = new List<string>
        {
            $"Slow operations: profiler level 1 with slowms {Count(slow)} (the p95 target); alert when an operation examines more than 10 keys or documents per document returned (queryTargeting).",
            $"Oplog window: alert below {Count(backup.OplogWindowHours * 2 / 3)} hours (two thirds of the {Count(backup.OplogWindowHours)}-hour design); replication lag above 10 seconds.",
            "WiredTiger cache: dirty bytes above 5 % or used bytes above 80 % of the cache mean the working set no longer fits; read and write tickets in use near 128 mean queued operations.",
            "Connections: current against the pool sizes of the application instances; a rise without traffic is a leak.",
            "Indexes: $indexStats accesses per index; an index unused for 30 days costs writes for nothing.",
        };
        foreach (var collection in model.Collections.Where(c => c.Kind == CollectionKind.Bucket || c.Fields.Any(f => f.Origin == FieldOrigin.Embedded && f.Type == DocumentValueType.Array)))
        {
            items.Add($"{collection.Name}: the largest documents ($bsonSize in an aggregation over a sample) against half the 16 MB limit, for the arrays it embeds.");
        }

        foreach (var ttl in model.Collections.Where(c => c.Indexes.Any(i => i.ExpireAfterSeconds is not null)))
        {
            items.Add($"{ttl.Name}: TTL deletions per minute (ttl.deletedDocuments) keep pace with inserts ({Count(ttl.Size?.InsertsPerDay ?? 0)} a day).");
        }

        _decisions.Add(new DesignDecision(DesignAreas.MonitoringAndMaintenance, "Slow operation threshold", $"slowms {Count(slow)}",
            "Operations slower than the p95 latency target are logged and profiled, so a missing index shows before users notice."));
        return items;
    }
}
