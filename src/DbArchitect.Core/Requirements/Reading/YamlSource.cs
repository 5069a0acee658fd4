using System.Text.RegularExpressions;
using DbArchitect.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Turns YAML text into its node tree. A syntax error is the one problem that stops the read.</summary>
internal static partial class YamlSource
{
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    /// <summary>The root node of the single document, or null after reporting why there is none.</summary>
    public static YamlNode? Load(ReaderContext context, string yaml)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var parser = new TrackingParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var reason = MarkPrefix().Replace(ex.Message, string.Empty).Trim();
            var detail = ex.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && inner is not YamlException
                ? $" ({inner.Message})"
                : string.Empty;
            ReportSyntax(context, $"{reason}{detail}", PreciseMark(yaml, reason, ex.Start));
            return null;
        }
        catch (InputLimitException ex)
        {
            context.Report(ex.ErrorId, ErrorKind.InvalidData, ex.Message, ex.Fix, context.At(ex.Mark));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // A YamlDotNet scanner failure without a position (InvalidOperationException), or its node builder meeting an
            // event it does not expect (ArgumentException, e.g. for "{ name: x }*b" found by the robustness properties):
            // point after the last part that parsed.
            ReportSyntax(context, "the parser could not continue after this point (often an unclosed [ or { or a missing comma)", parser.LastGoodEnd);
            return null;
        }

        if (stream.Documents.Count == 0 || YamlValues.IsNull(stream.Documents[0].RootNode))
        {
            context.Report(ErrorIds.MissingRequiredKey, ErrorKind.InvalidData, "The file is empty; 'application' and 'entities' are required.",
                "Start from the example in the documentation: an 'application' with a name and a list of 'entities'.",
                new SourceLocation(context.SourceName, 1, 1));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, "The file holds more than one YAML document; a requirements file is one document.",
                "Remove the '---' separator and everything after it, or move the second document to its own file.", stream.Documents[1].RootNode);
        }

        return stream.Documents[0].RootNode;
    }

    private static void ReportSyntax(ReaderContext context, string reason, Mark mark) =>
        context.Report(ErrorIds.YamlSyntaxError, ErrorKind.SyntaxError, $"The file is not valid YAML: {reason}",
            "Fix the YAML at this position: check indentation (spaces, never tabs), the colon after each key, matching quotes and brackets, "
            + "and that no key appears twice in one mapping.",
            context.At(mark));

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
