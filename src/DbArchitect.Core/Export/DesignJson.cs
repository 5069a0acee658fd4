using System.Text.Encodings.Web;
using System.Text.Json;
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

    /// <summary>
    /// JSON's own escapes only: the file is never embedded in HTML, so names and text stay readable. Indented, LF line
    /// endings on every platform; validation is the generated writer's (it writes only well-formed documents).
    /// </summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n", Encoder = Encoder, SkipValidation = true };

    /// <summary>
    /// System.Text.Json's options for the same document: camelCase names, nulls omitted, kebab-case enums, logical types
    /// as their canonical text. The generated writer (DesignJson.Writer.cs) is generated from this contract; the
    /// serializer itself writes only a family model the writer was not generated for, and is the tests' oracle.
    /// </summary>
    internal static JsonSerializerOptions SerializerOptions => Serializer.Options;

    /// <summary>Where the writer hands its buffer to the stream (one write to the file per 64 KB).</summary>
    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Writes design.json to <paramref name="stream"/> as it is written (the writer flushes between array elements once
    /// its buffer fills, so the document is never held whole), then the final line break.
    /// </summary>
    public static void Write(Stream stream, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteDesignDocumentJson(writer, Document(design, scripts));
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// design.json of a non-relational design (the same header, requirement and decisions, and the family's own model),
    /// written to <paramref name="stream"/> as it is written, then the final line break.
    /// </summary>
    public static void WriteFamily(Stream stream, DbDesign design, Design.Families.FamilyDesign family)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteFamilyDocumentJson(writer, FamilyDocument(design, family));
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>A relational design's document.</summary>
    internal static DesignDocumentJson Document(DbDesign design, IReadOnlyList<SqlScript> scripts) =>
        new(
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

    /// <summary>A non-relational design's document.</summary>
    internal static FamilyDocumentJson FamilyDocument(DbDesign design, Design.Families.FamilyDesign family) =>
        new(
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

    /// <summary>A family model the writer was not generated for, written by the serializer, by reflection.</summary>
    private static void WriteUnknownModel(Utf8JsonWriter writer, object model) =>
        JsonSerializer.Serialize(writer, model, model.GetType(), SerializerOptions);

    private static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }

    /// <summary>Built on first use only: a design whose models are all generated never builds it.</summary>
    private static class Serializer
    {
        public static readonly JsonSerializerOptions Options = new()
        {
            WriteIndented = true,
            NewLine = "\n",
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = Encoder,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNames.EnumPolicy), new LogicalTypeJsonConverter() },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
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

    internal sealed record DesignDocumentJson(
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

    internal sealed record FamilyDocumentJson(
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

    internal sealed record FileJson(string Path, string Description);

    internal sealed record EngineJson(string Id, string DisplayName);

    internal sealed record ScriptJson(string Path, ScriptKind Kind, bool BuildStep, string Description);

    internal sealed record RequirementJson(
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

    internal sealed record ApplicationJson(string Name, string? Description, ApplicationKind Kind, Tenancy Tenancy, string? Schema);

    internal sealed record WorkloadJson(
        long? Records, long? RecordsPerDay, string? ReadWriteRatio, double? LatencyMs, int? ConcurrentUsers, double? Tps, string? Retention);

    internal sealed record EntityJson(string Name, string? Description, long? Rows, long? RowsPerDay, int AttributeCount);

    internal sealed record RelationshipJson(string From, string To, RelationshipKind Kind, DeleteAction OnDelete, string? Through, string? Role, bool Required);

    internal sealed record AccessPatternJson(string Name, string Entity, double? PerSecond);
}
