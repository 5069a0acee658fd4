using System.Globalization;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// One key of an advised index. <see cref="Column"/> is a column name, or the server's own text of the expression when
/// <see cref="Function"/> is <see cref="KeyFunction.Raw"/> (an existing expression index read from a catalog).
/// </summary>
public sealed record AdvisedKey(string Column, KeyFunction Function, string? Argument, bool Descending, KeyMatch Match)
{
    public static AdvisedKey Of(string column, bool descending = false) => new(column, KeyFunction.None, null, descending, KeyMatch.Ordinary);

    /// <summary>True when this key can serve a predicate on the column through the same function.</summary>
    public bool Matches(ScanPredicate predicate) =>
        string.Equals(Column, predicate.Column, StringComparison.Ordinal) && Function == predicate.Function
        && string.Equals(Argument, predicate.FunctionArgument, StringComparison.Ordinal);

    /// <summary>The key as the engine names it: "created_at desc", "lower(email)", "name trgm" on PostgreSQL.</summary>
    public string Text(IIndexSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        var body = Function switch
        {
            KeyFunction.Lower => $"lower({Column})",
            KeyFunction.DateTrunc => spelling.Truncated(Column, Argument),
            _ => Column,
        };
        var match = spelling.Match(Match);
        return body + (match.Length == 0 ? string.Empty : " " + match) + (Descending ? " desc" : string.Empty);
    }

    /// <summary>The key in no engine's words (logs and debugging; advice asks the engine through <see cref="Text"/>).</summary>
    public override string ToString() => Text(IIndexSpelling.Neutral);
}

/// <summary>A partial-index condition on one column: equality with a constant, IS NULL or IS NOT NULL.</summary>
public sealed record PredicateTest(string Column, PredicateOperator Operator, string? Constant, bool ConstantIsText)
{
    public override string ToString() => Operator switch
    {
        PredicateOperator.IsNull => $"{Column} is null",
        PredicateOperator.IsNotNull => $"{Column} is not null",
        _ => ConstantIsText ? $"{Column} = '{Constant}'" : $"{Column} = {Constant}",
    };

    /// <summary>True when every row the scan reads passes this test, so a partial index with it can answer the scan.</summary>
    public bool ImpliedBy(WorkloadScan scan) => scan.Predicates.Any(p =>
        string.Equals(p.Column, Column, StringComparison.Ordinal) && p.Function == KeyFunction.None && (Operator switch
        {
            PredicateOperator.IsNull => p.Operator == PredicateOperator.IsNull,
            PredicateOperator.IsNotNull => p.Operator is PredicateOperator.IsNotNull or PredicateOperator.Equality && p.Constant is not null,
            _ => p.Operator == PredicateOperator.Equality && string.Equals(p.Constant, Constant, StringComparison.Ordinal),
        }));
}

/// <summary>
/// An engine-neutral index: keys with direction, included columns, method, partial condition. Existing indexes read
/// from a catalog keep the server's predicate text in <see cref="RawPredicate"/>.
/// </summary>
public sealed record IndexDefinition(
    string Table,
    IReadOnlyList<AdvisedKey> Keys,
    IReadOnlyList<string> Include,
    IndexStructure Method,
    IReadOnlyList<PredicateTest> Predicate,
    bool Unique,
    string? Name)
{
    public string? RawPredicate { get; init; }

    public bool IsPartial => Predicate.Count > 0 || RawPredicate is not null;

    public string PredicateText => RawPredicate ?? string.Join(" and ", Predicate.Select(p => p.ToString()));

    /// <summary>
    /// Readable and comparable, in the engine's words: "orders (customer_id, created_at desc) include (total) where
    /// status = 'paid' using btree". Advice sorts candidates by it and hashes a long name from it, so the same engine
    /// always gets the same bytes.
    /// </summary>
    public string Signature(IIndexSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        var text = $"{Table} ({string.Join(", ", Keys.Select(k => k.Text(spelling)))})";
        if (Include.Count > 0)
        {
            text += $" include ({string.Join(", ", Include.Order(StringComparer.Ordinal))})";
        }

        if (IsPartial)
        {
            text += " where " + PredicateText;
        }

        return text + " using " + spelling.Method(Method);
    }

    /// <summary>Every plain column the index holds (keys and INCLUDE).</summary>
    public IEnumerable<string> Columns =>
        Keys.Where(k => k.Function != KeyFunction.Raw).Select(k => k.Column).Concat(Include).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A deterministic name: ix_table_col1_col2 (the engine's name of an inverted or block-range structure after the
    /// keys, …_part for partial, …_cov for covering, a hash of the signature as suffix when too long).
    /// </summary>
    public string SuggestedName(IIndexSpelling spelling, int maxLength)
    {
        var parts = new List<string> { "ix", Table };
        parts.AddRange(Keys.Select(k => k.Function switch
        {
            KeyFunction.Lower => "lower_" + k.Column,
            KeyFunction.DateTrunc => k.Argument + "_" + k.Column,
            _ => k.Column,
        }));
        if (Method is IndexStructure.Inverted or IndexStructure.BlockRange)
        {
            parts.Add(spelling.Method(Method));
        }

        if (IsPartial)
        {
            parts.Add("part");
        }

        if (Include.Count > 0)
        {
            parts.Add("cov");
        }

        var name = string.Join("_", parts).ToLowerInvariant();
        name = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = StableHash(Signature(spelling)).ToString("x8", CultureInfo.InvariantCulture);
        return name[..(maxLength - 9)] + "_" + hash;
    }

    private static uint StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process and names must be the same bytes every run.
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619); // wraps by design; the project checks overflow everywhere else
        }

        return hash;
    }
}
