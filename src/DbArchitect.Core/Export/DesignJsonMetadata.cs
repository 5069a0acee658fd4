using System.Text.Json.Serialization;
using DbArchitect.Core.Model.KeyValue;

namespace DbArchitect.Core.Export;

internal static partial class DesignJson
{
    /// <summary>
    /// The serialization metadata of design.json, generated at build time (System.Text.Json's source generator) instead
    /// of reflected at the first export. Metadata only: names, null handling, enum and logical-type converters still
    /// come from <see cref="Options"/>, so the bytes written are the reflection path's, property order included.
    /// </summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(DesignDocumentJson))]
    [JsonSerializable(typeof(FamilyDocumentJson))]
    // A family document's model is typed object; the key-value one is named here because the relational designs'
    // cache part (parts/redis-cache) is written on the first export. Other families' models are reflected when met.
    [JsonSerializable(typeof(KeyValueModel))]
    private sealed partial class DesignJsonMetadata : JsonSerializerContext;
}
