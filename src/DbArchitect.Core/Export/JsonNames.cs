using System.Text.Json;

namespace DbArchitect.Core.Export;

/// <summary>How exported files spell enum values: kebab-case, like the requirements file ("one-to-many", "set-null").</summary>
internal static class JsonNames
{
    public static readonly JsonNamingPolicy EnumPolicy = JsonNamingPolicy.KebabCaseLower;

    public static string Enum<T>(T value)
        where T : struct, System.Enum => EnumPolicy.ConvertName(value.ToString());
}
