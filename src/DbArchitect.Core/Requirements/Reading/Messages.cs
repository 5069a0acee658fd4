namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Small helpers that keep message wording uniform.</summary>
internal static class Messages
{
    /// <summary>"Attribute 'code' of entity 'order': unknown type …" — the element first, then the problem.</summary>
    public static string In(string what, string message) => $"{Capitalize(what)}: {Lower(message)}";

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
