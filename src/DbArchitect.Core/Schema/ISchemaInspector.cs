using DbArchitect.Core.Live;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Schema;

/// <summary>
/// Reads a live catalog into the engine-neutral <see cref="SchemaModel"/>: one query per kind of object (tables,
/// columns, constraints, indexes, comments…), never one per table, so a database of thousands of tables imports in
/// seconds. Each engine with a live driver implements it in <c>Engines/&lt;Engine&gt;/&lt;Engine&gt;Inspector.cs</c>.
/// </summary>
public interface ISchemaInspector
{
    /// <summary>One model per schema (database on MySQL/MariaDB, the main database on SQLite) that passes the filter.</summary>
    IReadOnlyList<SchemaModel> Inspect(LiveSession session, SchemaFilter filter);

    /// <summary>
    /// The catalog's own spelling of a native type ("varchar(200)" → "character varying(200)" on PostgreSQL), so a
    /// design and an imported schema compare by meaning, not by alias.
    /// </summary>
    string CanonicalType(string nativeType);

    /// <summary>
    /// A design's physical model as this engine's scripts build it (names the server imposes, helper columns, indexes
    /// it translates, comments it truncates), so a design compares with an imported catalog like with like.
    /// </summary>
    SchemaModel AsBuilt(SchemaModel design) => design;

    /// <summary>
    /// The meaning of a CHECK condition as this engine's catalog or scripts spell it (<see cref="CheckMeaning"/>), so a
    /// changed condition is a difference and a reprinted one is not.
    /// </summary>
    string CheckMeaning(string expression) => Schema.CheckMeaning.Of(expression);

    /// <summary>An index key as Compare-DbSchema shows it, in this engine's words for how it is matched.</summary>
    string KeyText(IndexKey key) => key.ToString();

    /// <summary>
    /// A row policy as Compare-DbSchema shows it: in this engine's own syntax where it has row policies, else in no
    /// engine's words (<see cref="SchemaComparer.PolicyText"/>).
    /// </summary>
    string PolicyText(RowPolicy policy) => SchemaComparer.PolicyText(policy);

    /// <summary>
    /// A design's hand-written texts (index definitions with arbitrary expressions) as the live server prints them, so
    /// they compare with an imported catalog; Compare-DbSchema calls it when it reads the reference from a database.
    /// </summary>
    SchemaModel Normalise(LiveSession session, SchemaModel design) => design;

    /// <summary>
    /// Typical widths and null shares of the columns of <paramref name="schema"/> from the server's own statistics, in
    /// one query, so a design can be calibrated on the live database it replaces; null when the engine keeps none.
    /// </summary>
    IReadOnlyList<Design.ColumnStatistic>? ColumnStatistics(LiveSession session, string schema) => null;
}
