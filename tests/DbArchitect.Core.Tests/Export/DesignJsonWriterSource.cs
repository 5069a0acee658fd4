using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Engines.MongoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Export;

/// <summary>
/// Writes src/DbArchitect.Core/Export/DesignJson.Writer.cs: design.json's writer as plain code over a Utf8JsonWriter,
/// one method per record and enum, generated from System.Text.Json's own contract for the document types
/// (<see cref="SerializerOptions"/>: the property set, order and names, null handling and enum names are the
/// serializer's), so the module writes the serializer's bytes without its per-type generic machinery, which a new
/// session JIT-compiled (1,059 methods on the first export, 853 of them over design.json's enums).
/// <see cref="DesignJsonWriterTests"/> keeps the file current and its output equal to the serializer's.
/// </summary>
internal static class DesignJsonWriterSource
{
    public static string RelativePath => Path.Combine("src", "DbArchitect.Core", "Export", "DesignJson.Writer.cs");

    /// <summary>The serializer's options, whose contract the writer follows.</summary>
    public static JsonSerializerOptions SerializerOptions => DesignJson.SerializerOptions;

    /// <summary>The documents and the family models a family document's typed-object "physical" can hold.</summary>
    public static IReadOnlyList<Type> Documents { get; } = [typeof(DesignJson.DesignDocumentJson), typeof(DesignJson.FamilyDocumentJson)];

    public static IReadOnlyList<Type> FamilyModels { get; } = [typeof(MongoDbModel), typeof(DynamoDbModel), typeof(KeyValueModel)];

    public static string Generate() => new Generator().Run();

    private sealed class Generator
    {
        private readonly SortedDictionary<string, Type> _records = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, Type> _enums = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, Type> _collections = new(StringComparer.Ordinal);
        private readonly Dictionary<Type, string> _names = [];
        private readonly SortedDictionary<string, string> _encoded = new(StringComparer.Ordinal);
        private readonly Queue<Type> _pending = new();

        public string Run()
        {
            foreach (var root in Documents.Concat(FamilyModels))
            {
                Visit(root);
            }

            while (_pending.TryDequeue(out var type))
            {
                foreach (var property in Contract(type).Properties.Where(p => !IsAlwaysIgnored(p)))
                {
                    Visit(property.PropertyType);
                }
            }

            var body = new StringBuilder();
            foreach (var type in _records.Values)
            {
                WriteRecord(body, type);
            }

            foreach (var type in _collections.Values)
            {
                WriteCollection(body, type);
            }

            foreach (var type in _enums.Values)
            {
                WriteEnum(body, type);
            }

            WriteModelDispatch(body);
            return Header() + Fields() + body.ToString().TrimEnd('\n') + "\n}\n";
        }

        private static JsonTypeInfo Contract(Type type) => SerializerOptions.GetTypeInfo(type);

        private static bool IsAlwaysIgnored(JsonPropertyInfo property) =>
            (property.AttributeProvider as PropertyInfo)?.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.Always;

        private void Visit(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (_names.ContainsKey(type) || IsLeaf(type))
            {
                return;
            }

            if (type.IsEnum)
            {
                if (type.IsDefined(typeof(FlagsAttribute)))
                {
                    throw new InvalidOperationException($"{type}: a [Flags] enum's combined names are not generated; write them or drop [Flags].");
                }

                _enums.Add(Register(type), type);
                return;
            }

            var contract = Contract(type);
            switch (contract.Kind)
            {
                case JsonTypeInfoKind.Object when type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal):
                    throw new InvalidOperationException($"{type}: the serializer writes a tuple as {{}} (its element names are erased at run time); make it a record.");
                case JsonTypeInfoKind.Object:
                    _records.Add(Register(type), type);
                    _pending.Enqueue(type);
                    return;
                case JsonTypeInfoKind.Enumerable:
                case JsonTypeInfoKind.Dictionary when contract.KeyType == typeof(string):
                    Visit(contract.ElementType!);
                    _collections.Add(Register(type), type);
                    return;
                case JsonTypeInfoKind.None when type == typeof(object):
                    return;
                default:
                    throw new InvalidOperationException($"{type}: no generated writer for a {contract.Kind} contract ({contract.Converter.GetType().Name}).");
            }
        }

        private static bool IsLeaf(Type type) =>
            type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double)
            || type == typeof(decimal) || type == typeof(LogicalType);

        /// <summary>A method-name stem per type: its own name, with its declaring types, then its namespace, where two types share one.</summary>
        private string Register(Type type)
        {
            var name = Stem(type);

            for (var outer = type.DeclaringType; _names.ContainsValue(name) && outer is not null; outer = outer.DeclaringType)
            {
                name = outer.Name + name;
            }

            var space = (type.Namespace ?? "").Split('.');
            for (var i = space.Length - 1; _names.ContainsValue(name) && i >= 0; i--)
            {
                name = space[i] + name;
            }

            if (_names.ContainsValue(name))
            {
                throw new InvalidOperationException($"{type}: two document types named {name}.");
            }

            _names.Add(type, name);
            return name;
        }

        /// <summary>"DesignDecision"; a generic type's with its arguments' names: "IReadOnlyListOfDesignDecision".</summary>
        private string Stem(Type type) =>
            _names.TryGetValue(type, out var known) ? known
            : Nullable.GetUnderlyingType(type) is { } underlying ? "Nullable" + Stem(underlying)
            : type.IsArray ? "ArrayOf" + Stem(type.GetElementType()!)
            : type.IsGenericType ? type.Name.Split('`')[0] + "Of" + string.Concat(type.GetGenericArguments().Select(Stem))
            : type.Name;

        private string Encoded(string text)
        {
            // Property and enum names are ASCII words, which every encoder leaves as they are and a C# literal holds as written.
            if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new InvalidOperationException($"{text}: only ASCII letters, digits, '-' and '_' are generated as names.");
            }

            var field = "P_" + new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
            if (_encoded.TryGetValue(field, out var existing) && existing != text)
            {
                throw new InvalidOperationException($"Two names share the field {field}.");
            }

            _encoded[field] = text;
            return field;
        }

        /// <summary>A record's method: one line per property, in the serializer's order, skipped as the serializer skips it.</summary>
        private void WriteRecord(StringBuilder code, Type type)
        {
            var contract = Contract(type);
            code.Append(CultureInfo.InvariantCulture, $"    private static void Write{_names[type]}(Utf8JsonWriter w, {CSharp(type)} v)\n    {{\n");
            code.Append("        w.WriteStartObject();\n");
            foreach (var property in contract.Properties)
            {
                var member = property.AttributeProvider as PropertyInfo
                    ?? throw new InvalidOperationException($"{type}.{property.Name}: only properties are written.");
                var ignore = member.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition;
                var access = "v." + member.Name;
                var write = $"w.WritePropertyName({Encoded(property.Name)}); ";
                var line = ignore switch
                {
                    JsonIgnoreCondition.Always => null,
                    JsonIgnoreCondition.WhenWritingDefault when property.PropertyType.IsValueType =>
                        $"if ({access} != default) {{ {write}{Value(property.PropertyType, access)} }}",
                    null or JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault when CanBeNull(property.PropertyType) =>
                        $"if ({access} is {{ }} {Local(member)}) {{ {write}{Value(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, Local(member))} }}",
                    null or JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault => write + Value(property.PropertyType, access),
                    _ => throw new InvalidOperationException($"{type}.{member.Name}: [JsonIgnore(Condition = {ignore})] is not generated."),
                };
                if (line is not null)
                {
                    code.Append("        ").Append(line).Append('\n');
                }
            }

            code.Append("        w.WriteEndObject();\n    }\n\n");
        }

        private static string Local(PropertyInfo member) => "p" + member.Name;

        private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

        /// <summary>The statement writing <paramref name="value"/>, a non-null expression of <paramref name="type"/>.</summary>
        private string Value(Type type, string value) =>
            type == typeof(string) ? $"w.WriteStringValue({value});"
            : type == typeof(bool) ? $"w.WriteBooleanValue({value});"
            : type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) ? $"w.WriteNumberValue({value});"
            // LogicalTypeJsonConverter's text.
            : type == typeof(LogicalType) ? $"w.WriteStringValue({value}.ToString());"
            : type == typeof(object) ? $"WriteModel(w, {value});"
            : _names.TryGetValue(type, out var name) ? $"Write{name}(w, {value});"
            : throw new InvalidOperationException($"{type}: not visited.");

        /// <summary>An array (or a dictionary's object) of one declared collection type, element by element; a null element is written as null.</summary>
        private void WriteCollection(StringBuilder code, Type type)
        {
            var contract = Contract(type);
            var element = contract.ElementType!;
            var dictionary = contract.Kind == JsonTypeInfoKind.Dictionary;
            var item = dictionary ? "item.Value" : "item";
            var write = CanBeNull(element)
                ? $"if ({item} is {{ }} element) {{ {Value(Nullable.GetUnderlyingType(element) ?? element, "element")} }} else {{ w.WriteNullValue(); }}"
                : Value(element, item);
            code.Append(CultureInfo.InvariantCulture, $"    private static void Write{_names[type]}(Utf8JsonWriter w, {CSharp(type)} v)\n    {{\n");
            code.Append(dictionary ? "        w.WriteStartObject();\n" : "        w.WriteStartArray();\n");
            code.Append("        foreach (var item in v)\n        {\n");
            code.Append(dictionary ? "            w.WritePropertyName(item.Key);\n" : string.Empty);
            code.Append(CultureInfo.InvariantCulture, $"            {write}\n");
            // The serializer flushes as its buffer fills; so does this, between elements, so a large document streams to
            // the file instead of accumulating in the writer.
            code.Append("            FlushWhenFull(w);\n        }\n\n");
            code.Append(dictionary ? "        w.WriteEndObject();\n    }\n\n" : "        w.WriteEndArray();\n    }\n\n");
        }

        /// <summary>An enum's names as the serializer writes them; a value outside them as its number, as the serializer does.</summary>
        private void WriteEnum(StringBuilder code, Type type)
        {
            code.Append(CultureInfo.InvariantCulture, $"    private static void Write{_names[type]}(Utf8JsonWriter w, {CSharp(type)} v)\n    {{\n");
            code.Append("        switch (v)\n        {\n");
            foreach (var value in Enum.GetValues(type).Cast<object>().DistinctBy(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)))
            {
                var text = JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, type, SerializerOptions))!;
                code.Append(CultureInfo.InvariantCulture, $"            case {CSharp(type)}.{Enum.GetName(type, value)}: w.WriteStringValue({Encoded(text)}); return;\n");
            }

            code.Append(CultureInfo.InvariantCulture, $"            default: w.WriteNumberValue(({CSharp(Enum.GetUnderlyingType(type))})v); return;\n");
            code.Append("        }\n    }\n\n");
        }

        private void WriteModelDispatch(StringBuilder code)
        {
            code.Append("    /// <summary>A family document's model, typed object: written as its runtime type, as the serializer does.</summary>\n");
            code.Append("    private static void WriteModel(Utf8JsonWriter w, object v)\n    {\n        switch (v)\n        {\n");
            foreach (var model in FamilyModels)
            {
                code.Append(CultureInfo.InvariantCulture, $"            case {CSharp(model)} model:\n                Write{_names[model]}(w, model);\n                return;\n");
            }

            code.Append("            default:\n                WriteUnknownModel(w, v);\n                return;\n");
            code.Append("        }\n    }\n");
        }

        private static string CSharp(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return CSharp(underlying) + "?";
            }

            var keyword = Type.GetTypeCode(type) switch
            {
                TypeCode.String => "string",
                TypeCode.Boolean => "bool",
                TypeCode.Byte => "byte",
                TypeCode.Int16 => "short",
                TypeCode.Int32 => "int",
                TypeCode.Int64 => "long",
                TypeCode.Double => "double",
                TypeCode.Decimal => "decimal",
                _ => null,
            };
            if (keyword is not null && !type.IsEnum)
            {
                return keyword;
            }

            if (type == typeof(object))
            {
                return "object";
            }

            var name = type.DeclaringType is { } outer ? CSharp(outer) + "." + type.Name : "global::" + type.Namespace + "." + type.Name;
            if (type.IsGenericType)
            {
                name = name.Split('`')[0] + "<" + string.Join(", ", type.GetGenericArguments().Select(CSharp)) + ">";
            }

            return name;
        }

        private static string Header() =>
            """
            // <auto-generated>
            // Written by tests/DbArchitect.Core.Tests/Export/DesignJsonWriterSource.cs from System.Text.Json's contract for
            // design.json's types. Do not edit: change the model, then run the Core tests with UPDATE_GOLDEN=1
            // (DesignJsonWriterTests fails while this file is not what the model generates). When a renamed or removed
            // property stops Core from building, delete the lines here that name it, build, and regenerate.
            // </auto-generated>
            #nullable enable

            using System.Text.Json;

            namespace DbArchitect.Core.Export;

            internal static partial class DesignJson
            {

            """;

        private string Fields()
        {
            var fields = new StringBuilder();
            foreach (var (field, text) in _encoded)
            {
                fields.Append(CultureInfo.InvariantCulture, $"    private static readonly JsonEncodedText {field} = JsonEncodedText.Encode(\"{text}\");\n");
            }

            return fields.Append('\n').ToString();
        }
    }
}
