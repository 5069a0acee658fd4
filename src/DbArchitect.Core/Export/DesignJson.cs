using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Scalability;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Export;

/// <summary>
/// design.json: the whole design as data for pipelines and other tools. camelCase properties in a fixed order
/// (the order of the records below), enums as kebab-case strings, logical types in their canonical text, nulls
/// omitted, LF line endings. The requirement appears as a summary without source locations, and its file by name
/// only, so the document never carries an absolute path.
/// </summary>
internal static partial class DesignJson
{
    /// <summary>Bumped when a consumer of design.json would have to change.</summary>
    public const int FormatVersion = 1;

    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The file is never embedded in HTML, so only JSON's own escapes are needed and names stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNames.EnumPolicy), new LogicalTypeJsonConverter() },
        // Compile-time metadata for the documents' whole type graph (DesignJsonMetadata), so a new session does not build it
        // by reflection and emit accessors on its first export; reflection stays behind it for what the graph cannot
        // name (a family design's model, typed object).
        TypeInfoResolver = JsonTypeInfoResolver.Combine(DesignJsonMetadata.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>
    /// Writes design.json to <paramref name="stream"/> as it is serialized (the serializer flushes as its buffer fills,
    /// so the document is never held whole), then the final line break.
    /// </summary>
    public static void Write(Stream stream, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        var document = new DesignDocumentJson(
            FormatVersion,
            design.Application,
            new EngineJson(design.Engine, design.EngineDisplayName),
            Summarize(design.Requirement),
            design.Logical,
            design.Physical,
            design.Decisions,
            design.Warnings,
            scripts.Select(s => new ScriptJson(s.RelativePath, s.Kind, s.IsBuildStep, s.Description)).ToList())
        {
            Technologies = design.Technologies,
            SupportingTechnologies = design.SupportingTechnologies,
            Parts = PartJson.Of(design),
            CapacityForecast = design.CapacityForecast,
            QueryTemplates = design.QueryTemplates,
            Configuration = design.Configuration,
            Backup = design.Backup,
            Maintenance = design.Maintenance,
            Security = design.Security,
            Roadmap = design.Roadmap,
            Distribution = design.Distribution,
        };
        JsonSerializer.Serialize(stream, document, Options);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// design.json of a non-relational design (the same header, requirement and decisions, and the family's own model),
    /// written to <paramref name="stream"/> as it is serialized, then the final line break.
    /// </summary>
    public static void WriteFamily(Stream stream, DbDesign design, Design.Families.FamilyDesign family)
    {
        var document = new FamilyDocumentJson(
            FormatVersion,
            design.Application,
            new EngineJson(design.Engine, design.EngineDisplayName),
            design.Family,
            Summarize(design.Requirement),
            family.Model,
            design.Decisions,
            design.Warnings,
            family.Files.Select(f => new FileJson(f.RelativePath, f.Description)).ToList())
        {
            Technologies = design.Technologies,
            SupportingTechnologies = design.SupportingTechnologies,
            Parts = PartJson.Of(design),
        };
        JsonSerializer.Serialize(stream, document, Options);
        stream.WriteByte((byte)'\n');
    }

    private static RequirementJson Summarize(DbRequirement requirement)
    {
        var app = requirement.Application;
        var workload = requirement.Workload;
        return new RequirementJson(
            ExportPaths.SourceName(requirement.SourcePath),
            requirement.Format,
            new ApplicationJson(app.Name, app.Description, app.Kind, app.Tenancy, app.Schema),
            new WorkloadJson(
                workload.Records, workload.RecordsPerDay, workload.ReadWriteRatio?.ToString(), workload.LatencyMs,
                workload.ConcurrentUsers, workload.Tps, workload.Retention?.ToString()),
            requirement.Hardware,
            requirement.Engine,
            requirement.Conventions,
            requirement.Entities.Select(e => new EntityJson(e.Name, e.Description, e.Rows, e.RowsPerDay, e.Attributes.Count)).ToList(),
            requirement.Relationships.Select(r => new RelationshipJson(r.From, r.To, r.Kind, r.OnDelete, r.Through, r.Role, r.Required)).ToList(),
            requirement.AccessPatterns.Select(p => new AccessPatternJson(p.Name, p.Entity, p.PerSecond)).ToList())
        {
            Operations = requirement.Operations.IsStated ? requirement.Operations : null,
        };
    }

    private sealed record DesignDocumentJson(
        int FormatVersion,
        string Application,
        EngineJson Engine,
        RequirementJson Requirement,
        SchemaModel Logical,
        SchemaModel Physical,
        IReadOnlyList<DesignDecision> Decisions,
        IReadOnlyList<DesignWarning> Warnings,
        IReadOnlyList<ScriptJson> Scripts)
    {
        public IReadOnlyList<TechnologyRecommendation>? Technologies { get; init; }

        public IReadOnlyList<SupportingTechnology>? SupportingTechnologies { get; init; }

        public IReadOnlyList<PartJson>? Parts { get; init; }

        public CapacityForecast? CapacityForecast { get; init; }

        public IReadOnlyList<QueryTemplate>? QueryTemplates { get; init; }

        public ConfigRecommendation? Configuration { get; init; }

        public BackupPlan? Backup { get; init; }

        public MaintenancePlan? Maintenance { get; init; }

        public SecurityPlan? Security { get; init; }

        public IReadOnlyList<RoadmapPhase>? Roadmap { get; init; }

        public DistributionPlan? Distribution { get; init; }
    }

    private sealed record FamilyDocumentJson(
        int FormatVersion,
        string Application,
        EngineJson Engine,
        EngineFamily Family,
        RequirementJson Requirement,
        object Physical,
        IReadOnlyList<DesignDecision> Decisions,
        IReadOnlyList<DesignWarning> Warnings,
        IReadOnlyList<FileJson> Files)
    {
        public IReadOnlyList<TechnologyRecommendation>? Technologies { get; init; }

        public IReadOnlyList<SupportingTechnology>? SupportingTechnologies { get; init; }

        public IReadOnlyList<PartJson>? Parts { get; init; }
    }

    private sealed record FileJson(string Path, string Description);

    private sealed record EngineJson(string Id, string DisplayName);

    private sealed record ScriptJson(string Path, ScriptKind Kind, bool BuildStep, string Description);

    private sealed record RequirementJson(
        string Source,
        int Format,
        ApplicationJson Application,
        WorkloadJson Workload,
        HardwareProfile Hardware,
        string Engine,
        Conventions Conventions,
        IReadOnlyList<EntityJson> Entities,
        IReadOnlyList<RelationshipJson> Relationships,
        IReadOnlyList<AccessPatternJson> AccessPatterns)
    {
        public OperationsProfile? Operations { get; init; }
    }

    private sealed record ApplicationJson(string Name, string? Description, ApplicationKind Kind, Tenancy Tenancy, string? Schema);

    private sealed record WorkloadJson(
        long? Records, long? RecordsPerDay, string? ReadWriteRatio, double? LatencyMs, int? ConcurrentUsers, double? Tps, string? Retention);

    private sealed record EntityJson(string Name, string? Description, long? Rows, long? RowsPerDay, int AttributeCount);

    private sealed record RelationshipJson(string From, string To, RelationshipKind Kind, DeleteAction OnDelete, string? Through, string? Role, bool Required);

    private sealed record AccessPatternJson(string Name, string Entity, double? PerSecond);
}
