using System.Data.Common;
using DbArchitect.Core.Live;
using Q = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCatalogQueries;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>The rows of the large catalog queries, read with typed getters, and the names of attribute numbers.</summary>
public sealed partial class PostgreSqlInspector
{
    private sealed record TableRow(uint Oid, string Schema, string Name, string? Comment, string? PartitionBy, long EstimatedRows, bool RowSecurity, bool ForceRowSecurity);

    private sealed record ColumnRow(uint Table, string Name, short Position, string NativeType, bool NotNull, bool Identity, bool Generated, string? Default, string? Comment);

    private sealed record ConstraintRow(
        uint Table, string Name, string Kind, short[] Columns, uint ReferencedOid, string? ReferencedTable, short[] ReferencedColumns,
        string OnDelete, short[] SetNullColumns, string? Expression, string? Comment);

    private sealed record IndexRow(
        uint Table, string Name, bool Unique, string Method, short KeyCount, short[] Attributes, short[] Options, uint[] OperatorClasses,
        string[] Keys, string?[] RawExpressions, string? Predicate, string? RawPredicate, string? Comment);

    private sealed record OperatorClass(string Name, bool IsDefault);

    private static IReadOnlyList<TableRow> ReadTables(LiveSession session, IReadOnlyDictionary<string, object?> parameters) =>
        session.Read(Q.Tables, "Reading tables", parameters, r => new TableRow(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), r.GetInt64(5), r.GetBoolean(6), r.GetBoolean(7)));

    private static IReadOnlyList<ColumnRow> ReadColumns(LiveSession session, IReadOnlyDictionary<string, object?> parameters) =>
        session.Read(Q.Columns, "Reading columns", parameters, r => new ColumnRow(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetInt16(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5), r.GetBoolean(6), Text(r, 7), Text(r, 8)));

    private static IReadOnlyList<ConstraintRow> ReadConstraints(LiveSession session, IReadOnlyDictionary<string, object?> parameters) =>
        session.Read(Q.Constraints, "Reading constraints", parameters, r => new ConstraintRow(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), Numbers(r, 3), r.GetFieldValue<uint>(4), Text(r, 5), Numbers(r, 6),
            r.GetString(7), Numbers(r, 8), Text(r, 9), Text(r, 10)));

    private static IReadOnlyList<IndexRow> ReadIndexes(LiveSession session, IReadOnlyDictionary<string, object?> parameters) =>
        session.Read(Q.Indexes, "Reading indexes", parameters, r => new IndexRow(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetBoolean(2), r.GetString(3), r.GetInt16(4), Numbers(r, 5), Numbers(r, 6),
            r.GetFieldValue<uint[]>(7), r.GetFieldValue<string[]>(8), r.GetFieldValue<string?[]>(9), Text(r, 10), Text(r, 11), Text(r, 12)));

    private static Dictionary<uint, OperatorClass> ReadOperatorClasses(LiveSession session) =>
        session.Read(Q.OperatorClasses, "Reading operator classes", null, r => (Oid: r.GetFieldValue<uint>(0), Class: new OperatorClass(r.GetString(1), r.GetBoolean(2))))
            .ToDictionary(c => c.Oid, c => c.Class);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static short[] Numbers(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? Array.Empty<short>() : reader.GetFieldValue<short[]>(ordinal);

    /// <summary>
    /// Column names by table oid and attribute number: the columns read, and for the tables a constraint names that the
    /// columns query did not cover (a foreign key into another schema or a table the filter left out), one more query in
    /// the same snapshot.
    /// </summary>
    private sealed class AttributeNames
    {
        private readonly Dictionary<(uint Table, short Position), string> _names = new();

        public AttributeNames(IEnumerable<ColumnRow> columns)
        {
            foreach (var column in columns)
            {
                _names[(column.Table, column.Position)] = column.Name;
            }
        }

        public void ReadMissing(LiveSession session, IEnumerable<(uint Table, short[] Positions)> wanted)
        {
            var missing = wanted.Where(w => w.Positions.Any(p => !_names.ContainsKey((w.Table, p)))).Select(w => w.Table).Distinct().ToArray();
            if (missing.Length == 0)
            {
                return;
            }

            var rows = session.Read(Q.Attributes, "Reading the columns of referenced tables", new Dictionary<string, object?> { ["tables"] = missing.Select(t => (long)t).ToArray() },
                r => (Table: r.GetFieldValue<uint>(0), Position: r.GetInt16(1), Name: r.GetString(2)));
            foreach (var row in rows)
            {
                _names[(row.Table, row.Position)] = row.Name;
            }
        }

        /// <summary>The names in order; a number no attribute has (a column dropped since) is left out, as the catalog join left it out.</summary>
        public string[] Of(uint table, short[] positions) =>
            positions.Select(p => _names.TryGetValue((table, p), out var name) ? name : null).OfType<string>().ToArray();
    }
}
