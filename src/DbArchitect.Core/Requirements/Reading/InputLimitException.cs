using YamlDotNet.Core;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Stops the YAML parse when a bound of <see cref="InputLimits"/> is passed, carrying where and why.</summary>
internal sealed class InputLimitException : Exception
{
    public InputLimitException(string errorId, Mark mark, string message, string fix)
        : base(message)
    {
        ErrorId = errorId;
        Mark = mark;
        Fix = fix;
    }

    public string ErrorId { get; }

    public Mark Mark { get; }

    public string Fix { get; }
}
