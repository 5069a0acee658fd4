using System.Globalization;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// Amazon DynamoDB: a single-table design from the access patterns (<see cref="KeyPlanner"/>), item sizes against the
/// 400 KB limit (<see cref="ItemSizer"/>), read and write units and the capacity mode (<see cref="DynamoCapacityPlanner"/>),
/// TTL from the retention, the stream where audit, search or aggregates need it, and the files that build it.
/// </summary>
public sealed class DynamoDbDesigner : IFamilyDesigner
{
    public string Id => "dynamodb";

    public string DisplayName => "Amazon DynamoDB";

    public Engines.EngineFamily Family => Engines.EngineFamily.KeyValue;

    public FamilyDesign Design(DbRequirement requirement, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(warnings);
        var typical = TypicalValues.Default;
        var shapes = EntityShape.Of(requirement);
        var capacity = new DynamoCapacityPlanner(requirement, shapes, decisions, warnings);
        var attributes = shapes.ToDictionary(s => s.Name, s => ItemSizer.Attributes(s, typical), StringComparer.OrdinalIgnoreCase);

        // Write units one key value of a pattern's index takes: the shape's writes at its typical size over the key's distinct values.
        double UnitsPerKey(EntityShape shape, AccessPatternSpec? pattern)
        {
            var units = DynamoCapacityPlanner.WriteUnits(attributes[shape.Name].Sum(a => a.TypicalBytes));
            var where = pattern is null ? Array.Empty<string>() : shape.EqualityColumns(pattern);
            return capacity.Writes(shape) * units / capacity.Distinct(shape, where);
        }

        // A near pattern's key value: its share of the rows and writes (the equality values spread them), every search on it.
        NearLoad NearLoadOf(EntityShape shape, AccessPatternSpec pattern)
        {
            var where = shape.EqualityColumns(pattern).ToList();
            var distinct = (double)capacity.Distinct(shape, where);
            var rows = Math.Max(1, shape.Rows ?? DynamoCapacityPlanner.DefaultRows);
            return new NearLoad((long)Math.Ceiling(rows / distinct), capacity.Writes(shape) / distinct, capacity.Inserts(shape) / distinct,
                capacity.Rate(pattern).Rate, attributes[shape.Name]);
        }

        var tableName = TableName(requirement.Application.Name);
        decisions.Add(new DesignDecision(DesignAreas.Schema, "Table", "One table '" + tableName + "' with generic keys PK and SK",
            "Single-table design: every entity is an item type under overloaded string keys (PK, SK and GSIn keys), so a Query reads an entity with its related items in one request and the table is provisioned, backed up and monitored once."));
        var planner = new KeyPlanner(requirement, shapes, UnitsPerKey, NearLoadOf, decisions, warnings);
        planner.Plan();
        planner.Summarize();
        var retention = requirement.Workload.Retention;
        bool Expires(EntityShape shape) => retention is not null && !shape.IsEdge && !shape.HasChildren && (shape.RowsPerDay ?? 0) > 0;
        var types = planner.ItemTypes(s => attributes[s.Name], Expires)
            .Select(t => ItemSizer.Size(t, shapes.First(s => string.Equals(s.Name, t.Entity, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        var (globals, locals) = planner.Indexes();
        var (sized, paths, plan) = capacity.Plan(types, planner.Paths, globals, locals);
        SizeDecisions(sized, decisions, warnings);

        string? ttl = null;
        var expiring = shapes.Where(Expires).Select(s => s.Name).ToList();
        if (retention is not null && expiring.Count > 0)
        {
            ttl = KeyPlanner.TtlAttribute;
            decisions.Add(new DesignDecision(DesignAreas.MonitoringAndMaintenance, "Time to live", "TTL attribute " + ttl + " on " + string.Join(", ", expiring),
                InvariantText.Format($"The retention is {retention} ({retention.Days:0.#} days): each item of a growing entity nothing else references is written with {ttl} = its creation time + {retention.Days:0.#} days in epoch seconds, and DynamoDB deletes it free of write units, usually within a few days of expiry; entities others reference are kept and archived by a job.")));
        }
        else
        {
            decisions.Add(new DesignDecision(DesignAreas.MonitoringAndMaintenance, "Time to live", "No TTL attribute",
                retention is null ? "No retention is stated, so no item expires." : "Every growing entity is referenced by another, so none may expire on its own; the retention is applied by an archive job."));
        }

        var audit = requirement.Conventions.Audit || requirement.Entities.Any(e => e.Audit == true);
        var search = requirement.AccessPatterns.Any(p => p.Search.Count > 0);
        var aggregates = requirement.AccessPatterns.Any(p => p.Aggregate is not null);
        string? view = audit || aggregates ? "NEW_AND_OLD_IMAGES" : search ? "NEW_IMAGE" : null;
        var needs = new[] { (audit, "the audit trail"), (search, "the search engine"), (aggregates, "the aggregate items") }.Where(n => n.Item1).Select(n => n.Item2).ToList();
        decisions.Add(new DesignDecision(DesignAreas.DataMigration, "Stream", view is null ? "No stream" : "DynamoDB Streams, " + view,
            view is null
                ? "Neither audit, search nor aggregates read the changes, so no stream is enabled (one can be enabled later without downtime)."
                : "Every change reaches " + string.Join(", ", needs) + " through the stream (24 hours of records, each once, in order per item)" + (view == "NEW_AND_OLD_IMAGES" ? "; both images, so the audit records what changed and an aggregate can subtract an old value." : "; the new image is enough to index a document.")));

        var table = new DynamoTable(tableName, KeyPlanner.PartitionKey, KeyPlanner.SortKey, globals, locals, ttl, view, KeyPlanner.TypeAttribute);
        var model = new DynamoDbModel(table, sized, paths, plan);
        DynamoDbOperations.Decide(requirement, model, decisions);
        return new DynamoDbDesign(requirement, model);
    }

    private static void SizeDecisions(IReadOnlyList<ItemType> types, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        foreach (var type in types.Where(t => t.Kind is ItemKind.Entity or ItemKind.Edge))
        {
            var limit = ItemSizer.ItemLimitBytes;
            var largest = type.MaximumBytes is { } max ? InvariantText.Format($"at most {max:N0} B from the declared lengths (4 bytes per character)") : "unbounded (text, document or list values)";
            decisions.Add(new DesignDecision(DesignAreas.Schema, type.Entity + " item size", InvariantText.Format($"{type.TypicalBytes:N0} B typical, {largest}"),
                InvariantText.Format($"Attribute names and typical values ({type.Attributes.Count} attributes and the key attributes) against the {limit:N0} B item limit; a write costs {type.WriteUnitsPerWrite} WCU (1 KB units") + (type.Transactional ? ", doubled in a transaction" : string.Empty) + ")."));
            if (type.MaximumBytes is { } over && over > limit)
            {
                warnings.Add(new DesignWarning(WarningSeverity.Warning, type.Entity,
                    InvariantText.Format($"An item of {type.Entity} can reach {over:N0} B, past the 400 KB limit: store long values in S3 and keep their object key in the item.")));
            }
            else if (type.MaximumBytes is null)
            {
                decisions.Add(new DesignDecision(DesignAreas.Schema, type.Entity + " large values", "Values past 350 KB go to S3",
                    "A text, document or list value has no declared bound; the writer stores one that would bring the item near 400 KB in S3 and keeps its object key."));
            }
        }
    }

    /// <summary>
    /// A table name DynamoDB accepts (3–255 of A-Z a-z 0-9 _ - .): accents dropped, other characters become '-', and
    /// a name with too few letters left gets a stable suffix from the original.
    /// </summary>
    public static string TableName(string application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var text = new StringBuilder();
        foreach (var c in application.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                text.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var name = text.ToString().Trim('-');
        if (name.Length < 3)
        {
            name = "table-" + DynamoDbKeys.ShardOf(application, int.MaxValue).ToString("x8", CultureInfo.InvariantCulture);
        }

        return name.Length > 255 ? name[..255] : name;
    }
}
