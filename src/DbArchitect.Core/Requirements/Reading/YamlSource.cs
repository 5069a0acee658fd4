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
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var reason = MarkPrefix().Replace(ex.Message, string.Empty).Trim();
            var detail = ex.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && inner is not YamlException
                ? $" ({inner.Message})"
                : string.Empty;
            context.Report(ErrorIds.YamlSyntaxError, ErrorKind.SyntaxError, $"The file is not valid YAML: {reason}{detail}",
                "Fix the YAML at this position: check indentation, the colon after each key, matching quotes and brackets, and that no key appears twice in one mapping.",
                context.At(ex.Start));
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
}
