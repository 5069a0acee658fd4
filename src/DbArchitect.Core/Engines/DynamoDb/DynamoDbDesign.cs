using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>A DynamoDB design: the model, its files, its diagram and the body of each design.md section.</summary>
public sealed class DynamoDbDesign : FamilyDesign
{
    private readonly DbRequirement _requirement;
    private readonly DynamoDbModel _model;
    private readonly IReadOnlyList<DesignFile> _files;

    internal DynamoDbDesign(DbRequirement requirement, DynamoDbModel model)
    {
        _requirement = requirement;
        _model = model;
        _files = DynamoDbFiles.All(model);
    }

    /// <summary>The physical model, typed (design.json's "physical").</summary>
    public DynamoDbModel Table => _model;

    public override object Model => _model;

    public override IReadOnlyList<DesignFile> Files => _files;

    public override string Diagram => RenderDiagram();

    public override string Summary => InvariantText.Format(
        $"one table with {_model.ItemTypes.Count} item types, {_model.Table.GlobalIndexes.Count} global and {_model.Table.LocalIndexes.Count} local secondary indexes, {(_model.Capacity.Mode == "PROVISIONED" ? "provisioned" : "on-demand")} capacity");

    internal override void WriteSection(string area, MarkdownBuilder md)
    {
        switch (area)
        {
            case DesignAreas.Schema:
                Schema(md);
                break;
            case DesignAreas.Indexing:
                Indexing(md);
                break;
            case DesignAreas.Partitioning:
                Partitioning(md);
                break;
            case DesignAreas.QueryOptimization:
                Queries(md);
                break;
            case DesignAreas.PerformanceTuning:
                Capacity(md);
                break;
            case DesignAreas.DataMigration:
                md.Paragraph("A GSI can be added to a live table (it backfills while the table keeps serving); an LSI cannot, and a new key design means a new table filled from an S3 export or a stream-driven copy. An item type's new attribute needs no migration: items without it read as absent, and the writer adds it on the next write.");
                break;
            case DesignAreas.BackupAndRecovery:
                md.Paragraph("Recovery restores into a new table named by the operator; recreate the TTL setting (" + Code(DynamoDbFiles.TimeToLive) + "), the stream and auto scaling from this design's files, then point the application at it. Restores do not consume the table's units.");
                break;
            case DesignAreas.MonitoringAndMaintenance:
                md.Paragraph("No index or table maintenance exists in DynamoDB: storage, partitions and index builds are managed. What remains is watching units, throttling, hot keys (Contributor Insights), TTL deletions (TimeToLiveDeletedItemCount) and the stream consumers' lag.");
                break;
            case DesignAreas.Security:
                md.Paragraph("Access is IAM only; run " + Code(DynamoDbFiles.Deploy) + " with an operator role, never with the application's.");
                break;
            case DesignAreas.ScalabilityRoadmap:
                md.Paragraph(InvariantText.Format($"Today: {_model.Capacity.ReadUnits + _model.Capacity.Indexes.Sum(i => i.ReadUnits):0.##} RCU/s and {_model.Capacity.WriteUnits + _model.Capacity.Indexes.Sum(i => i.WriteUnits):0.##} WCU/s, about {_model.Capacity.StoredBytes / 1e9:0.##} GB. The default per-table quota is 40,000 RCU and 40,000 WCU; past it, raise the quota before splitting the data."));
                break;
            default:
                md.Paragraph("Not applicable to a DynamoDB table.");
                break;
        }
    }

    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    private void Schema(MarkdownBuilder md)
    {
        var table = _model.Table;
        md.Paragraph("Table " + Code(table.Name) + ": partition key " + Code(table.PartitionKey) + ", sort key " + Code(table.SortKey) + " (both strings); every item carries its item type in "
            + Code(table.TypeAttribute) + (table.TtlAttribute is { } ttl ? " and, where it expires, " + Code(ttl) + " (epoch seconds)" : string.Empty) + ".");
        md.Line(Row("Item type", "Entity", "Kind", "PK", "SK", "Typical bytes", "Largest bytes", "TTL"));
        md.Line(Row("---", "---", "---", "---", "---", "---:", "---:", "---"));
        foreach (var type in _model.ItemTypes)
        {
            md.Line(Row(Cell(type.Name), Cell(type.Entity), type.Kind.ToString(), Cell(type.PartitionKey.Pattern), Cell(type.SortKey.Pattern),
                Number(type.TypicalBytes), type.MaximumBytes is { } max ? Number(max) : "unbounded", type.Ttl ? "yes" : "no"));
        }

        md.EndBlock();
    }

    private void Indexing(MarkdownBuilder md)
    {
        var indexes = _model.Table.GlobalIndexes.Select(i => (Kind: "global", Index: i)).Concat(_model.Table.LocalIndexes.Select(i => (Kind: "local", Index: i))).ToList();
        if (indexes.Count == 0)
        {
            md.Paragraph("No secondary index: the table's own keys serve every access pattern that DynamoDB serves.");
            return;
        }

        md.Line(Row("Index", "Kind", "Partition key", "Sort key", "Projection", "Sparse", "Serves"));
        md.Line(Row("---", "---", "---", "---", "---", "---", "---"));
        foreach (var (kind, index) in indexes)
        {
            md.Line(Row(Cell(index.Name), kind, Cell(index.PartitionKey), Cell(index.SortKey), index.Projection, index.Sparse ? "yes" : "no", Cell(string.Join("; ", index.Serves))));
        }

        md.EndBlock();
        foreach (var type in _model.ItemTypes.Where(t => t.Indexes.Count > 0))
        {
            foreach (var keys in type.Indexes)
            {
                md.Bullet(Escape(type.Name) + " in " + Escape(keys.Index) + ": " + Escape(keys.PartitionKey.Pattern) + " / " + Escape(keys.SortKey.Pattern)
                    + (keys.Shards > 1 ? InvariantText.Format($" ({keys.Shards} write shards)") : string.Empty));
            }
        }

        md.EndBlock();
    }

    private void Partitioning(MarkdownBuilder md)
    {
        md.Paragraph("DynamoDB spreads items over partitions by the hash of the partition key; one partition serves at most 3,000 RCU and 1,000 WCU and holds 10 GB, and splits as it grows. A key value that would take more writes than a partition serves gets a shard suffix; an item collection under an LSI must stay within 10 GB.");
        var sharded = _model.AccessPaths.Where(p => p.Shards > 1).ToList();
        if (sharded.Count == 0)
        {
            md.Paragraph("No key value of this design reaches 800 WCU (80 % of a partition), so no key is sharded.");
            return;
        }

        foreach (var path in sharded)
        {
            md.Bullet(Escape(path.Pattern) + InvariantText.Format($": {path.Shards} shards; the reader queries each and merges."));
        }

        md.EndBlock();
    }

    private void Queries(MarkdownBuilder md)
    {
        md.Paragraph("Each access pattern's request is in " + Code(DynamoDbFiles.Queries) + " as AWS CLI input; <attribute> placeholders are written by the same rules as the items' keys (numbers offset and padded to 16 digits, timestamps as UTC ISO 8601, a descending part with its digits complemented).");
        md.Line(Row("Pattern", "Operation", "Index", "Key condition", "Direction", "Items", "RCU per request", "Note"));
        md.Line(Row("---", "---", "---", "---", "---", "---:", "---:", "---"));
        foreach (var path in _model.AccessPaths)
        {
            var condition = path.PartitionKey is { } pk
                ? pk.Pattern + (path.SortCondition is { } sort ? " + " + sort + " " + path.SortPrefix!.Pattern : string.Empty)
                : path.Filter ?? "–";
            md.Line(Row(Cell(path.Pattern), path.Kind.ToString(), Cell(path.Index), Cell(condition), path.Near is not null ? "by distance, in the application" : path.Forward ? "forward" : "backward",
                Number(path.ItemsPerRequest), Number(path.ReadUnitsPerRequest), Cell(path.Note)));
        }

        md.EndBlock();
    }

    private void Capacity(MarkdownBuilder md)
    {
        var capacity = _model.Capacity;
        md.Paragraph("Mode " + Code(capacity.Mode) + ": " + Escape(capacity.Basis) + ".");
        md.Line(Row("Table or index", "RCU/s", "WCU/s", "Provisioned RCU", "Provisioned WCU"));
        md.Line(Row("---", "---:", "---:", "---:", "---:"));
        md.Line(Row(Cell(_model.Table.Name), Number(capacity.ReadUnits), Number(capacity.WriteUnits), Number(capacity.ProvisionedReadUnits), Number(capacity.ProvisionedWriteUnits)));
        foreach (var index in capacity.Indexes)
        {
            md.Line(Row(Cell(index.Index), Number(index.ReadUnits), Number(index.WriteUnits), Number(index.ProvisionedReadUnits), Number(index.ProvisionedWriteUnits)));
        }

        md.EndBlock();
        md.Line(Row("Item type", "Writes/s", "WCU per write", "Typical bytes"));
        md.Line(Row("---", "---:", "---:", "---:"));
        foreach (var type in _model.ItemTypes)
        {
            md.Line(Row(Cell(type.Name), Number(Math.Round(type.WritesPerSecond, 3)), Number(type.WriteUnitsPerWrite), Number(type.TypicalBytes)));
        }

        md.EndBlock();
    }

    private string RenderDiagram()
    {
        var ids = MermaidIdentifiers.ForEntities(_model.ItemTypes.Select(t => t.Name));
        var text = new StringBuilder("erDiagram\n");
        foreach (var type in _model.ItemTypes)
        {
            text.Append("    ").Append(ids[type.Name]).Append("[\"").Append(MermaidText.Quote(type.Name)).Append("\"] {\n");
            text.Append("        string PK PK \"").Append(MermaidText.Shorten(type.PartitionKey.Pattern)).Append("\"\n");
            text.Append("        string SK PK \"").Append(MermaidText.Shorten(type.SortKey.Pattern)).Append("\"\n");
            foreach (var keys in type.Indexes)
            {
                var index = MermaidIdentifiers.ForAttributes(new[] { keys.Index + "PK" })[keys.Index + "PK"];
                text.Append("        string ").Append(index).Append(" \"").Append(MermaidText.Shorten(keys.PartitionKey.Pattern)).Append("\"\n");
            }

            text.Append("    }\n");
        }

        // An item type whose partition key is another entity's own key (same fixed parts) lives in that entity's item collection.
        static bool Own(ItemType type) => type.PartitionKey.Segments.Any(s => s.Literal == type.Name + KeyTemplate.Separator);
        foreach (var child in _model.ItemTypes.Where(t => t.Kind is ItemKind.Entity or ItemKind.Edge && !Own(t)))
        {
            var parent = _model.ItemTypes.FirstOrDefault(p => p.Kind == ItemKind.Entity && Own(p)
                && child.PartitionKey.Segments.Select(s => s.Literal).SequenceEqual(p.PartitionKey.Segments.Select(s => s.Literal)));
            if (parent is not null)
            {
                text.Append("    ").Append(ids[parent.Name]).Append(" ||--o{ ").Append(ids[child.Name]).Append(" : \"item collection\"\n");
            }
        }

        return text.ToString();
    }
}
