using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>A column's statistics as a live server keeps them: average stored bytes of a value and the share of NULLs.</summary>
public sealed record ColumnStatistic(string Table, string Column, int AverageBytes, double NullFraction);

/// <summary>
/// Calibrates a requirement's typical widths on the live database it describes: an attribute whose entity and name
/// match a column of the statistics (ignoring case and separators, so customer.full_name matches Customer.FullName)
/// takes its average length and null share from them. Measured figures win over stated ones and over defaults,
/// because they are what the application really stores; attributes without a match keep what they had.
/// </summary>
public static class WidthCalibration
{
    public static DbRequirement Apply(DbRequirement requirement, IReadOnlyList<ColumnStatistic> statistics, string source)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(statistics);
        var byColumn = new Dictionary<(string, string), ColumnStatistic>();
        foreach (var statistic in statistics)
        {
            byColumn.TryAdd((Key(statistic.Table), Key(statistic.Column)), statistic);
        }

        return requirement with
        {
            Entities = requirement.Entities.Select(e => e with { Attributes = Calibrated(e.Name, e.Attributes, byColumn, source) }).ToArray(),
            Relationships = requirement.Relationships.Select(r => r.Through is { } through
                ? r with { Attributes = Calibrated(through, r.Attributes, byColumn, source) }
                : r).ToArray(),
        };
    }

    private static IReadOnlyList<AttributeSpec> Calibrated(string table, IReadOnlyList<AttributeSpec> attributes, Dictionary<(string, string), ColumnStatistic> statistics, string source) =>
        attributes.Select(a => statistics.TryGetValue((Key(table), Key(a.Name)), out var s) ? Calibrated(a, s, source) : a).ToArray();

    private static AttributeSpec Calibrated(AttributeSpec attribute, ColumnStatistic statistic, string source)
    {
        var type = attribute.Type;
        int? length = attribute.AverageLength;
        if (type.Kind is LogicalTypeKind.String or LogicalTypeKind.Char or LogicalTypeKind.Text or LogicalTypeKind.Email
            or LogicalTypeKind.Url or LogicalTypeKind.Json or LogicalTypeKind.Binary && statistic.AverageBytes > 0)
        {
            // The statistics count the value's length header (1 byte below 127 bytes, 4 above); text is taken as one
            // byte a character, which overstates characters of non-ASCII text a little and never understates bytes.
            var payload = Math.Max(1, statistic.AverageBytes - (statistic.AverageBytes <= 127 ? 1 : 4));
            length = type.Length is { } declared ? Math.Min(declared, payload) : payload;
        }

        double? nullShare = attribute.Required ? attribute.NullShare : Math.Clamp(statistic.NullFraction, 0, 1);
        return attribute with { AverageLength = length, NullShare = nullShare, ProfileSource = source };
    }

    /// <summary>Lower-case letters and digits only: the naming convention must not decide whether a column matches.</summary>
    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
