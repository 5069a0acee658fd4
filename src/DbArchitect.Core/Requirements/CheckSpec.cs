namespace DbArchitect.Core.Requirements;

public enum CheckOperator { GreaterOrEqual, Greater, LessOrEqual, Less, Equal, NotEqual, Between, In, Matches }

/// <summary>
/// One condition of a check, e.g. "&gt;= 0", "between 1 and 5", "in (a, b)", "length &gt;= 3", "matches '^[A-Z]+$'".
/// Values are literal texts validated against the column type; they are quoted by the engine, never spliced in.
/// </summary>
public sealed record CheckCondition(CheckOperator Operator, IReadOnlyList<string> Values, bool OnLength)
{
    public override string ToString()
    {
        var subject = OnLength ? "length " : string.Empty;
        return Operator switch
        {
            CheckOperator.GreaterOrEqual => $"{subject}>= {Values[0]}",
            CheckOperator.Greater => $"{subject}> {Values[0]}",
            CheckOperator.LessOrEqual => $"{subject}<= {Values[0]}",
            CheckOperator.Less => $"{subject}< {Values[0]}",
            CheckOperator.Equal => $"{subject}= {Values[0]}",
            CheckOperator.NotEqual => $"{subject}<> {Values[0]}",
            CheckOperator.Between => $"{subject}between {Values[0]} and {Values[1]}",
            CheckOperator.In => $"in ({string.Join(", ", Values)})",
            _ => $"matches '{Values[0]}'",
        };
    }
}

/// <summary>A check: conditions joined by "and", as written in the requirements file.</summary>
public sealed record CheckSpec(string Text, IReadOnlyList<CheckCondition> Conditions)
{
    public override string ToString() => Text;
}
