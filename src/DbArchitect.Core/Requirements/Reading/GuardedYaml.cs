using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Why a YAML text has no node tree: a syntax error, or an input limit (its own error id and fix); and where.</summary>
internal sealed record YamlLoadFailure(string? LimitErrorId, string Reason, string? LimitFix, Mark Mark)
{
    public bool Syntax => LimitErrorId is null;
}

/// <summary>
/// Every YAML file the module reads from outside (requirements, inventories) goes through here: YamlDotNet's parser under
/// <see cref="TrackingParser"/>'s guards (nesting depth, alias expansion, aliases inside their own anchor), its
/// exceptions turned into a reason and a position, never a crash.
/// </summary>
internal static partial class GuardedYaml
{
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    /// <summary>The parsed stream, or null with <paramref name="failure"/> saying why.</summary>
    public static YamlStream? Load(string yaml, out YamlLoadFailure? failure)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var parser = new TrackingParser(new Parser(reader));
        failure = null;
        try
        {
            stream.Load(parser);
            return stream;
        }
        catch (YamlException ex)
        {
            var reason = MarkPrefix().Replace(ex.Message, string.Empty).Trim();
            var detail = ex.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && inner is not YamlException
                ? $" ({inner.Message})"
                : string.Empty;
            failure = new YamlLoadFailure(null, reason + detail, null, PreciseMark(yaml, reason, ex.Start));
        }
        catch (InputLimitException ex)
        {
            failure = new YamlLoadFailure(ex.ErrorId, ex.Message, ex.Fix, ex.Mark);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // A YamlDotNet scanner failure without a position (InvalidOperationException), or its node builder meeting an
            // event it does not expect (ArgumentException, e.g. for "{ name: x }*b" found by the robustness properties):
            // point after the last part that parsed.
            failure = new YamlLoadFailure(null, "the parser could not continue after this point (often an unclosed [ or { or a missing comma)", null, parser.LastGoodEnd);
        }

        return null;
    }

    /// <summary>
    /// YamlDotNet reports a tab in indentation at the start of the enclosing mapping; point at the tab itself instead.
    /// </summary>
    private static Mark PreciseMark(string yaml, string reason, Mark mark)
    {
        if (!reason.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return mark;
        }

        var lines = yaml.Split('\n');
        for (var i = (int)Math.Max(0, mark.Line - 1); i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indentation)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return mark;
    }
}
