using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

public enum SampleValueKind { RowKey, Reference, TenantKey, Text, Email, Url, Code, Integer, Decimal, Real, Bool, Timestamp, Date, Time, Json, Binary, EnumCycle, EnumArray, TextArray, Null, Literal }

/// <summary>
/// How one column of generated rows is filled for row number i (1…rows). References point at row
/// <c>T·((d + shift) mod m) + r + 1</c> of the referenced table, where r = (i−1) mod T is the row's tenant, q = (i−1) div T,
/// d = q div <see cref="Divisor"/>, m the referenced table's rows per tenant, and shift (for a second reference to the
/// same table) 1 + (q div ShiftDivisor) mod ShiftModulus: every reference exists, belongs to the same tenant, a self-link
/// never points at its own source, and the references of one row form a unique combination (junction keys stay unique).
/// </summary>
public sealed record SampleColumn(
    Column Column,
    SampleValueKind Kind,
    int Length = 0,
    string? ReferencedTable = null,
    long Divisor = 1,
    long Modulus = 1,
    long ShiftDivisor = 0,
    long ShiftModulus = 1,
    double Min = 0,
    double Max = 0,
    int Scale = 0,
    IReadOnlyList<string>? Choices = null,
    string? Literal = null)
{
    /// <summary>Share of rows left NULL (the column's stated nullShare); spread evenly over the row numbers.</summary>
    public double NullShare { get; init; }
}

public sealed record SampleTable(Table Table, long Rows, long Tenants, IReadOnlyList<SampleColumn> Columns);

/// <summary>Rows to generate per table, in foreign-key order, with how each column is filled.</summary>
public sealed record SampleDataPlan(IReadOnlyList<SampleTable> Tables, TypicalValues Values)
{
    public SampleTable? For(string table) => Tables.FirstOrDefault(t => string.Equals(t.Table.Name, table, StringComparison.Ordinal));
}
