using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>The exported model of a MongoDB design: the document model and MongoDB's operating choices.</summary>
public sealed record MongoDbModel(DocumentModel Document, IReadOnlyList<MongoConcern> Concerns, MongoBackup Backup, IReadOnlyList<string> Monitoring, IReadOnlyList<MongoQuery> Queries);

/// <summary>A MongoDB design: its files under mongodb/, its diagram, and the body of each design.md section.</summary>
internal sealed class MongoDbDesign : FamilyDesign
{
    public const string Folder = "mongodb/";

    private readonly MongoDbModel _model;
    private readonly DbRequirement _requirement;
    private readonly int _shards;
    private readonly TypicalValues _values;

    public MongoDbDesign(DocumentModel document, IReadOnlyList<MongoConcern> concerns, MongoBackup backup, IReadOnlyList<string> monitoring,
        IReadOnlyList<MongoQuery> queries, IReadOnlyDictionary<string, (IReadOnlyList<string> Fields, string Name)> searches, DbRequirement requirement, int shards, TypicalValues values)
    {
        _model = new MongoDbModel(document, concerns, backup, monitoring, queries);
        _requirement = requirement;
        _shards = shards;
        _values = values;
        Files = new[]
        {
            new DesignFile(Folder + "create.js", "mongosh script: collections with validators, indexes, roles, sharding and search behind switches", MongoScript.Create(document, searches)),
            new DesignFile(Folder + "queries.js", "mongosh query templates, one per access pattern", MongoScript.Queries(document.Database, queries)),
        };
    }

    public DocumentModel Document => _model.Document;

    public override object Model => _model;

    public override IReadOnlyList<DesignFile> Files { get; }

    public override string Diagram => MongoDiagram.Render(_model.Document);

    public override string Summary
    {
        get
        {
            var d = _model.Document;
            var embedded = d.Relations.Count(r => r.Link is DocumentLink.Embed or DocumentLink.ReferenceArray);
            var referenced = d.Relations.Count(r => r.Link is DocumentLink.Reference or DocumentLink.LinkCollection);
            var bucketed = d.Relations.Count(r => r.Link == DocumentLink.Bucket);
            return $"{Count(d.Collections.Count, "collection")}, {Count(embedded, "embedded relationship")}, {Count(referenced, "referenced relationship")}"
                + (bucketed > 0 ? $", {Count(bucketed, "bucketed relationship")}" : string.Empty) + $" and {Count(d.IndexCount, "index", "indexes")}";
        }
    }

    internal override void WriteSection(string area, MarkdownBuilder md)
    {
        switch (area)
        {
            case DesignAreas.Schema: Schema(md); break;
            case DesignAreas.Indexing: Indexing(md); break;
            case DesignAreas.Partitioning: Partitioning(md); break;
            case DesignAreas.QueryOptimization: Queries(md); break;
            case DesignAreas.PerformanceTuning: Tuning(md); break;
            case DesignAreas.DataMigration: Migration(md); break;
            case DesignAreas.BackupAndRecovery: Backup(md); break;
            case DesignAreas.MonitoringAndMaintenance: Monitoring(md); break;
            case DesignAreas.Security: Security(md); break;
            case DesignAreas.ScalabilityRoadmap: Roadmap(md); break;
            default: md.Paragraph("Nothing MongoDB-specific to add."); break;
        }
    }

    private void Schema(MarkdownBuilder md)
    {
        md.Heading(4, "Collections");
        md.Line(Row("Collection", "Kind", "Fields", "Embeds", "Typical document", "Documents at horizon", "Data at horizon", "Indexes at horizon"));
        md.Line(Row("---", "---", "---:", "---", "---:", "---:", "---:", "---:"));
        foreach (var c in _model.Document.Collections)
        {
            md.Line(Row(Cell(c.Name), c.Kind.ToString().ToLowerInvariant(), Number(c.Fields.Count), Cell(string.Join(", ", c.Embeds)),
                Number(c.Size!.AverageBytes) + " B", Number(c.Size.DocumentsAtHorizon), Capacity.Bytes(c.Size.DataBytesAtHorizon), Capacity.Bytes(c.Size.IndexBytesAtHorizon)));
        }

        md.EndBlock();
        md.Heading(4, "Relationships");
        md.Line(Row("Relationship", "Form", "Where", "Per parent", "Embedded bytes"));
        md.Line(Row("---", "---", "---", "---:", "---:"));
        foreach (var r in _model.Document.Relations)
        {
            md.Line(Row(Cell($"{r.From} → {r.To} ({r.Kind})"), r.Link.ToString(), Cell(r.Holder + "." + r.Field),
                r.ChildrenPerParent is { } n ? Number(n) : "unknown", r.EmbeddedBytes is { } b ? Number(b) : "–"));
        }

        md.EndBlock();
        md.Heading(4, "Validators");
        md.Paragraph("Each collection has a $jsonSchema validator (in create.js). Types map as: uuid → binData (subtype 4), smallint/int → int, bigint → long, decimal and money → decimal (decimal128, exact), float/double → double, bool → bool, date/timestamp → date, time → string with a pattern, json → object (free-form), binary → binData, enum → string with enum, array of T → array with items; string(n) sets maxLength, char(n) min and max length, e-mail and URL a pattern, checks set minimum/maximum (exclusive for > and <), enum or pattern.");
        var points = _model.Document.Collections.SelectMany(c => c.Fields.Where(f => f.Type == DocumentValueType.Point).Select(f => (Collection: c.Name, Field: f))).ToList();
        if (points.Count > 0)
        {
            md.Heading(4, "Positions");
            foreach (var (collection, field) in points)
            {
                md.Bullet(Escape($"{collection}.{field.Name}: {field.Description} The validator requires type \"Point\" and exactly two doubles, each within its bounds (±180 and ±90, or the attributes' narrower checks); a 2dsphere index serves the near searches."));
            }

            md.EndBlock();
        }

        md.Heading(4, "Capacity assumptions");
        foreach (var assumption in MongoSizing.Assumptions(_values))
        {
            md.Bullet(Escape(assumption));
        }

        md.EndBlock();
    }

    private void Indexing(MarkdownBuilder md)
    {
        md.Line(Row("Collection", "Index", "Keys", "Options", "Serves"));
        md.Line(Row("---", "---", "---", "---", "---"));
        foreach (var c in _model.Document.Collections)
        {
            foreach (var i in c.Indexes)
            {
                var options = new List<string>();
                if (i.Unique)
                {
                    options.Add("unique");
                }

                if (i.Partial.Count > 0)
                {
                    options.Add("partial: " + string.Join(" and ", i.Partial.Select(p => p.Field + (p.Test == PartialTest.Exists ? " exists" : " is null"))));
                }

                if (i.ExpireAfterSeconds is { } s)
                {
                    options.Add("TTL " + Number(s) + " s");
                }

                if (i.CaseInsensitive)
                {
                    options.Add("collation strength 2");
                }

                if (i.Language is { } l)
                {
                    options.Add("language " + l);
                }

                md.Line(Row(Cell(c.Name), Cell(i.Name), Cell(string.Join(", ", i.Keys)), Cell(string.Join("; ", options)), Cell(string.Join(", ", i.Serves))));
            }
        }

        md.EndBlock();
    }

    private void Partitioning(MarkdownBuilder md)
    {
        var sharded = _model.Document.Collections.Where(c => c.Shard is not null).ToList();
        if (sharded.Count == 0)
        {
            md.Paragraph("MongoDB partitions by sharding; no collection needs it at the horizon (see the decision above). Table partitions do not exist in MongoDB; retention is a TTL index or an archiving job (Indexing Strategy).");
            return;
        }

        md.Line(Row("Collection", "Shard key", "Zones"));
        md.Line(Row("---", "---", "---"));
        foreach (var c in sharded)
        {
            md.Line(Row(Cell(c.Name), Cell(string.Join(", ", c.Shard!.Keys) + (c.Shard.Hashed ? " (hashed)" : " (ranged)")), Cell(string.Join("; ", c.Shard.Zones))));
        }

        md.EndBlock();
        md.Paragraph($"{_shards} shards. create.js shards these collections when SHARDED_CLUSTER is set; the shard key also needs its index, which sh.shardCollection creates on an empty collection.");
    }

    private void Queries(MarkdownBuilder md)
    {
        md.Paragraph("One template per access pattern (queries.js). Check each with .explain(\"executionStats\"): an IXSCAN without a SORT stage, and totalKeysExamined close to nReturned.");
        foreach (var q in _model.Queries)
        {
            md.Heading(4, Escape(q.Pattern));
            md.Paragraph(Escape(q.Note));
            md.Line("```javascript");
            md.Raw(q.Text + "\n");
            md.Line("```");
            md.EndBlock();
        }
    }

    private void Tuning(MarkdownBuilder md)
    {
        md.Line(Row("Work", "Write concern", "Read concern", "Read preference"));
        md.Line(Row("---", "---", "---", "---"));
        foreach (var c in _model.Concerns)
        {
            md.Line(Row(Cell(c.Scope), Cell(c.WriteConcern), Cell(c.ReadConcern), Cell(c.ReadPreference)));
        }

        md.EndBlock();
        var memory = _requirement.Hardware.MemoryGb is { } gb ? $" With {MarkdownText.Number(gb)} GB of RAM, the WiredTiger cache defaults to {MarkdownText.Number(Math.Max(0.25, (gb - 1) / 2))} GB (half of RAM less 1 GB); the rest serves the file system cache, which holds compressed blocks." : string.Empty;
        md.Paragraph("Drivers keep one connection pool per application instance (maxPoolSize 100 by default); size it from the instances and the concurrency." + memory);
    }

    private static void Migration(MarkdownBuilder md)
    {
        md.Paragraph("New fields are optional until every document has them; validationLevel moderate leaves documents that do not match yet alone while the backfill runs. Indexes are built online (createIndex does not block reads or writes since 4.2). Data from a relational source is loaded by mongoimport or a $merge pipeline per collection, parents before children, embedded parts assembled while loading.");
    }

    private void Backup(MarkdownBuilder md)
    {
        var b = _model.Backup;
        md.Bullet(Escape("Method: " + b.Method + "."));
        md.Bullet(Escape($"Oplog: about {Capacity.Bytes(b.OplogBytesPerHour)} an hour, window {b.OplogWindowHours} hours, replSetResizeOplog to {Number(b.OplogSizeMb)} MB."));
        md.Bullet("Restore test: monthly, into a separate cluster, timed against the RTO.");
        md.EndBlock();
    }

    private void Monitoring(MarkdownBuilder md)
    {
        foreach (var item in _model.Monitoring)
        {
            md.Bullet(Escape(item));
        }

        md.EndBlock();
    }

    private void Security(MarkdownBuilder md)
    {
        md.Line(Row("Role", "Purpose", "Privileges"));
        md.Line(Row("---", "---", "---"));
        foreach (var role in _model.Document.Roles)
        {
            var privileges = role.Privileges.GroupBy(p => string.Join(", ", p.Actions)).Select(g => g.Key + " on " + (g.All(p => p.Collection is null) ? "the database" : Number(g.Count()) + " collections"));
            md.Line(Row(Cell(role.Name), Cell(role.Purpose), Cell(string.Join("; ", privileges))));
        }

        md.EndBlock();
        md.Paragraph("Authentication with SCRAM-SHA-256 (or x.509 for services), TLS on every connection, bindIp to the private network only, one user per application with only its role. Sensitive fields can be encrypted in the client with Queryable Encryption, which keeps equality lookups working.");
    }

    private void Roadmap(MarkdownBuilder md)
    {
        md.Bullet("Start: a three-member replica set (primary, two secondaries in separate zones), backups as above.");
        md.Bullet(_shards > 1
            ? Escape($"Sharded from the start: {_shards} shards, each a three-member replica set, with the shard keys in Partitioning Strategy.")
            : "Grow: a larger instance first (RAM for the working set), then shards with the keys the busiest patterns name once the figures in Partitioning Strategy are passed.");
        md.Bullet("Later: secondaries for reports, zones to keep tenants or regions on chosen shards, Atlas Search or a search engine if search outgrows the text index.");
        md.EndBlock();
    }

    private static string Count(int n, string singular, string? plural = null) =>
        InvariantText.Count(n) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
