using System.Globalization;
using System.Text;
using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Which names the format accepts for entities, attributes, roles, junctions and column references. Engines quote
/// every name, so reserved words and mixed case are fine; characters that could break out of quoting are not.
/// </summary>
internal static class IdentifierRules
{
    public const int MaxLength = 128;

    public const string Fix =
        "Start the name with a letter or underscore and use only letters (any language), digits, underscores, spaces or hyphens, "
        + "at most 128 characters, without leading or trailing spaces. Reserved words (order, user, group) and mixed case are fine: "
        + "the engine quotes every name itself.";

    /// <summary>Why the name is refused, or null when it is safe.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long (at most {MaxLength})";
        }

        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
        {
            return "starts or ends with whitespace";
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            var ok = first
                ? Rune.IsLetter(rune) || rune.Value == '_'
                : Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value is '_' or ' ' or '-';
            if (!ok)
            {
                return first
                    ? $"starts with {Describe(rune)}"
                    : $"contains {Describe(rune)}";
            }

            first = false;
        }

        return null;
    }

    /// <summary>Checks a name and reports UnsafeIdentifier at <paramref name="node"/>; returns whether it is safe.</summary>
    public static bool Check(ReaderContext context, string name, string what, YamlNode node)
    {
        if (Problem(name) is not { } problem)
        {
            return true;
        }

        context.Report(ErrorIds.UnsafeIdentifier, ErrorKind.InvalidData, $"The {what} '{name}' {problem}.", Fix, node, name);
        return false;
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string Describe(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? $"the character U+{rune.Value:X4}"
            : $"the character '{rune}'";
}
