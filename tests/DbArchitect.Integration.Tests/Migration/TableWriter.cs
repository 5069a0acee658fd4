using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.Migration;

/// <summary>
/// Inserts rows into the tables of a design while a migration runs: every required column gets a value its type and
/// checks accept (unique ones numbered), a required foreign key the first row of its parent, and the rest their
/// defaults. Tables none of whose inserts succeed before the migration (a pattern check, a self-reference) are left out.
/// </summary>
internal sealed class TableWriter
{
    private readonly Func<DbConnection> _open;
    private readonly bool _mariaDb;
    private readonly Func<string, string> _table;
    private readonly Func<string, string> _id;
    private readonly IReadOnlyList<Table> _tables;
    private long _n;

    public TableWriter(IReadOnlyList<Table> tables, Func<DbConnection> open, bool mariaDb, Func<string, string> table, Func<string, string> id)
    {
        _tables = tables.Where(t => t.PartitionBy is null).ToArray();
        _open = open;
        _mariaDb = mariaDb;
        _table = table;
        _id = id;
    }

    public ConcurrentDictionary<string, long> Inserted { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Failures { get; } = new();

    public TimeSpan LongestWait { get; private set; }

    /// <summary>Tables that accepted a row before the migration, parents first.</summary>
    public List<Table> Writable { get; } = new();

    /// <summary>Why each table left out was left out (its last insert's error).</summary>
    public Dictionary<string, string> LeftOut { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Two rounds of one insert per table so parents have rows before children need them, then two more: a table is
    /// writable when both of those succeed (a key made of a parent's first row repeats, so such a table is left out).
    /// The audit trail is written by triggers, not by the application.
    /// </summary>
    public void WarmUp()
    {
        using var connection = _open();
        var candidates = _tables.Where(t => t.Kind != TableKind.Audit).ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var table in candidates)
            {
                Insert(connection, table);
            }
        }

        foreach (var table in candidates)
        {
            if ((Insert(connection, table) ?? Insert(connection, table)) is { } error)
            {
                LeftOut[table.Name] = error;
            }
            else
            {
                Writable.Add(table);
            }
        }
    }

    public long Count(string table)
    {
        using var connection = _open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {_table(table)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Run(CancellationToken stop)
    {
        using var connection = _open();
        var i = 0;
        while (!stop.IsCancellationRequested && Writable.Count > 0)
        {
            var table = Writable[i++ % Writable.Count];
            var watch = Stopwatch.StartNew();
            if (Insert(connection, table) is { } error)
            {
                Failures.Enqueue($"{table.Name}: {error}");
            }
            else
            {
                Inserted.AddOrUpdate(table.Name, 1, (_, n) => n + 1);
            }

            if (watch.Elapsed > LongestWait)
            {
                LongestWait = watch.Elapsed;
            }

            Thread.Sleep(2);
        }
    }

    private string? Insert(DbConnection connection, Table table)
    {
        var n = Interlocked.Increment(ref _n);
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var column in table.Columns.Where(c => !c.Nullable && c.Default is null && c.Generation == KeyGeneration.None))
        {
            var value = table.ForeignKeys.FirstOrDefault(f => f.Columns.Count == 1 && f.Columns[0] == column.Name) is { } fk
                ? $"(SELECT {_id(fk.ReferencedColumns[0])} FROM {_table(fk.ReferencedTable)} ORDER BY 1 LIMIT 1)"
                : Value(column, table.Checks.Where(c => c.Column == column.Name).ToArray(), n);
            if (value is null)
            {
                return "no value for " + column.Name;
            }

            columns.Add(_id(column.Name));
            values.Add(value);
        }

        using var command = connection.CreateCommand();
        command.CommandText = columns.Count == 0 && !_mariaDb
            ? $"INSERT INTO {_table(table.Name)} DEFAULT VALUES"
            : $"INSERT INTO {_table(table.Name)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
        try
        {
            command.ExecuteNonQuery();
            return null;
        }
        catch (DbException ex)
        {
            return ex.Message;
        }
    }

    private string? Value(Column column, IReadOnlyList<CheckConstraint> checks, long n)
    {
        var number = n.ToString(CultureInfo.InvariantCulture);
        foreach (var check in checks)
        {
            switch (check.Kind)
            {
                case CheckKind.EnumMembers:
                    return Text((check.EnumValues.Count > 0 ? check.EnumValues : column.Type.EnumValues)[0]);
                case CheckKind.EmailFormat:
                    return Text($"w{number}@example.com");
                case CheckKind.UrlFormat:
                    return Text($"https://example.com/w{number}");
                case CheckKind.Conditions when check.Conditions.Count > 0:
                    var condition = check.Conditions[0];
                    if (condition.Operator == CheckOperator.Matches)
                    {
                        return Text("w" + number); // lower-case letters and digits: what a handle or code pattern accepts
                    }

                    if (condition.OnLength)
                    {
                        return condition.OnLength && condition.Operator is CheckOperator.Equal or CheckOperator.GreaterOrEqual or CheckOperator.Between
                            ? Text(new string('x', int.Parse(condition.Values[0], CultureInfo.InvariantCulture)))
                            : null;
                    }

                    var v = decimal.Parse(condition.Values[0], CultureInfo.InvariantCulture);
                    return condition.Operator switch
                    {
                        CheckOperator.In => Text(condition.Values[0]),
                        CheckOperator.Greater => (v + 1).ToString(CultureInfo.InvariantCulture),
                        CheckOperator.Less => (v - 1).ToString(CultureInfo.InvariantCulture),
                        CheckOperator.NotEqual => (v + 1).ToString(CultureInfo.InvariantCulture),
                        _ => v.ToString(CultureInfo.InvariantCulture),
                    };
            }
        }

        var limit = column.Type.Length ?? 60;
        return column.Type.Kind switch
        {
            LogicalTypeKind.String or LogicalTypeKind.Text or LogicalTypeKind.Email or LogicalTypeKind.Url =>
                Text(("w" + number + "_" + Guid.NewGuid().ToString("N"))[..Math.Min(limit, 34)]),
            LogicalTypeKind.Char => Text(number.PadLeft(limit, '0')[^limit..]),
            LogicalTypeKind.SmallInt => (n % 30000).ToString(CultureInfo.InvariantCulture),
            LogicalTypeKind.Int or LogicalTypeKind.BigInt => number,
            LogicalTypeKind.Decimal or LogicalTypeKind.Money or LogicalTypeKind.Float or LogicalTypeKind.Double => "1",
            LogicalTypeKind.Bool => _mariaDb ? "1" : "true",
            LogicalTypeKind.Date => Text("2024-01-01"),
            LogicalTypeKind.Time => Text("12:00:00"),
            LogicalTypeKind.Timestamp => Text("2024-01-01 00:00:00"),
            LogicalTypeKind.Uuid => _mariaDb ? "UUID()" : "gen_random_uuid()",
            LogicalTypeKind.Json => Text("{}"),
            LogicalTypeKind.Array => Text(_mariaDb ? "[]" : "{}"),
            LogicalTypeKind.Enum => Text(column.Type.EnumValues[0]),
            LogicalTypeKind.Binary => _mariaDb ? "X'00'" : "'\\x00'::bytea",
            _ => null,
        };
    }

    private string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal).Replace("\\", _mariaDb ? "\\\\" : "\\", StringComparison.Ordinal) + "'";
}
