namespace DbArchitect.Core.Requirements;

public enum DefaultKind
{
    /// <summary>A literal value, already checked against the column type. Emitted as a quoted SQL literal, never as raw SQL.</summary>
    Literal,

    /// <summary>The current date/time (written as now, current_timestamp or current_date).</summary>
    Now,

    /// <summary>A random UUID (written as random).</summary>
    RandomUuid,

    /// <summary>A JSON document, kept in canonical compact JSON text.</summary>
    Json,
}

/// <summary>A column default. <see cref="Value"/> is the literal's text (numbers in invariant form, bools as true/false).</summary>
public sealed record DefaultSpec(DefaultKind Kind, string? Value)
{
    public override string ToString() => Kind switch
    {
        DefaultKind.Now => "now",
        DefaultKind.RandomUuid => "random",
        _ => Value ?? string.Empty,
    };
}
