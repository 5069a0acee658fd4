using DbArchitect.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Turns YAML text into its node tree. A syntax error is the one problem that stops the read.</summary>
internal static class YamlSource
{
    /// <summary>The root node of the single document, or null after reporting why there is none.</summary>
    public static YamlNode? Load(ReaderContext context, string yaml)
    {
        var stream = GuardedYaml.Load(yaml, out var failure);
        if (stream is null)
        {
            if (failure!.Syntax)
            {
                ReportSyntax(context, failure.Reason, failure.Mark);
            }
            else
            {
                context.Report(failure.LimitErrorId!, ErrorKind.InvalidData, failure.Reason, failure.LimitFix!, context.At(failure.Mark));
            }

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
}
