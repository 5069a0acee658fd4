using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Diagrams;

/// <summary>
/// Spelling rules for text inside a Mermaid erDiagram, derived from its lexer (erDiagram.jison): quoted texts
/// (aliases, attribute comments, relationship labels) may not hold a double quote, and a few characters have
/// meaning elsewhere in the grammar or in Mermaid's pre-processing, so they are replaced by look-alikes.
/// </summary>
internal static partial class MermaidText
{
    private const int CommentLength = 60;

    /// <summary>
    /// Text safe between double quotes anywhere in an erDiagram:
    /// <c>"</c> ends the string and <c>\</c>, <c>%</c> and control characters are refused in entity aliases;
    /// <c>~</c> starts a generic type and <c>`</c> a back-quoted word inside attribute blocks;
    /// <c>#word;</c> is read as an HTML entity code, so <c>;</c> goes; "direction TB" anywhere on a line is read as a
    /// direction statement. Runs of white space become one space; bidirectional controls are dropped.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var ch in text)
        {
            var mapped = ch switch
            {
                '"' or '`' => "'",
                '\\' => "/",
                '%' => " pct",
                ';' => ",",
                '~' => "-",
                _ when char.IsControl(ch) || char.IsWhiteSpace(ch) => " ",
                _ when CommentText.IsBidiControl(ch) => string.Empty,
                _ => null,
            };

            if (mapped is null)
            {
                // Most characters pass as they are: appended without a string of their own.
                builder.Append(ch);
                lastWasSpace = false;
                continue;
            }

            var piece = mapped;
            if (piece.Length == 0)
            {
                continue;
            }

            var isSpace = piece == " ";
            if (isSpace && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(piece);
            lastWasSpace = isSpace;
        }

        var result = DirectionStatement().Replace(builder.ToString().TrimEnd(), "$1-$2");
        return result.Length == 0 ? "-" : result;
    }

    /// <summary>A column comment shortened to a diagram-friendly length, cut between text elements.</summary>
    public static string Shorten(string text) => TextCut.ToLength(Quote(text), CommentLength, "...");

    /// <summary>
    /// The logical type as one attribute-type token (letters, digits, _, [, ], ( and ) only, starting with a letter):
    /// string(200) is string_200, decimal(12,2) is decimal_12_2, enum(...) is enum, array of int is int[].
    /// </summary>
    public static string TypeToken(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.String => "string_" + type.Length!.Value.ToString(CultureInfo.InvariantCulture),
        LogicalTypeKind.Char => "char_" + type.Length!.Value.ToString(CultureInfo.InvariantCulture),
        LogicalTypeKind.Decimal => "decimal_" + type.Precision!.Value.ToString(CultureInfo.InvariantCulture)
            + "_" + type.Scale!.Value.ToString(CultureInfo.InvariantCulture),
        LogicalTypeKind.Array => TypeToken(type.Element!) + "[]",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"(direction)\s+(tb|bt|rl|lr)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectionStatement();
}
