using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>
/// design.md: the architecture document for one design, in the section order of the architecture template
/// (requirements, technology, schema, indexing, partitioning, query optimization, tuning, migration, backup,
/// monitoring, security, scalability), filled in from the design's model and decisions. Deterministic: no dates,
/// no absolute paths.
/// </summary>
internal static partial class DesignDocument
{
    /// <summary>The section headings after Indexing, with the decision area each one renders.</summary>
    internal static readonly IReadOnlyList<(string Heading, string Area)> DecisionSections = new[]
    {
        ("Partitioning Strategy", DesignAreas.Partitioning),
        ("Query Optimization", DesignAreas.QueryOptimization),
        ("Performance Tuning", DesignAreas.PerformanceTuning),
        ("Data Migration Strategy", DesignAreas.DataMigration),
        ("Backup & Recovery", DesignAreas.BackupAndRecovery),
        ("Monitoring & Maintenance", DesignAreas.MonitoringAndMaintenance),
        ("Security Best Practices", DesignAreas.Security),
        ("Scalability Roadmap", DesignAreas.ScalabilityRoadmap),
    };

    /// <summary>design.md as a string (tests, small designs); an export streams it with <see cref="Write"/>.</summary>
    public static string Render(DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        var md = new MarkdownBuilder();
        Compose(md, design, scripts, MermaidErDiagram.Render(design.Physical));
        return md.ToString();
    }

    /// <summary>Writes design.md to <paramref name="stream"/> as it is composed; <paramref name="diagram"/> is er.mmd's text.</summary>
    public static void Write(Stream stream, DbDesign design, IReadOnlyList<SqlScript> scripts, string diagram)
    {
        using var writer = new StreamWriter(stream, ExportFile.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
        var md = new MarkdownBuilder(writer);
        Compose(md, design, scripts, diagram);
        md.Finish();
    }

    private static void Compose(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts, string diagram)
    {
        Title(md, design);
        Requirements(md, design.Requirement);
        md.Heading(2, "Database Architecture Design");
        Technology(md, design);
        TechnologyDetails(md, design);
        Schema(md, design, scripts, diagram);
        Indexing(md, design);
        foreach (var (heading, area) in DecisionSections)
        {
            md.Heading(3, heading);
            Decisions(md, design, area);
            SectionDetails(md, design, scripts, area);
        }

        Warnings(md, design);
    }

    /// <summary>Renders what a section shows beyond its decisions: each is a partial method in its own file.</summary>
    private static void SectionDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts, string area)
    {
        switch (area)
        {
            case DesignAreas.Partitioning: PartitioningDetails(md, design); break;
            case DesignAreas.QueryOptimization: QueryDetails(md, design, scripts); break;
            case DesignAreas.PerformanceTuning: TuningDetails(md, design, scripts); break;
            case DesignAreas.DataMigration: MigrationDetails(md, design, scripts); break;
            case DesignAreas.BackupAndRecovery: BackupDetails(md, design, scripts); break;
            case DesignAreas.MonitoringAndMaintenance: MonitoringDetails(md, design, scripts); break;
            case DesignAreas.Security: SecurityDetails(md, design, scripts); break;
            case DesignAreas.ScalabilityRoadmap: RoadmapDetails(md, design, scripts); break;
        }
    }

    // Optional section renderers. Each part of the architecture implements its own in DesignDocument.<Part>.cs,
    // so the parts grow the document without touching each other.
    static partial void TechnologyDetails(MarkdownBuilder md, DbDesign design);

    static partial void PartitioningDetails(MarkdownBuilder md, DbDesign design);

    static partial void QueryDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    static partial void TuningDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    static partial void MigrationDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    static partial void BackupDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    static partial void MonitoringDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    static partial void SecurityDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    static partial void RoadmapDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts);

    private static void Title(MarkdownBuilder md, DbDesign design)
    {
        var physical = design.Physical;
        md.Heading(1, Escape(design.Application) + " — database design");
        var source = ExportPaths.SourceName(design.Requirement.SourcePath);
        var summary = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(design.Requirement.Application.Description))
        {
            summary.Append(Escape(design.Requirement.Application.Description).TrimEnd('.')).Append(". ");
        }

        summary.Append(InvariantText.Article(design.EngineDisplayName)).Append(' ').Append(Escape(design.EngineDisplayName)).Append(" design of ")
            .Append(Count(physical.Tables.Count, "table")).Append(", ")
            .Append(Count(physical.Tables.Sum(t => t.ForeignKeys.Count), "foreign key")).Append(" and ")
            .Append(Count(physical.Tables.Sum(t => t.Indexes.Count), "index", "indexes"))
            .Append(" in schema ").Append(Escape(physical.Schema)).Append(", generated by DbArchitect.PS");
        if (source.Length > 0)
        {
            summary.Append(" from ").Append(Escape(source));
        }

        md.Paragraph(summary.Append('.').ToString());
    }

    private static void Requirements(MarkdownBuilder md, DbRequirement requirement)
    {
        md.Heading(2, "Database Requirements");
        md.Heading(3, "Application Context");
        var app = requirement.Application;
        md.Paragraph(string.IsNullOrWhiteSpace(app.Description)
            ? Escape(app.Name) + " (no description stated)."
            : Escape(app.Name) + ": " + Escape(app.Description));
        md.Bullet("Kind: " + Enum(app.Kind));
        md.Bullet("Tenancy: " + Enum(app.Tenancy));
        md.EndBlock();

        md.Heading(3, "Data Requirements");
        md.Bullet("Entities: " + (requirement.Entities.Count == 0
            ? "none"
            : string.Join(", ", requirement.Entities.Select(EntitySummary))));
        md.Bullet("Relationships: " + (requirement.Relationships.Count == 0
            ? "none"
            : string.Join("; ", requirement.Relationships.Select(RelationshipSummary))));
        var workload = requirement.Workload;
        md.Bullet("Data Volume: " + Stated(workload.Records, v => Number(v) + " records"));
        md.Bullet("Growth Rate: " + Stated(workload.RecordsPerDay, v => Number(v) + " records per day"));
        md.Bullet("Read/Write Ratio: " + Stated(workload.ReadWriteRatio, v => v.ToString()));
        md.Bullet("Retention: " + Stated(workload.Retention, v => v.ToString()));
        md.EndBlock();

        md.Heading(3, "Performance Requirements");
        md.Bullet("Query Response Time: " + Stated(workload.LatencyMs, v => Number(v) + " ms (p95)"));
        md.Bullet("Concurrent Users: " + Stated(workload.ConcurrentUsers, v => Number(v)));
        md.Bullet("Transactions Per Second: " + Stated(workload.Tps, v => Number(v)));
        md.EndBlock();
    }

    private static string EntitySummary(EntitySpec entity) =>
        entity.Rows is { } rows ? $"{Escape(entity.Name)} (~{Number(rows)} rows)" : Escape(entity.Name);

    private static string RelationshipSummary(RelationshipSpec relationship)
    {
        var text = $"{Escape(relationship.From)} → {Escape(relationship.To)} ({Enum(relationship.Kind)}";
        if (relationship.Through is { Length: > 0 } through)
        {
            text += " through " + Escape(through);
        }

        return text + ", on delete " + Enum(relationship.OnDelete) + ")";
    }

    private static void Technology(MarkdownBuilder md, DbDesign design)
    {
        md.Heading(3, "Technology Selection");
        md.Paragraph(design.PartOf is { } primary
            ? $"**Part of the architecture**: {Escape(design.EngineDisplayName)}, beside the primary database {Escape(primary)}"
            : "**Primary Database**: " + Escape(design.EngineDisplayName));
        var reasons = design.Decisions.Where(d => IsArea(d, DesignAreas.Technology)).ToList();
        if (reasons.Count == 0)
        {
            md.Paragraph("**Reasoning**: " + EmptyArea(design, DesignAreas.Technology));
        }
        else
        {
            md.Paragraph("**Reasoning**:");
            DecisionList(md, reasons);
        }

        if (design.PartOf is null)
        {
            md.Paragraph("**Supporting Technologies**:");
            Decisions(md, design, DesignAreas.SupportingTechnology);
            Architecture(md, design);
        }
    }

    private static void Schema(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts, string diagram)
    {
        md.Heading(3, "Schema Design");
        md.Heading(4, "Entity-Relationship Diagram");
        md.Line("```mermaid");
        md.Raw(diagram);
        md.Line("```");
        md.EndBlock();

        md.Heading(4, "Tables");
        if (design.Physical.Tables.Count == 0)
        {
            md.Paragraph("The design has no tables.");
        }

        foreach (var table in design.Physical.Tables)
        {
            TableSection(md, table);
        }

        md.Heading(4, "Schema Decisions");
        Decisions(md, design, DesignAreas.Schema);

        md.Heading(4, "DDL Statements");
        var build = scripts.Where(s => s.IsBuildStep).ToList();
        var optional = scripts.Where(s => !s.IsBuildStep).ToList();
        if (scripts.Count == 0)
        {
            md.Paragraph("The " + Escape(design.EngineDisplayName) + " script generator produced no SQL files for this design.");
            return;
        }

        if (build.Count > 0)
        {
            md.Paragraph("Apply the numbered files in order to an empty database; each one is a build step:");
            foreach (var script in build)
            {
                md.Bullet(Escape(script.RelativePath) + " — " + Escape(script.Description));
            }

            md.EndBlock();
        }

        if (optional.Count > 0)
        {
            md.Paragraph("Optional and reference scripts (not part of the build):");
            foreach (var script in optional)
            {
                md.Bullet(Escape(script.RelativePath) + " — " + Escape(script.Description));
            }

            md.EndBlock();
        }
    }

    private static void TableSection(MarkdownBuilder md, Table table)
    {
        md.Heading(5, Escape(table.Name) + (table.Kind == TableKind.Entity ? string.Empty : " (" + Enum(table.Kind) + ")"));
        if (!string.IsNullOrWhiteSpace(table.Comment))
        {
            md.Paragraph(Escape(table.Comment));
        }

        md.Line(Row("Column", "Type", "Null", "Default", "Keys", "Comment"));
        md.Line(Row("---", "---", "---", "---", "---", "---"));
        foreach (var column in table.Columns)
        {
            md.Line(Row(
                Cell(column.Name),
                Cell(column.NativeType ?? column.Type.ToString()),
                column.Nullable ? "null" : "not null",
                Cell(DefaultText(column)),
                Cell(KeyMarkers(table, column)),
                Cell(column.Comment)));
        }

        md.EndBlock();

        var constraints = new List<string>
        {
            $"Primary key {Escape(table.PrimaryKey.Name)} ({Names(table.PrimaryKey.Columns)})",
        };
        constraints.AddRange(table.ForeignKeys.Select(f =>
            $"Foreign key {Escape(f.Name)} ({Names(f.Columns)}) → {Escape(f.ReferencedTable)} ({Names(f.ReferencedColumns)}), " +
            $"on delete {Enum(f.OnDelete)}, {(f.Required ? "required" : "optional")}" + Because(f.Reason)));
        constraints.AddRange(table.UniqueKeys.Select(u => $"Unique {Escape(u.Name)} ({Names(u.Columns)})" + Because(u.Reason)));
        constraints.AddRange(table.Checks.Select(c => $"Check {Escape(c.Name)} on {Escape(c.Column)}: {CheckText(c)}" + Because(c.Reason)));
        md.Paragraph("Constraints:");
        foreach (var constraint in constraints)
        {
            md.Bullet(constraint);
        }

        md.EndBlock();
    }

    private static string DefaultText(Column column) => column.Generation switch
    {
        KeyGeneration.RandomUuid => "generated (random uuid)",
        KeyGeneration.Identity => "generated (identity)",
        _ => column.Default?.ToString() ?? string.Empty,
    };

    private static string KeyMarkers(Table table, Column column)
    {
        var markers = new List<string>();
        if (table.PrimaryKey.Columns.Contains(column.Name, StringComparer.Ordinal))
        {
            markers.Add("PK");
        }

        if (table.ForeignKeys.Any(f => f.Columns.Contains(column.Name, StringComparer.Ordinal)))
        {
            markers.Add("FK");
        }

        if (table.UniqueKeys.Any(u => u.Columns.Contains(column.Name, StringComparer.Ordinal))
            || table.Indexes.Any(i => i.Unique && i.Keys.Any(k => string.Equals(k.Column, column.Name, StringComparison.Ordinal))))
        {
            markers.Add("UK");
        }

        return string.Join(", ", markers);
    }

    private static string CheckText(CheckConstraint check) => check.Kind switch
    {
        CheckKind.EnumMembers => "one of " + string.Join(", ", check.EnumValues.Select(Escape)),
        CheckKind.EnumArrayMembers => "every element one of " + string.Join(", ", check.EnumValues.Select(Escape)),
        CheckKind.EmailFormat => "looks like an e-mail address",
        CheckKind.UrlFormat => "looks like a URL",
        _ => string.Join(" and ", check.Conditions.Select(c => Escape(c.ToString()))),
    };

    private static void Indexing(MarkdownBuilder md, DbDesign design)
    {
        md.Heading(3, "Indexing Strategy");
        var indexes = design.Physical.Tables.SelectMany(t => t.Indexes.Select(i => (Table: t, Index: i))).ToList();
        if (indexes.Count == 0)
        {
            md.Paragraph("The design has no secondary indexes: primary keys and unique constraints are the only access paths.");
        }
        else
        {
            md.Line(Row("Index", "Table", "Keys", "Include", "Predicate", "Method", "Reason / serves"));
            md.Line(Row("---", "---", "---", "---", "---", "---", "---"));
            var wording = EngineRegistry.Get(design.Engine).Wording;
            foreach (var (table, index) in indexes)
            {
                var reason = index.Serves.Count == 0
                    ? index.Reason
                    : index.Reason + " (serves: " + string.Join(", ", index.Serves) + ")";
                md.Line(Row(
                    Cell(index.Name) + (index.Unique ? " (unique)" : string.Empty),
                    Cell(table.Name),
                    Cell(string.Join(", ", index.Keys.Select(k => k.ToString()))),
                    Cell(string.Join(", ", index.Include)),
                    Cell(index.Predicate?.ToString()),
                    Escape(wording.IndexMethodName(index)),
                    Cell(reason)));
            }

            md.EndBlock();
        }

        Decisions(md, design, DesignAreas.Indexing, afterIndexTable: indexes.Count > 0);
    }

    private static void Warnings(MarkdownBuilder md, DbDesign design)
    {
        md.Heading(2, "Warnings");
        if (design.Warnings.Count == 0)
        {
            md.Paragraph("The design raised no warnings.");
            return;
        }

        foreach (var warning in design.Warnings)
        {
            md.Bullet($"**{Enum(warning.Severity)}** {Escape(warning.Subject)}: {Escape(warning.Message)}");
        }

        md.EndBlock();
    }

    private static void Decisions(MarkdownBuilder md, DbDesign design, string area, bool afterIndexTable = false)
    {
        var decisions = design.Decisions.Where(d => IsArea(d, area)).ToList();
        if (decisions.Count == 0)
        {
            md.Paragraph(afterIndexTable
                ? "Every index above states its reason; no further indexing decisions were recorded."
                : EmptyArea(design, area));
            return;
        }

        DecisionList(md, decisions);
    }

    private static void DecisionList(MarkdownBuilder md, IEnumerable<DesignDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            var reason = string.IsNullOrWhiteSpace(decision.Reason) ? string.Empty : " — " + Escape(decision.Reason);
            md.Bullet($"**{Escape(decision.Subject)}**: {Escape(decision.Decision)}{reason}");
        }

        md.EndBlock();
    }

    private static bool IsArea(DesignDecision decision, string area) =>
        string.Equals(decision.Area, area, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One honest sentence for an area the design recorded nothing for, with the likely reason, chosen from what the
    /// requirements did and did not state.
    /// </summary>
    private static string EmptyArea(DbDesign design, string area)
    {
        var engine = Escape(design.EngineDisplayName);
        var requirement = design.Requirement;
        var workload = requirement.Workload;
        var volumeStated = workload.Records is not null || workload.RecordsPerDay is not null
            || requirement.Entities.Any(e => e.Rows is not null || e.RowsPerDay is not null);
        return area switch
        {
            DesignAreas.Technology => $"No technology decision was recorded; {engine} is the engine this design was generated for, as the requirements or -Engine asked.",
            DesignAreas.SupportingTechnology => $"None was required for this design: no stated workload called for a cache, search engine or analytics store beside {engine}.",
            DesignAreas.Schema => "No schema decisions beyond the tables and constraints above were recorded for this design.",
            DesignAreas.Indexing => "No indexing decisions were recorded for this design.",
            DesignAreas.Partitioning => "No table was partitioned: nothing in this design required it, which is expected when no table's stated volume, growth and retention make partition pruning or dropping old partitions worthwhile.",
            DesignAreas.QueryOptimization => requirement.AccessPatterns.Count == 0
                ? "No query-specific optimization was required for this design: the requirements state no access patterns to optimize for."
                : "No query-specific optimization was required for this design, likely because the stated access patterns are served by the indexes above.",
            DesignAreas.PerformanceTuning => requirement.Hardware.MemoryGb is null && requirement.Hardware.Cpus is null
                ? $"No {engine} configuration was recommended for this design, possibly because no hardware profile was stated to size it from."
                : $"No {engine} configuration was recommended for this design; the engine's defaults may suit the stated hardware, but review them against the workload.",
            DesignAreas.DataMigration => "No data migration was required for this design: it builds a new, empty database, so applying the numbered scripts in order is the whole migration.",
            DesignAreas.BackupAndRecovery => workload.Retention is { } retention
                ? $"No backup and recovery plan was recorded for this design although a retention of {Escape(retention.ToString())} was stated; agree backup frequency and a recovery objective before production."
                : "No backup and recovery plan was recorded for this design, possibly because no retention or recovery objective was stated; agree one before production.",
            DesignAreas.MonitoringAndMaintenance => volumeStated
                ? "No monitoring or maintenance tasks were recorded for this design; the engine's built-in maintenance may be enough at the stated volume."
                : "No monitoring or maintenance tasks were recorded for this design, possibly because no volumes were stated to derive them from.",
            DesignAreas.Security => requirement.Application.Tenancy == Tenancy.Multi
                ? "No security measures were recorded for this design even though it is multi-tenant; review tenant isolation before production."
                : "No security measures beyond the engine's defaults were recorded for this design, likely because it is single-tenant and no data was marked sensitive.",
            DesignAreas.ScalabilityRoadmap => volumeStated
                ? "No scalability roadmap was recorded for this design: the stated volume and growth may fit a single primary server, so no later phase was required."
                : "No scalability roadmap was recorded for this design, possibly because no volume or growth rate was stated to project from.",
            _ => "Nothing was recorded for this area in this design.",
        };
    }

    private static string Stated<T>(T? value, Func<T, string> format)
        where T : struct => value is { } v ? format(v) : "not stated";

    private static string Stated<T>(T? value, Func<T, string> format)
        where T : class => value is { } v ? format(v) : "not stated";

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : " — " + Escape(reason);

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(Escape));

    private static string Enum<T>(T value)
        where T : struct, System.Enum => Escape(JsonNames.Enum(value));

    private static string Count(int count, string singular, string? plural = null) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
